import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DirectoryEntry, WelfareBenefit } from '@cds/contracts/directory';
import { fakeApi, renderPage } from '../../test/helpers.tsx';
import { AgencyPage } from './AgencyPage.tsx';
import { geoHref, telHref } from './api.ts';
import { WelfareCheckPage } from './WelfareCheckPage.tsx';

const office = [{ from: '07:30', to: '11:30' }, { from: '13:30', to: '17:00' }];
const AGENCY: DirectoryEntry = {
  id: 'c038b44b-c3c0-4953-a8c3-f270565881d3', code: 'UBND-05983', name: 'Ủy ban nhân dân Phường Lương Văn Tri', shortName: 'UBND Phường Lương Văn Tri',
  kind: 'commune_committee', areaCode: '05983', areaName: 'Phường Lương Văn Tri', address: 'Trụ sở UBND phường Chi Lăng (cũ)', phone: '0205 3870 123',
  lat: 21.82716, lon: 106.72612, openNow: { open: false, closesAt: null, opensNext: { day: '2026-12-08', at: '07:30' }, holiday: null }, distanceM: null,
  email: null, website: null, counter: 'Bộ phận Một cửa', note: null,
  hours: { weekly: { mon: office, tue: office, wed: office, thu: office, fri: office, sat: [], sun: [] }, openOnHolidays: false },
  procedures: [{ id: 'p1', code: '1.001193', name: 'Đăng ký khai sinh' }], proceduresTotal: 82, updatedAt: null, editable: false,
};

const BENEFIT: WelfareBenefit = {
  key: 'elderly_allowance', name: 'Trợ cấp xã hội hằng tháng cho người cao tuổi', summary: 'Tiền hỗ trợ hằng tháng', whoQualifies: ['Từ đủ 80 tuổi'],
  whatItGives: ['750.000 đồng'], whereToApply: 'UBND xã', legalBasis: ['Nghị định 20/2021/NĐ-CP'], procedures: [{ id: 'p2', code: 'LS.BTXH.01', name: 'Thực hiện trợ cấp xã hội hàng tháng' }],
};

describe('directory', () => {
  it('makes dialable tel: links and geo: directions', () => {
    expect(telHref('0205 3870 123')).toBe('tel:02053870123');
    expect(telHref('+84 (205) 387-0123')).toBe('tel:+842053870123');
    expect(geoHref(21.8, 106.7, 'UBND')).toBe('geo:21.8,106.7?q=21.8,106.7(UBND)');
  });

  it('shows an agency closed now with when it opens, a call button, directions and its procedures', async () => {
    fakeApi({ [`GET /api/directory/agencies/${AGENCY.id}`]: () => ({ body: AGENCY }) });
    renderPage(<AgencyPage />, { path: '/directory/:id', at: `/directory/${AGENCY.id}` });
    expect(await screen.findByText(/^Đang đóng cửa · mở lại 07:30 ngày 0?8\/12\/2026$/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Gọi 0205 3870 123' }).getAttribute('href')).toBe('tel:02053870123');
    expect(screen.getByRole('link', { name: /Chỉ đường/ }).getAttribute('href')).toMatch(/^geo:21\.82716,106\.72612/);
    expect(screen.getByText('Đăng ký khai sinh')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Sửa thông tin cơ quan' })).toBeNull();
  });

  it('says when an agency has no phone instead of a dead button', async () => {
    fakeApi({ [`GET /api/directory/agencies/${AGENCY.id}`]: () => ({ body: { ...AGENCY, phone: null, editable: true } }) });
    renderPage(<AgencyPage />, { path: '/directory/:id', at: `/directory/${AGENCY.id}` });
    expect(await screen.findByText('Cơ quan chưa cập nhật số điện thoại.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: /^Gọi/ })).toBeNull();
    expect(screen.getByRole('link', { name: 'Sửa thông tin cơ quan' }).getAttribute('href')).toBe(`/staff/directory/${AGENCY.id}`);
  });

  it('sends the questionnaire and lists the suggested benefits, stated as guidance', async () => {
    const api = fakeApi({ 'POST /api/welfare/check': () => ({ body: { guidanceOnly: true, benefits: [BENEFIT] } }) });
    renderPage(<WelfareCheckPage />);
    expect(screen.getAllByText(/Đây chỉ là gợi ý/).length).toBeGreaterThan(0);
    await userEvent.type(screen.getByLabelText('Ông/bà bao nhiêu tuổi?'), '82');
    await userEvent.click(screen.getByRole('button', { name: 'Xem gợi ý' }));
    expect(await screen.findByRole('link', { name: /Trợ cấp xã hội hằng tháng cho người cao tuổi/ })).toBeTruthy();
    const sent = api.calls.find((c) => c.path === '/api/welfare/check');
    expect(sent?.body).toEqual({ age: 82, household: 'unknown', disability: 'none', hasPension: false, lostJobWithInsurance: false, noSupporter: false });
  });
});
