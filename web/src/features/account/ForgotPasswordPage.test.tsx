// Password reset runs the same one-time-code flow as sign-up (otp.tsx), then asks for the new password.
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OTP_STARTED } from '../../test/fixtures.ts';
import { errorReply, fakeApi, renderPage } from '../../test/helpers.tsx';
import { ForgotPasswordPage } from './ForgotPasswordPage.tsx';

async function reachPassword() {
  await userEvent.type(screen.getByLabelText('Số điện thoại'), '091 234 5678');
  await userEvent.click(screen.getByRole('button', { name: 'Gửi mã xác nhận' }));
  await userEvent.type(await screen.findByLabelText('Mã xác nhận'), '123456');
  await userEvent.click(screen.getByRole('button', { name: 'Tiếp tục' }));
  await screen.findByLabelText('Mật khẩu mới');
}

describe('ForgotPasswordPage', () => {
  it('refuses a malformed phone number before asking the server', async () => {
    const api = fakeApi({});
    renderPage(<ForgotPasswordPage />, { path: '/forgot-password' });
    await userEvent.type(screen.getByLabelText('Số điện thoại'), '12');
    await userEvent.click(screen.getByRole('button', { name: 'Gửi mã xác nhận' }));
    expect(screen.getByLabelText('Số điện thoại').getAttribute('aria-invalid')).toBe('true');
    expect(api.calls.some((c) => c.path === '/api/auth/password-reset/start')).toBe(false);
  });

  it('sends the normalised phone, code and new password, then opens sign-in', async () => {
    const api = fakeApi({
      'POST /api/auth/password-reset/start': () => ({ status: 202, body: OTP_STARTED }),
      'POST /api/auth/password-reset/check': () => ({ status: 204 }),
      'POST /api/auth/password-reset/verify': () => ({ status: 204 }),
    });
    renderPage(<ForgotPasswordPage />, { path: '/forgot-password' });
    await reachPassword();
    expect(screen.getByText(/Bước 3/)).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Mật khẩu mới'), 'MatKhau2026');
    await userEvent.click(screen.getByRole('button', { name: 'Đặt mật khẩu mới' }));
    expect((await screen.findByTestId('elsewhere')).textContent).toBe('/sign-in');
    expect(api.calls.find((c) => c.path === '/api/auth/password-reset/start')?.body).toEqual({ phone: '0912345678' });
    expect(api.calls.find((c) => c.path === '/api/auth/password-reset/check')?.body).toEqual({ phone: '0912345678', code: '123456' });
    expect(api.calls.find((c) => c.path === '/api/auth/password-reset/verify')?.body).toEqual({ phone: '0912345678', code: '123456', newPassword: 'MatKhau2026' });
  });

  it('says a mistyped code at the code step, before asking for a new password', async () => {
    const api = fakeApi({
      'POST /api/auth/password-reset/start': () => ({ status: 202, body: OTP_STARTED }),
      'POST /api/auth/password-reset/check': () => errorReply(400, 'validation', 'Thông tin chưa hợp lệ', [{ field: 'code', message: 'Mã xác thực không đúng. Bạn còn 4 lần thử.' }]),
    });
    renderPage(<ForgotPasswordPage />, { path: '/forgot-password' });
    await userEvent.type(screen.getByLabelText('Số điện thoại'), '091 234 5678');
    await userEvent.click(screen.getByRole('button', { name: 'Gửi mã xác nhận' }));
    await userEvent.type(await screen.findByLabelText('Mã xác nhận'), '123457');
    await userEvent.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    expect(await screen.findByText('Mã xác thực không đúng. Bạn còn 4 lần thử.')).toBeTruthy();
    expect(screen.getByLabelText('Mã xác nhận').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByLabelText('Mật khẩu mới')).toBeNull();
    expect(api.calls.some((c) => c.path === '/api/auth/password-reset/verify')).toBe(false);
  });

  it('goes back to the code step when the server says the code is wrong', async () => {
    fakeApi({
      'POST /api/auth/password-reset/start': () => ({ status: 202, body: OTP_STARTED }),
      // the code was right when checked, and expired before the new password was sent
      'POST /api/auth/password-reset/check': () => ({ status: 204 }),
      // as the server's invalidField('code', 'identity.otp_wrong') answers
      'POST /api/auth/password-reset/verify': () => errorReply(400, 'validation', 'Thông tin chưa hợp lệ', [{ field: 'code', message: 'Mã xác thực không đúng. Bạn còn 4 lần thử.' }]),
    });
    renderPage(<ForgotPasswordPage />, { path: '/forgot-password' });
    await reachPassword();
    await userEvent.type(screen.getByLabelText('Mật khẩu mới'), 'MatKhau2026');
    await userEvent.click(screen.getByRole('button', { name: 'Đặt mật khẩu mới' }));
    expect(await screen.findByText('Mã xác thực không đúng. Bạn còn 4 lần thử.')).toBeTruthy();
    expect(screen.getByLabelText('Mã xác nhận').getAttribute('aria-invalid')).toBe('true');
  });
});
