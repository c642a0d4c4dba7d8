import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, cleanup } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, INSTALLATION, renderPage } from '../../test/helpers.tsx';
import { ProceduresPage } from './ProceduresPage.tsx';
import { ProcedurePage } from './ProcedurePage.tsx';
import { searchQueryString } from './api.ts';

const BIRTH = {
  id: '11111111-1111-4111-8111-111111111111', code: '1.001193', name: 'Đăng ký khai sinh', sector: 'Hộ tịch', level: 'full_online', tier: 'commune',
  agencyCode: null, agencyLabel: 'Ủy ban nhân dân xã, phường nơi cư trú', processingDays: 1, processingNote: null, feeSummary: 'Miễn phí',
  essential: true, online: true, lifeEvents: ['having_baby'],
};
const DETAIL = {
  ...BIRTH,
  fees: [{ name: 'Lệ phí', amountVnd: 0, note: 'Miễn lệ phí khi đăng ký đúng hạn' }],
  requiredDocuments: [
    { key: 'declaration', name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, required: true, template: 'to-khai.pdf', templateUrl: `/api/procedures/${BIRTH.id}/templates/declaration` },
    { key: 'birthCertificate', name: 'Giấy chứng sinh', originals: 1, copies: 0, required: true, template: null, templateUrl: null },
  ],
  applicants: 'Cha, mẹ của trẻ', legalBasis: ['Luật Hộ tịch 2014'], steps: ['Nộp hồ sơ', 'Nhận kết quả'], result: 'Giấy khai sinh',
  formSchema: { type: 'object', properties: {} }, externalUrl: null,
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('procedure search page', () => {
  it('builds the query string without empty values', () => {
    expect(searchQueryString({ q: ' khai sinh ', sector: '', tier: 'commune' }, 20)).toBe('q=khai+sinh&tier=commune&limit=20&offset=20');
  });

  it('shows life events, then results for an example search', async () => {
    const api = fakeApi({
      'GET /api/procedures/life-events': () => ({ body: [{ key: 'having_baby', name: 'Sinh con', count: 6 }] }),
      'GET /api/procedures/sectors': () => ({ body: [{ name: 'Hộ tịch', count: 20 }] }),
      'GET /api/procedures': ({ url }) => ({ body: url.searchParams.get('q') ? { items: [BIRTH], total: 1 } : { items: [], total: 0 } }),
    });
    renderPage(<ProceduresPage />, { path: '/procedures' });
    expect(await screen.findByRole('button', { name: /Sinh con/ })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'làm giấy khai sinh cho con' }));
    expect(await screen.findByRole('link', { name: /Đăng ký khai sinh/ })).toBeTruthy();
    const search = api.calls.find((c) => c.path === '/api/procedures');
    expect(search).toBeTruthy();
  });
});

describe('procedure detail page', () => {
  it('offers the template download and the apply button when dossiers are available', async () => {
    fakeApi({
      'GET /api/features': () => ({ body: { ...INSTALLATION, features: [{ key: 'procedures', face: 'citizen' }, { key: 'dossiers', face: 'citizen' }] } }),
      [`GET /api/procedures/${BIRTH.id}`]: () => ({ body: DETAIL }),
    });
    renderPage(<ProcedurePage />, { path: '/procedures/:id', at: `/procedures/${BIRTH.id}` });
    expect(await screen.findByRole('heading', { name: 'Đăng ký khai sinh' })).toBeTruthy();
    const template = screen.getByRole('link', { name: /Tờ khai đăng ký khai sinh/ });
    expect(template.getAttribute('href')).toBe(DETAIL.requiredDocuments[0]!.templateUrl);
    await waitFor(() => expect(screen.getByRole('link', { name: /Nộp hồ sơ trực tuyến/ }).getAttribute('href')).toBe(`/dossiers/apply/${BIRTH.id}`));
  });

  it('hides the apply button when the dossiers feature is off', async () => {
    fakeApi({ [`GET /api/procedures/${BIRTH.id}`]: () => ({ body: DETAIL }) });
    renderPage(<ProcedurePage />, { path: '/procedures/:id', at: `/procedures/${BIRTH.id}` });
    expect(await screen.findByRole('heading', { name: 'Đăng ký khai sinh' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Nộp hồ sơ trực tuyến/ })).toBeNull();
  });
});
