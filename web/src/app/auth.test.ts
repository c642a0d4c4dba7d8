import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Me } from '@cds/contracts/identity';
import { ME } from '../test/fixtures.ts';
import { can, forgetCachedSession, landingPath, meKey, primeAuth, SESSION_CACHES } from './auth.ts';
import { createQueryClient } from './queryClient.ts';

// abilities as GET /api/me lists them for the demo accounts
const CITIZEN: Me = { ...ME, roles: ['citizen'], abilities: [] };
const OFFICER: Me = { ...ME, roles: ['citizen', 'officer'], abilities: ['console.open', 'dossiers.process', 'dossiers.read_staff', 'reports.work'] };
const HELPER: Me = { ...ME, roles: ['community_helper'], abilities: ['console.open'] };
const LEADER: Me = { ...ME, roles: ['leader'], abilities: ['console.open', 'dashboard.view', 'dossiers.read_staff', 'dossiers.view_indicators', 'reports.work'] };
// a role alone opens nothing: only the abilities the server lists count
const MERCHANT: Me = { ...ME, roles: ['merchant', 'sysadmin'], abilities: [] };

describe('can', () => {
  it('answers from the abilities the server listed, not from roles', () => {
    expect(can(OFFICER, 'reports.work')).toBe(true);
    expect(can(OFFICER, 'dashboard.view')).toBe(false);
    expect(can(MERCHANT, 'identity.manage_users')).toBe(false);
    expect(can(null, 'console.open')).toBe(false);
  });
});

describe('landingPath', () => {
  it('sends staff to the console and citizens home', () => {
    expect(landingPath(CITIZEN, null)).toBe('/');
    expect(landingPath(OFFICER, null)).toBe('/staff');
    expect(landingPath(HELPER, null)).toBe('/staff');
    expect(landingPath(MERCHANT, null)).toBe('/');
  });

  it('honours a requested page only when it is local and allowed', () => {
    expect(landingPath(CITIZEN, '/account/profile')).toBe('/account/profile');
    expect(landingPath(CITIZEN, '//evil.example')).toBe('/');
    expect(landingPath(CITIZEN, 'https://evil.example')).toBe('/');
    expect(landingPath(CITIZEN, '/staff')).toBe('/');
    expect(landingPath(OFFICER, '/leader')).toBe('/staff');
    expect(landingPath(LEADER, '/leader')).toBe('/leader');
  });
});

describe('forgetCachedSession', () => {
  it("deletes the service worker's copies of /api/me and the person's reads", async () => {
    const del = vi.fn().mockResolvedValue(true);
    vi.stubGlobal('caches', { delete: del });
    await forgetCachedSession();
    expect(del.mock.calls.map((c) => c[0]).sort()).toEqual(['cds-api', 'cds-session']);
    vi.unstubAllGlobals();
  });

  it('names the caches the service worker fills (web/vite.config.ts)', () => {
    const config = fs.readFileSync(path.join(__dirname, '..', '..', 'vite.config.ts'), 'utf8');
    for (const name of SESSION_CACHES) expect(config).toContain(`cacheName: '${name}'`);
  });
});

describe('primeAuth', () => {
  it("shows a returning person signed in from the service worker's copy, marked old so it is asked again", async () => {
    const match = vi.fn().mockResolvedValue(new Response(JSON.stringify(CITIZEN), { headers: { 'content-type': 'application/json' } }));
    const fetchSpy = vi.fn();
    vi.stubGlobal('caches', { match });
    vi.stubGlobal('fetch', fetchSpy);
    const client = createQueryClient();
    await primeAuth(client);
    expect(match).toHaveBeenCalledWith('/api/me', { cacheName: 'cds-session', ignoreVary: true });
    expect(client.getQueryData(meKey)).toEqual(CITIZEN);
    expect(client.getQueryState(meKey)?.dataUpdatedAt).toBe(0);
    expect(fetchSpy).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('asks the server at once when there is no copy', async () => {
    vi.stubGlobal('caches', { match: vi.fn().mockResolvedValue(undefined) });
    const fetchSpy = vi.fn().mockResolvedValue(new Response(JSON.stringify(OFFICER), { headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetchSpy);
    const client = createQueryClient();
    await primeAuth(client);
    expect(fetchSpy.mock.calls[0]?.[0]).toBe('/api/me');
    await vi.waitFor(() => expect(client.getQueryData(meKey)).toEqual(OFFICER));
    vi.unstubAllGlobals();
  });
});
