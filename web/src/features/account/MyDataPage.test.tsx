import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, renderPage } from '../../test/helpers.tsx';
import { DELETION_RECEIPT, ME } from '../../test/fixtures.ts';
import { MyDataPage } from './MyDataPage.tsx';

describe('MyDataPage', () => {
  it('shows the receipt after asking to delete: what is erased, and what the law keeps and why', async () => {
    const api = fakeApi({ 'POST /api/me/deletion-request': () => ({ status: 202, body: DELETION_RECEIPT }) });
    renderPage(<MyDataPage me={ME} />, { path: '/account/data' });
    await userEvent.click(screen.getByRole('button', { name: 'Yêu cầu xóa tài khoản' }));
    await userEvent.click(screen.getByRole('button', { name: 'Gửi yêu cầu xóa' }));
    expect(await screen.findByText('H41.01-261201-0001')).toBeTruthy();
    expect(screen.getByText(/Luật Lưu trữ số 33\/2024\/QH15/)).toBeTruthy();
    expect(screen.getByText(/liên kết VNeID của bạn/)).toBeTruthy();
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('loads the receipt of a request made earlier', async () => {
    fakeApi({ 'GET /api/me/deletion-request': () => ({ body: DELETION_RECEIPT }) });
    renderPage(<MyDataPage me={{ ...ME, deletionRequestedAt: DELETION_RECEIPT.requestedAt, deletionDueAt: DELETION_RECEIPT.dueAt }} />, { path: '/account/data' });
    expect(await screen.findByText('H41.01-261201-0001')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Hủy yêu cầu xóa' })).toBeTruthy();
  });
});
