import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, renderPage } from '../../test/helpers.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { NotificationsPage } from './NotificationsPage.tsx';

const INBOX = {
  total: 2,
  unread: 1,
  items: [
    { id: 'n2', kind: 'report.status', title: 'Phản ánh đã được tiếp nhận', body: 'UBND phường đã tiếp nhận.', link: '/reports/r1', createdAt: '2026-11-22T03:00:00Z', readAt: null },
    { id: 'n1', kind: 'dossier.status', title: 'Hồ sơ đã có kết quả', body: 'Mời bạn tải kết quả.', link: null, createdAt: '2026-11-21T03:00:00Z', readAt: '2026-11-21T04:00:00Z' },
  ],
};

describe('notification inbox', () => {
  it('the bell tells how many notices are unread', async () => {
    fakeApi({ 'GET /api/me/notifications': () => ({ body: INBOX }) });
    renderPage(<NotificationBell />);
    expect(await screen.findByRole('link', { name: '1 thông báo chưa đọc' })).toBeTruthy();
  });

  it('lists notices, marks new ones clearly, and marks all as read', async () => {
    const api = fakeApi({
      'GET /api/me/notifications': () => ({ body: INBOX }),
      'POST /api/me/notifications/read-all': () => ({ body: { updated: 1 } }),
    });
    renderPage(<NotificationsPage />, { path: '/notifications' });
    expect(await screen.findByText('Mới: Phản ánh đã được tiếp nhận')).toBeTruthy();
    expect(screen.getByText('Hồ sơ đã có kết quả')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Đánh dấu đã đọc hết' }));
    expect(api.calls.some((c) => c.method === 'POST' && c.path === '/api/me/notifications/read-all')).toBe(true);
  });

  it('says so plainly when there is nothing', async () => {
    fakeApi({ 'GET /api/me/notifications': () => ({ body: { total: 0, unread: 0, items: [] } }) });
    renderPage(<NotificationsPage />, { path: '/notifications' });
    expect(await screen.findByText('Chưa có thông báo nào')).toBeTruthy();
  });
});
