// The one list of features: every feature folder with a manifest is on it, and the
// console's navigation comes from the manifests, filtered by the abilities GET /api/me lists.
import fs from 'node:fs';
import path from 'node:path';
import { isValidElement } from 'react';
import { describe, expect, inject, it } from 'vitest';
import type { Me } from '@cds/contracts/identity';
import { ME, OFFICER } from '../test/fixtures.ts';
import { FEATURES } from './index.ts';
import { FEATURE_REGISTRY } from './registry.ts';
import { navFor } from './staff/StaffLayout.tsx';

const LEADER: Me = { ...ME, roles: ['citizen', 'leader'], abilities: ['console.open', 'dashboard.view', 'dossiers.read_staff', 'dossiers.view_indicators', 'reports.work'] };
const SYSADMIN: Me = { ...ME, roles: ['citizen', 'sysadmin'], abilities: [...LEADER.abilities, 'identity.manage_users', 'reports.configure'] };

describe('FEATURES', () => {
  it('lists every feature folder that has a feature.ts, once', () => {
    const dir = __dirname;
    const withManifest = fs.readdirSync(dir).filter((name) => fs.existsSync(path.join(dir, name, 'feature.ts')));
    expect(FEATURES.map((f) => f.key).sort()).toEqual(withManifest.sort());
  });

  it('gives the home page the tiles the features declare', () => {
    const withTile = FEATURES.filter((f) => f.tile).map((f) => f.key);
    expect(Object.keys(FEATURE_REGISTRY).sort()).toEqual(withTile.sort());
    expect(withTile).toEqual(expect.arrayContaining(['dossiers', 'procedures', 'reports', 'alerts', 'news', 'payments', 'land']));
    expect(FEATURE_REGISTRY.reports?.route).toBe('/reports');
  });

  it('mounts each citizen path once', () => {
    const paths = FEATURES.flatMap((f) => f.citizen ?? []).map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toEqual(expect.arrayContaining(['sign-in', 'dossiers', 'procedures/:id', 'reports/new', 'tra-cuu-ho-so', 'notifications']));
  });
});

describe('abilities the manifests ask for', () => {
  it('are all declared by the server (a misspelt one would hide a page from everyone)', () => {
    const declared = (JSON.parse(inject('openapi')) as { 'x-abilities': string[] })['x-abilities'];
    const routes = FEATURES.flatMap((f) => [...(f.citizen ?? []), ...(f.staff ?? []), ...(f.leader ?? [])]);
    const ofRoutes = routes.map((r) => (isValidElement<{ ability?: string }>(r.element) ? r.element.props.ability : undefined));
    const ofNav = FEATURES.flatMap((f) => f.nav ?? []).map((n) => n.ability);
    const asked = [...new Set([...ofRoutes, ...ofNav].filter((a): a is string => !!a))];
    expect(asked.length).toBeGreaterThan(10);
    expect(asked.filter((a) => !declared.includes(a))).toEqual([]);
  });
});

describe('navFor', () => {
  const links = (me: Me | null) => navFor(me).map((n) => n.to);

  it('shows each person the console sections their abilities open, in the list order', () => {
    expect(links(OFFICER)).toEqual(['/staff', '/staff/reports', '/staff/dossiers']);
    expect(links(LEADER)).toEqual(['/staff', '/staff/reports', '/leader', '/leader/indicators', '/leader/payments']);
    expect(links(SYSADMIN)).toEqual(['/staff', '/staff/users', '/staff/reports', '/leader', '/leader/indicators', '/leader/payments']);
  });

  it('shows only the overview to someone without abilities', () => {
    expect(links(ME)).toEqual(['/staff']);
    expect(links({ ...ME, roles: ['sysadmin'] })).toEqual(['/staff']);
  });
});
