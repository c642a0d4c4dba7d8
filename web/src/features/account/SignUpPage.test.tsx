import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CONSENT, NEW_CITIZEN, OTP_STARTED, SIGNED_IN } from '../../test/fixtures.ts';
import { errorReply, fakeApi, profileOf, renderPage } from '../../test/helpers.tsx';
import { SignUpPage } from './SignUpPage.tsx';

async function reachDetails() {
  await userEvent.type(screen.getByLabelText('Số điện thoại'), '0912345678');
  await userEvent.click(screen.getByRole('button', { name: 'Gửi mã xác nhận' }));
  await userEvent.type(await screen.findByLabelText('Mã xác nhận'), '123456');
  await userEvent.click(screen.getByRole('button', { name: 'Tiếp tục' }));
  await screen.findByLabelText('Họ và tên');
}

describe('SignUpPage', () => {
  it('shows that a phone number is already taken, on the phone field', async () => {
    fakeApi({ 'POST /api/auth/register/start': () => errorReply(409, 'identity.phone_taken', 'Số điện thoại này đã có tài khoản') });
    renderPage(<SignUpPage />, { path: '/sign-up' });
    await userEvent.type(screen.getByLabelText('Số điện thoại'), '0900000001');
    await userEvent.click(screen.getByRole('button', { name: 'Gửi mã xác nhận' }));
    expect(await screen.findByText('Số điện thoại này đã có tài khoản')).toBeTruthy();
    expect(screen.getByLabelText('Số điện thoại').getAttribute('aria-invalid')).toBe('true');
  });

  it('checks the code shape and the details before sending', async () => {
    const api = fakeApi({ 'POST /api/auth/register/start': () => ({ status: 202, body: OTP_STARTED }), 'POST /api/auth/register/check': () => ({ status: 204 }) });
    renderPage(<SignUpPage />, { path: '/sign-up' });
    await userEvent.type(screen.getByLabelText('Số điện thoại'), '0912345678');
    await userEvent.click(screen.getByRole('button', { name: 'Gửi mã xác nhận' }));
    await userEvent.type(await screen.findByLabelText('Mã xác nhận'), '12');
    await userEvent.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    expect(screen.getByText('Mã xác nhận gồm 6 chữ số.')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Mã xác nhận'), '3456');
    await userEvent.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    await userEvent.type(await screen.findByLabelText('Mật khẩu mới'), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Tạo tài khoản' }));
    expect(screen.getByText('Bạn chưa nhập họ và tên.')).toBeTruthy();
    expect(screen.getByText('Mật khẩu cần có ít nhất 8 ký tự.')).toBeTruthy();
    expect(screen.getByText('Bạn cần đồng ý thì mới tạo được tài khoản.')).toBeTruthy();
    expect(api.calls.some((c) => c.path === '/api/auth/register/verify')).toBe(false);
  });

  it('refuses a wrong code at the code step, before asking for a name and a password', async () => {
    fakeApi({
      'POST /api/auth/register/start': () => ({ status: 202, body: OTP_STARTED }),
      'POST /api/auth/register/check': () => errorReply(400, 'validation', 'Thông tin chưa hợp lệ', [{ field: 'code', message: 'Mã xác nhận không đúng, bạn còn 4 lần thử' }]),
    });
    renderPage(<SignUpPage />, { path: '/sign-up' });
    await userEvent.type(screen.getByLabelText('Số điện thoại'), '0912345678');
    await userEvent.click(screen.getByRole('button', { name: 'Gửi mã xác nhận' }));
    await userEvent.type(await screen.findByLabelText('Mã xác nhận'), '000000');
    await userEvent.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    expect(await screen.findByText('Mã xác nhận không đúng, bạn còn 4 lần thử')).toBeTruthy();
    expect(screen.getByLabelText('Mã xác nhận').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByLabelText('Họ và tên')).toBeNull();
  });

  it('goes back to the code step when the server says the code is wrong', async () => {
    fakeApi({
      'POST /api/auth/register/start': () => ({ status: 202, body: OTP_STARTED }),
      'POST /api/auth/register/check': () => ({ status: 204 }),
      'POST /api/auth/register/verify': () => errorReply(400, 'validation', 'Thông tin chưa hợp lệ', [{ field: 'code', message: 'Mã xác nhận không đúng hoặc đã hết hạn' }]),
    });
    renderPage(<SignUpPage />, { path: '/sign-up' });
    await reachDetails();
    await userEvent.type(screen.getByLabelText('Họ và tên'), 'Trần Thị Cúc');
    await userEvent.type(screen.getByLabelText('Mật khẩu mới'), 'MatKhau2026');
    await userEvent.click(screen.getByRole('checkbox', { name: /Tôi đồng ý/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Tạo tài khoản' }));
    expect(await screen.findByText('Mã xác nhận không đúng hoặc đã hết hạn')).toBeTruthy();
    expect(screen.getByLabelText('Mã xác nhận').getAttribute('aria-invalid')).toBe('true');
  });

  it('creates the account, records the two consents and opens the account page', async () => {
    let created = false;
    const api = fakeApi({
      'POST /api/auth/register/start': () => ({ status: 202, body: OTP_STARTED }),
      'POST /api/auth/register/check': () => ({ status: 204 }),
      'POST /api/auth/register/verify': () => {
        created = true;
        return { status: 201, body: { ...SIGNED_IN, user: profileOf(NEW_CITIZEN) } };
      },
      'POST /api/me/consents': ({ body }) => ({ status: 201, body: { ...CONSENT, ...(body as object) } }),
      'GET /api/me': () => (created ? { body: NEW_CITIZEN } : errorReply(401, 'auth.required', 'x')),
    });
    renderPage(<SignUpPage />, { path: '/sign-up' });
    await reachDetails();
    await userEvent.type(screen.getByLabelText('Họ và tên'), '  Trần Thị Cúc ');
    await userEvent.type(screen.getByLabelText('Mật khẩu mới'), 'MatKhau2026');
    await userEvent.click(screen.getByRole('checkbox', { name: /Tôi đồng ý/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Tạo tài khoản' }));
    await waitFor(() => expect(screen.getByTestId('elsewhere').textContent).toBe('/account'));
    expect(api.calls.find((c) => c.path === '/api/auth/register/verify')?.body).toEqual({ phone: '0912345678', code: '123456', password: 'MatKhau2026', fullName: 'Trần Thị Cúc' });
    expect(api.calls.filter((c) => c.path === '/api/me/consents').map((c) => c.body)).toEqual([
      { purpose: 'terms', version: '1.0' },
      { purpose: 'personal_data_processing', version: '1.0' },
    ]);
  });
});
