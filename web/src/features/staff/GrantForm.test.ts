import { describe, expect, it } from 'vitest';
import { AGENCY_BOUND_ROLES } from '@cds/contracts';
import { validateGrant } from './GrantForm.tsx';

const t = (key: string) => key;

describe('validateGrant', () => {
  it('asks for an agency for every role the contracts bind to one', () => {
    for (const role of AGENCY_BOUND_ROLES) {
      expect(validateGrant({ role, agencyId: '', areaCode: '05977' }, t)).toEqual({ agencyId: 'staff.grant.agencyRequired' });
      expect(validateGrant({ role, agencyId: 'a1', areaCode: '' }, t)).toEqual({});
    }
    expect(validateGrant({ role: 'finance_officer', agencyId: '', areaCode: '' }, t).agencyId).toBeTruthy();
  });

  it('asks a leader for an area and a role for everyone', () => {
    expect(validateGrant({ role: 'leader', agencyId: '', areaCode: '' }, t)).toEqual({ areaCode: 'staff.grant.areaRequired' });
    expect(validateGrant({ role: '', agencyId: '', areaCode: '' }, t)).toEqual({ role: 'staff.grant.roleRequired' });
    expect(validateGrant({ role: 'community_helper', agencyId: '', areaCode: '05977' }, t)).toEqual({});
  });
});
