import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { errorReply, fakeApi, profileOf, renderPage } from '../../test/helpers.tsx';
import { COMMUNES, ME } from '../../test/fixtures.ts';
import { ProfilePage, profileChanges } from './ProfilePage.tsx';

describe('ProfilePage', () => {
  it('shows the masked ID and lists the communes of the province', async () => {
    fakeApi({ 'GET /api/areas/communes': () => ({ body: COMMUNES }) });
    renderPage(<ProfilePage me={ME} />, { path: '/account/profile' });
    expect(screen.getByText(/Số đã lưu: \*\*\*\*\*\*\*\*1234/)).toBeTruthy();
    expect(await screen.findByRole('option', { name: 'Phường Lương Văn Tri' })).toBeTruthy();
  });

  it('refuses an ID that is not 12 digits before sending', async () => {
    const api = fakeApi({ 'GET /api/areas/communes': () => ({ body: COMMUNES }) });
    renderPage(<ProfilePage me={ME} />, { path: '/account/profile' });
    await userEvent.type(screen.getByLabelText('Số định danh cá nhân (số căn cước)'), '12345');
    await userEvent.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));
    expect(screen.getByText('Số định danh cá nhân (số căn cước) gồm đúng 12 chữ số.')).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'PATCH')).toBe(false);
  });

  it('refuses a 13-digit ID with the message instead of cutting it to 12', async () => {
    const api = fakeApi({ 'GET /api/areas/communes': () => ({ body: COMMUNES }) });
    renderPage(<ProfilePage me={ME} />, { path: '/account/profile' });
    const input = screen.getByLabelText('Số định danh cá nhân (số căn cước)');
    await userEvent.type(input, '0010800012345');
    expect((input as HTMLInputElement).value).toBe('0010800012345');
    await userEvent.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));
    expect(screen.getByText('Số định danh cá nhân (số căn cước) gồm đúng 12 chữ số.')).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'PATCH')).toBe(false);
  });

  it('shows server errors under the fields they name, and the summary', async () => {
    fakeApi({
      'GET /api/areas/communes': () => ({ body: COMMUNES }),
      'PATCH /api/me/profile': () =>
        errorReply(400, 'validation', 'Thông tin chưa hợp lệ', [
          { field: 'communeCode', message: 'Xã, phường không thuộc tỉnh này' },
          { field: 'somethingElse', message: 'Lỗi khác' },
        ]),
    });
    renderPage(<ProfilePage me={ME} />, { path: '/account/profile' });
    await screen.findByRole('option', { name: 'Xã Thất Khê' });
    await userEvent.selectOptions(screen.getByLabelText('Xã, phường nơi bạn ở'), '06040');
    await userEvent.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));
    expect(await screen.findByText('Xã, phường không thuộc tỉnh này')).toBeTruthy();
    expect(screen.getByLabelText('Xã, phường nơi bạn ở').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toContain('Lỗi khác');
  });

  it('sends only what changed', async () => {
    const api = fakeApi({
      'GET /api/areas/communes': () => ({ body: COMMUNES }),
      'PATCH /api/me/profile': ({ body }) => ({ body: { ...profileOf(ME), ...(body as object), communeName: 'Xã Thất Khê' } }),
    });
    renderPage(<ProfilePage me={ME} />, { path: '/account/profile' });
    await screen.findByRole('option', { name: 'Xã Thất Khê' });
    await userEvent.selectOptions(screen.getByLabelText('Xã, phường nơi bạn ở'), '06040');
    await userEvent.type(screen.getByLabelText('Địa chỉ'), 'Thôn Nà Pàn');
    await userEvent.click(screen.getByRole('button', { name: 'Lưu thay đổi' }));
    expect(await screen.findByText('Đã lưu hồ sơ.', { selector: '.alert div' })).toBeTruthy();
    expect(api.calls.find((c) => c.method === 'PATCH')?.body).toEqual({ communeCode: '06040', address: 'Thôn Nà Pàn' });
  });
});

describe('profileChanges', () => {
  it('leaves out unchanged fields and an empty personal ID', () => {
    const draft = { fullName: 'Nguyễn Văn An', dateOfBirth: '1980-05-01', sex: 'male' as const, personalId: '', communeCode: '', address: '' };
    expect(profileChanges(ME, draft)).toEqual({});
    expect(profileChanges(ME, { ...draft, personalId: '001080001234' })).toEqual({ personalId: '001080001234' });
  });
});
