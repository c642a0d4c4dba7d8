import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { HealthRecord, HealthStatus } from '@cds/contracts/health';
import { fakeApi, renderPage } from '../../test/helpers.tsx';
import { HealthPage } from './HealthPage.tsx';

const status = (over: Partial<HealthStatus>): HealthStatus => ({ eid: true, consented: false, consentVersion: '1.0', consentedAt: null, ...over });
const RECORD: HealthRecord = {
  patient: { name: null, birthDate: '1992', gender: 'female' },
  vaccinations: [{ vaccine: 'Vắc xin phòng COVID-19', date: '2021-11-15', dose: 2, status: 'completed', performer: 'Trạm Y tế' }],
  visits: [{ date: '2026-03-12', kind: 'Khám ngoại trú', reason: 'Ho, sốt nhẹ', place: 'Trạm Y tế' }].map((v) => ({ ...v, status: 'finished' })),
  source: 'Hệ thống thông tin y tế', readAt: '2026-12-07T02:00:00.000Z',
};

describe('health book', () => {
  it('asks a person not signed in with VNeID to do so, and reads nothing', async () => {
    const api = fakeApi({ 'GET /api/health-book/status': () => ({ body: status({ eid: false }) }) });
    renderPage(<HealthPage />);
    expect((await screen.findByRole('link', { name: 'Đăng nhập bằng VNeID' })).getAttribute('href')).toBe('/api/auth/eid/start?returnTo=%2Fhealth');
    expect(api.calls.some((c) => c.path === '/api/health-book/record')).toBe(false);
  });

  it('reads the record only after the person ticks and agrees', async () => {
    let consented = false;
    const api = fakeApi({
      'GET /api/health-book/status': () => ({ body: status({ consented }) }),
      'POST /api/health-book/consent': () => {
        consented = true;
        return { body: status({ consented: true, consentedAt: '2026-12-07T02:00:00.000Z' }) };
      },
      'GET /api/health-book/record': () => ({ body: RECORD }),
    });
    renderPage(<HealthPage />);
    const agree = await screen.findByRole('button', { name: 'Đồng ý và xem sổ sức khỏe' });
    expect((agree as HTMLButtonElement).disabled).toBe(true);
    expect(api.calls.some((c) => c.path === '/api/health-book/record')).toBe(false);
    await userEvent.click(screen.getByLabelText('Tôi đã đọc và đồng ý'));
    await userEvent.click(agree);
    expect(await screen.findByText('Vắc xin phòng COVID-19 (mũi 2)')).toBeTruthy();
    expect(screen.getByText('15/11/2021 · Trạm Y tế')).toBeTruthy();
    expect(api.calls.find((c) => c.path === '/api/health-book/consent')?.body).toEqual({ version: '1.0' });
  });
});
