import { describe, expect, it } from 'vitest';
import type { Role } from '@cds/contracts';
import type { Me } from '@cds/contracts/identity';
import { ME } from '../test/fixtures.ts';
import { landingPath } from './auth.ts';

const person = (...roles: Role[]): Me => ({ ...ME, roles });

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
