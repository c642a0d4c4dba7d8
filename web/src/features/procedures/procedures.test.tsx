import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, cleanup } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BIRTH_REGISTRATION as BIRTH, BIRTH_REGISTRATION_DETAIL as DETAIL, LIFE_EVENTS, SECTORS } from '../../test/fixtures.ts';
import { fakeApi, INSTALLATION, renderPage } from '../../test/helpers.tsx';
import { ProceduresPage } from './ProceduresPage.tsx';
import { ProcedurePage } from './ProcedurePage.tsx';
import { searchQueryString } from './api.ts';

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
      'GET /api/procedures/life-events': () => ({ body: LIFE_EVENTS }),
      'GET /api/procedures/sectors': () => ({ body: SECTORS }),
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
