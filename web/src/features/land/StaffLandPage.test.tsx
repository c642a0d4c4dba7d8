// The land officer's import page while the server reads a file: the count of features read,
// stored and rejected, after the upload and after a reload of the page.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ImportReply, ImportRun } from '@cds/contracts/land';
import { errorReply, fakeApi, renderPage } from '../../test/helpers.tsx';
import { StaffLandPage } from './StaffLandPage.tsx';

const RUN_ID = '6f1c2a4e-8b1d-4c3a-9e2f-0a1b2c3d4e5f';
const REPORT: ImportReply = { read: 12_501, inserted: 12_301, updated: 150, rejected: [{ feature: 7, key: null, reason: 'Thiếu hoặc sai số tờ bản đồ' }], srid: 9215 };
const READING: ImportRun = {
  id: RUN_ID, kind: 'parcels', fileName: 'thua-dat-tinh.zip', state: 'reading', read: 12_500, inserted: 12_300, updated: 150, rejected: 50,
  startedAt: '2026-03-02T01:15:00.000Z', finishedAt: null, failure: null, report: null,
};
const DONE: ImportRun = { ...READING, state: 'done', read: 12_501, inserted: 12_301, rejected: 50, finishedAt: '2026-03-02T01:19:00.000Z', report: REPORT };
const summary = ({ report: _report, ...run }: ImportRun) => run;
const COUNT = 'Đã đọc 12.500 thửa — 12.300 thêm mới, 150 cập nhật, 50 bị từ chối';
const progressShown = () => document.querySelector('.land-progress') !== null;

/** XMLHttpRequest as the page uses it, driven by the test: upload events, then the reply. */
class FakeXhr {
  static last: FakeXhr | null = null;
  url = '';
  status = 0;
  responseText = '';
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null; onload: (() => void) | null } = { onprogress: null, onload: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader() {}
  getResponseHeader() {
    return 'application/json';
  }
  send() {
    FakeXhr.last = this;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  FakeXhr.last = null;
});

describe('land officers: following an import', () => {
  it('after the upload, counts what the server has read until the report comes', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    vi.spyOn(crypto, 'randomUUID').mockReturnValue(RUN_ID);
    let polls = 0;
    fakeApi({
      'GET /api/land/staff/plans': () => ({ body: { items: [] } }),
      'GET /api/land/imports': () => ({ body: { items: [] } }),
      // the server writes the upload to its disk before it starts the run
      [`GET /api/land/imports/${RUN_ID}`]: () => (++polls === 1 ? errorReply(404, 'land.import_run.not_found', 'Không tìm thấy lần nhập này') : { body: READING }),
    });
    renderPage(<StaffLandPage />);
    await userEvent.upload(screen.getByLabelText('Tệp dữ liệu'), new File(['{}'], 'thua-dat.geojson', { type: 'application/geo+json' }));
    await userEvent.selectOptions(screen.getByLabelText('Hệ tọa độ'), '9215');
    await userEvent.click(screen.getByRole('button', { name: 'Nhập dữ liệu' }));

    const xhr = FakeXhr.last!;
    expect(new URLSearchParams(xhr.url.split('?')[1]).get('runId')).toBe(RUN_ID);
    act(() => xhr.upload.onprogress!({ lengthComputable: true, loaded: 40, total: 100 }));
    expect(screen.getByText('Đang gửi tệp: 40%')).toBeTruthy();
    act(() => xhr.upload.onload!());
    expect(await screen.findByText(COUNT)).toBeTruthy();
    expect(screen.getByText('Tệp thua-dat-tinh.zip, bắt đầu lúc 02/03/2026 08:15')).toBeTruthy();
    expect(polls).toBeGreaterThanOrEqual(2);

    act(() => {
      xhr.status = 200;
      xhr.responseText = JSON.stringify(REPORT);
      xhr.onload!();
    });
    expect(await screen.findByText('Kết quả nhập tệp thua-dat.geojson')).toBeTruthy();
    expect(screen.getByText('Thêm mới: 12.301')).toBeTruthy();
    expect(progressShown()).toBe(false);
  });

  it('after a reload, finds the import the server is still reading, follows it and shows its report', async () => {
    let polls = 0;
    fakeApi({
      'GET /api/land/staff/plans': () => ({ body: { items: [] } }),
      'GET /api/land/imports': () => ({ body: { items: [summary(polls < 2 ? READING : DONE)] } }),
      [`GET /api/land/imports/${RUN_ID}`]: () => ({ body: ++polls === 1 ? READING : DONE }),
    });
    renderPage(<StaffLandPage />);
    expect(await screen.findByText(COUNT, { selector: '.land-progress__count' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Lần nhập gần đây' })).toBeTruthy();

    expect(await screen.findByText('Kết quả nhập tệp thua-dat-tinh.zip')).toBeTruthy();
    expect(screen.getByText('Bị loại: 50')).toBeTruthy();
    expect(progressShown()).toBe(false);
    expect(polls).toBe(2);
  });

  it('tells why an import followed after a reload failed', async () => {
    fakeApi({
      'GET /api/land/staff/plans': () => ({ body: { items: [] } }),
      'GET /api/land/imports': () => ({ body: { items: [summary(READING)] } }),
      [`GET /api/land/imports/${RUN_ID}`]: () => ({ body: { ...READING, state: 'failed', finishedAt: null, failure: 'Máy chủ đã dừng giữa chừng khi đang đọc tệp' } }),
    });
    renderPage(<StaffLandPage />);
    expect(await screen.findByText('Máy chủ đã dừng giữa chừng khi đang đọc tệp')).toBeTruthy();
    expect(progressShown()).toBe(false);
  });
});
