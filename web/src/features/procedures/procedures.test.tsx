import { lazy, Suspense, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, cleanup, render } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import userEvent from '@testing-library/user-event';
import { BIRTH_REGISTRATION as BIRTH, BIRTH_REGISTRATION_DETAIL as DETAIL, LIFE_EVENTS, SECTORS } from '../../test/fixtures.ts';
import { fakeApi, INSTALLATION, renderPage } from '../../test/helpers.tsx';
import { Providers } from '../../app/App.tsx';
import { createQueryClient } from '../../app/queryClient.ts';
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

/** The detail page arrives late, as its code does over a slow line: the list stays until then. */
function renderWithSlowDetail(at: string) {
  const SlowDetail = lazy(() => new Promise<{ default: () => ReactNode }>((resolve) => setTimeout(() => resolve({ default: Where }), 700)));
  function Where() {
    const { pathname, search } = useLocation();
    return <p data-testid="detail">{pathname + search}</p>;
  }
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { retry: false, staleTime: Infinity } });
  render(
    <Providers client={client}>
      <MemoryRouter initialEntries={[at]}>
        <Suspense fallback={<p>…</p>}>
          <Routes>
            <Route path="/procedures" element={<ProceduresPage />} />
            <Route path="/procedures/:id" element={<SlowDetail />} />
          </Routes>
        </Suspense>
      </MemoryRouter>
    </Providers>,
  );
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('procedure search while the person moves on', () => {
  const routes = {
    'GET /api/procedures/life-events': () => ({ body: LIFE_EVENTS }),
    'GET /api/procedures/sectors': () => ({ body: SECTORS }),
    'GET /api/procedures': () => ({ body: { items: [BIRTH], total: 1 } }),
  };

  it('a search sent with Tìm does not run again after the person opened a result', async () => {
    fakeApi(routes);
    renderWithSlowDetail('/procedures');
    await userEvent.type(screen.getByLabelText('Bạn cần làm giấy tờ gì?'), 'khai sinh');
    await userEvent.click(screen.getByRole('button', { name: 'Tìm' }));
    await userEvent.click(await screen.findByRole('link', { name: /Đăng ký khai sinh/ }));
    await wait(1000);
    expect(screen.getByTestId('detail').textContent).toBe(`/procedures/${BIRTH.id}`);
  });

  it('a search still being typed is dropped when the person taps a result', async () => {
    fakeApi(routes);
    renderWithSlowDetail('/procedures?q=khai');
    const link = await screen.findByRole('link', { name: /Đăng ký khai sinh/ });
    await userEvent.type(screen.getByLabelText('Bạn cần làm giấy tờ gì?'), ' sinh');
    await userEvent.click(link);
    await wait(1000);
    expect(screen.getByTestId('detail').textContent).toBe(`/procedures/${BIRTH.id}`);
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
