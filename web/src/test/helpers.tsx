// Test helpers: a fake API (method + path → reply) and a renderer with the app's providers.
import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { vi } from 'vitest';
import { Providers } from '../app/App.tsx';
import { createQueryClient } from '../app/queryClient.ts';
import type { Me, UserView } from '@cds/contracts/identity';
import { INSTALLATION } from './fixtures.ts';
import { contractProblems } from './contract.ts';

export { INSTALLATION };

export interface FakeReply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (request: { body: unknown; url: URL; headers: Headers }) => FakeReply | Promise<FakeReply>;

export interface FakeApi {
  calls: Array<{ method: string; path: string; body: unknown; headers: Headers }>;
}

/** A person's profile as PATCH /api/me/profile and sign-in replies carry it: without abilities. */
export function profileOf({ abilities: _abilities, ...profile }: Me): UserView {
  return profile;
}

/** Replies of the fake server that the real server could not give; setup.ts fails the test on any. */
export const contractDrift: string[] = [];

export function errorReply(status: number, code: string, message: string, details: Array<{ field: string; message: string }> | null = null): FakeReply {
  return { status, body: { error: { code, message, details } } };
}

/** Replaces fetch; unknown routes answer 404 so a test notices a call it did not expect. */
export function fakeApi(routes: Record<string, Handler>): FakeApi {
  const api: FakeApi = { calls: [] };
  const all: Record<string, Handler> = { 'GET /api/features': () => ({ body: INSTALLATION }), 'GET /api/me': () => errorReply(401, 'auth.required', 'Bạn cần đăng nhập'), ...routes };
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const headers = new Headers(init.headers);
    api.calls.push({ method, path: url.pathname, body, headers });
    const handler = all[`${method} ${url.pathname}`];
    const reply = handler ? await handler({ body, url, headers }) : errorReply(404, 'route_not_found', 'not found');
    const status = reply.status ?? 200;
    contractDrift.push(...contractProblems(method, url.pathname, status, reply.body));
    const payload = reply.body === undefined || status === 204 ? null : JSON.stringify(reply.body);
    return new Response(payload, { status, headers: { 'content-type': 'application/json', ...reply.headers } });
  });
  return api;
}

/** Renders `element` at `path` inside the app providers; other paths render their test id. */
export function renderPage(element: ReactElement, { path = '/', at = path }: { path?: string; at?: string } = {}) {
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } });
  return render(
    <Providers client={client}>
      <MemoryRouter initialEntries={[at]}>
        <Routes>
          <Route path={path} element={element} />
          <Route path="*" element={<LocationProbe />} />
        </Routes>
      </MemoryRouter>
    </Providers>,
  );
}

function LocationProbe() {
  const location = useLocation();
  return <p data-testid="elsewhere">{location.pathname}</p>;
}
