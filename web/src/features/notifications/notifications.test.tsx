import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EMPTY_INBOX, INBOX, READ_ALL } from '../../test/fixtures.ts';
import { fakeApi, renderPage } from '../../test/helpers.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { NotificationsPage } from './NotificationsPage.tsx';

describe('notification inbox', () => {
  it('the bell tells how many notices are unread', async () => {
    fakeApi({ 'GET /api/me/notifications': () => ({ body: INBOX }) });
    renderPage(<NotificationBell />);
    expect(await screen.findByRole('link', { name: '1 thông báo chưa đọc' })).toBeTruthy();
  });

  it('lists notices, marks new ones clearly, and marks all as read', async () => {
    const api = fakeApi({
      'GET /api/me/notifications': () => ({ body: INBOX }),
      'POST /api/me/notifications/read-all': () => ({ body: READ_ALL }),
    });
    renderPage(<NotificationsPage />, { path: '/notifications' });
    expect(await screen.findByText('Mới: Phản ánh đã được tiếp nhận')).toBeTruthy();
    expect(screen.getByText('Hồ sơ đã có kết quả')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Đánh dấu đã đọc hết' }));
    expect(api.calls.some((c) => c.method === 'POST' && c.path === '/api/me/notifications/read-all')).toBe(true);
  });

  it('says so plainly when there is nothing', async () => {
    fakeApi({ 'GET /api/me/notifications': () => ({ body: EMPTY_INBOX }) });
    renderPage(<NotificationsPage />, { path: '/notifications' });
    expect(await screen.findByText('Chưa có thông báo nào')).toBeTruthy();
  });
});
