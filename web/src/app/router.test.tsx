// A citizen's first visit with only the text the app bundle carries (the app's own and the
// features' shell files), as in the browser: the home page reads in full, tiles included, and a
// feature's page waits for its own text, fetched when it opens, instead of showing a raw key.
// The other test files start with every text loaded (test/setup.ts); this one takes fresh
// copies of the app's modules and empties the text, to start as the browser does.
import type { ComponentType, ReactNode } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import i18next from 'i18next';
import { LIFE_EVENTS, SECTORS } from '../test/fixtures.ts';
import type * as Helpers from '../test/helpers.tsx';
import type * as Features from '../features/index.ts';
import type * as Text from '../lib/i18n.ts';
import type { QueryClient } from '@tanstack/react-query';

let AppRoutes: ComponentType;
let Providers: ComponentType<{ client: QueryClient; children: ReactNode }>;
let createQueryClient: () => QueryClient;
let helpers: typeof Helpers;
let features: typeof Features;
let text: typeof Text;

beforeAll(async () => {
  vi.resetModules();
  i18next.removeResourceBundle('vi', 'translation');
  i18next.removeResourceBundle('en', 'translation');
  text = await import('../lib/i18n.ts');
  features = await import('../features/index.ts');
  await text.initI18n(features.SHELL_LOCALES, 'vi');
  ({ AppRoutes } = await import('./router.tsx'));
  ({ Providers } = await import('./App.tsx'));
  ({ createQueryClient } = await import('./queryClient.ts'));
  helpers = await import('../test/helpers.tsx');
});

afterAll(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** Every text shown at any moment that looks like a key of some feature (`procedures.title`). */
function watchForKeys(): string[] {
  const namespaces = [...features.FEATURES.map((f) => f.key), 'inbox', 'consents'].join('|');
  const key = new RegExp(`\\b(${namespaces})\\.[a-zA-Z]+`);
  const shown: string[] = [];
  const note = (value: string | null) => {
    const hit = value?.match(key);
    if (hit) shown.push(hit[0]);
  };
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') note(r.target.textContent);
      r.addedNodes.forEach((n) => note(n.textContent));
      if (r.type === 'attributes' && r.target instanceof Element) note(r.target.getAttribute(r.attributeName ?? ''));
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-label', 'title', 'placeholder'] });
  return shown;
}

describe('the app with only the text of its bundle', () => {
  it('shows every tile by name, then a page once its own text is in, in either language, never a key', async () => {
    const tiled = features.FEATURES.filter((f) => f.tile);
    const api = helpers.fakeApi({
      'GET /api/features': () => ({ body: { ...helpers.INSTALLATION, features: tiled.map((f) => ({ key: f.key, face: 'citizen' as const })) } }),
      'GET /api/news': () => ({ body: { items: [], total: 0 } }),
      'GET /api/alerts': () => ({ body: { items: [] } }),
      'GET /api/procedures/life-events': () => ({ body: LIFE_EVENTS }),
      'GET /api/procedures/sectors': () => ({ body: SECTORS }),
      'GET /api/procedures': () => ({ body: { items: [], total: 0 } }),
    });
    const shown = watchForKeys();
    const client = createQueryClient();
    client.setDefaultOptions({ queries: { retry: false, staleTime: Infinity } });
    render(
      <Providers client={client}>
        <MemoryRouter initialEntries={['/']}>
          <AppRoutes />
        </MemoryRouter>
      </Providers>,
    );

    const tile = await screen.findByRole('link', { name: /Thủ tục hành chính/ });
    for (const f of tiled) {
      expect(i18next.exists(f.tile!.labelKey)).toBe(true);
      expect(screen.getAllByText(i18next.t(f.tile!.labelKey)).length).toBeGreaterThan(0);
    }
    // the pages' text is not in the bundle: it comes when a page opens
    expect(i18next.exists('procedures.search.label')).toBe(false);

    // the page's code is in first and its text comes late: the page must wait for the text
    const procedures = features.FEATURES.find((f) => f.key === 'procedures')!;
    const fetchText = procedures.locales.vi;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    procedures.locales.vi = () => held.then(fetchText);
    procedures.citizen![0]!.preload!();
    await import('../features/procedures/ProceduresPage.tsx');
    await userEvent.click(tile);
    // time for a page that did not wait for its text to show itself (and ask for its data)
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(api.calls.filter((c) => c.path.startsWith('/api/procedures'))).toEqual([]);
    release();
    expect(await screen.findByRole('heading', { level: 1, name: 'Thủ tục hành chính' })).toBeTruthy();
    expect(screen.getByLabelText('Bạn cần làm giấy tờ gì?')).toBeTruthy();

    // a switch of language brings the English of the pages opened so far, then shows it
    await userEvent.click(screen.getByRole('button', { name: /English/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Administrative procedures' })).toBeTruthy();
    expect(screen.getByLabelText('What paperwork do you need?')).toBeTruthy();
    expect(shown).toEqual([]);
    expect(helpers.contractDrift.splice(0)).toEqual([]);
    await text.setLanguage('vi', { remember: false });
  });
});
