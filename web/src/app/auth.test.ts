import { describe, expect, it } from 'vitest';
import type { Me, Role } from '../lib/types.ts';
import { landingPath } from './auth.ts';

const person = (...roles: Role[]) => ({ id: 'u', roles, memberships: [] }) as unknown as Me;

describe('landingPath', () => {
  it('sends staff to the console and citizens home', () => {
    expect(landingPath(person('citizen'), null)).toBe('/');
    expect(landingPath(person('citizen', 'officer'), null)).toBe('/staff');
    expect(landingPath(person('community_helper'), null)).toBe('/staff');
    expect(landingPath(person('merchant'), null)).toBe('/');
  });

  it('honours a requested page only when it is local and allowed', () => {
    expect(landingPath(person('citizen'), '/account/profile')).toBe('/account/profile');
    expect(landingPath(person('citizen'), '//evil.example')).toBe('/');
    expect(landingPath(person('citizen'), 'https://evil.example')).toBe('/');
    expect(landingPath(person('citizen'), '/staff')).toBe('/');
    expect(landingPath(person('officer'), '/leader')).toBe('/staff');
    expect(landingPath(person('leader'), '/leader')).toBe('/leader');
  });
});
