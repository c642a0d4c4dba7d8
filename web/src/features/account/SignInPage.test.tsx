import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ME, SIGNED_IN } from '../../test/fixtures.ts';
import { errorReply, fakeApi, renderPage } from '../../test/helpers.tsx';
import { SignInPage } from './SignInPage.tsx';

describe('SignInPage', () => {
  it('names the missing fields without calling the server', async () => {
    const api = fakeApi({});
    renderPage(<SignInPage />, { path: '/sign-in' });
    await userEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    const phone = screen.getByLabelText('Số điện thoại');
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Bạn chưa nhập số điện thoại.')).toBeTruthy();
    expect(phone.getAttribute('aria-describedby')).toContain(screen.getByText('Bạn chưa nhập số điện thoại.').id);
    expect(screen.getByText('Bạn chưa nhập mật khẩu.')).toBeTruthy();
    expect(document.activeElement).toBe(phone);
    expect(api.calls.filter((c) => c.path === '/api/auth/login')).toHaveLength(0);
  });

  it('rejects a phone number in the wrong shape', async () => {
    fakeApi({});
    renderPage(<SignInPage />, { path: '/sign-in' });
    await userEvent.type(screen.getByLabelText('Số điện thoại'), '12345');
    await userEvent.type(screen.getByLabelText('Mật khẩu'), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(screen.getByText(/Số điện thoại cần có 10 chữ số/)).toBeTruthy();
  });

  it("shows the server's message for wrong credentials", async () => {
    fakeApi({ 'POST /api/auth/login': () => errorReply(401, 'identity.bad_credentials', 'Số điện thoại hoặc mật khẩu không đúng') });
    renderPage(<SignInPage />, { path: '/sign-in' });
    await userEvent.type(screen.getByLabelText('Số điện thoại'), '0900 000 001');
    await userEvent.type(screen.getByLabelText('Mật khẩu'), 'wrong-password');
    await userEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Số điện thoại hoặc mật khẩu không đúng');
  });

  it('puts server field errors under the fields they name', async () => {
    fakeApi({
      'POST /api/auth/login': () => errorReply(400, 'validation', 'Thông tin chưa hợp lệ', [{ field: 'body.password', message: 'Quá ngắn (ít nhất 8 ký tự)' }]),
    });
    renderPage(<SignInPage />, { path: '/sign-in' });
    await userEvent.type(screen.getByLabelText('Số điện thoại'), '0900000001');
    await userEvent.type(screen.getByLabelText('Mật khẩu'), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect(await screen.findByText('Quá ngắn (ít nhất 8 ký tự)')).toBeTruthy();
    expect(screen.getByLabelText('Mật khẩu').getAttribute('aria-invalid')).toBe('true');
  });

  it('sends the normalised phone and goes home after signing in a citizen', async () => {
    let signedIn = false;
    const api = fakeApi({
      'POST /api/auth/login': () => {
        signedIn = true;
        return { body: SIGNED_IN };
      },
      'GET /api/me': () => (signedIn ? { body: ME } : errorReply(401, 'auth.required', 'Bạn cần đăng nhập')),
    });
    renderPage(<SignInPage />, { path: '/sign-in' });
    await userEvent.type(screen.getByLabelText('Số điện thoại'), '+84 900 000 001');
    await userEvent.type(screen.getByLabelText('Mật khẩu'), 'Demo@2026');
    await userEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    await waitFor(() => expect(screen.getByTestId('elsewhere').textContent).toBe('/'));
    expect(api.calls.find((c) => c.path === '/api/auth/login')?.body).toEqual({ phone: '0900000001', password: 'Demo@2026' });
    expect(api.calls.find((c) => c.path === '/api/auth/login')?.headers.get('accept-language')).toBe('vi');
  });
});
