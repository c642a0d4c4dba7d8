import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Principal } from '../../platform/auth.ts';
import { DossierAccess } from './policy.ts';
import type { AreaPort } from './ports.ts';

// Two communes of province 20, a commune committee per commune and a provincial department.
const AGENCIES: Record<string, { id: string; code: string; name: string; areaCode: string }> = {
  communeA: { id: 'communeA', code: 'A', name: 'UBND A', areaCode: '00001' },
  communeB: { id: 'communeB', code: 'B', name: 'UBND B', areaCode: '00002' },
  department: { id: 'department', code: 'D', name: 'Sở', areaCode: '20' },
};
const areas: AreaPort = {
  getAgency: async (id) => AGENCIES[id] ?? null,
  isWithin: (code, scope) => code === scope || (scope === '20' && ['00001', '00002'].includes(code)),
  communeName: async () => null,
};
const access = new DossierAccess(areas);
const canAct = (p: Principal, d: { applicant_user_id: string; agency_id: string; commune_code: string }) => access.can(p, 'act', d);
const officer = (agencyId: string, areaCode: string): Principal => ({
  userId: 'u', sessionId: 's', roles: ['citizen', 'officer'], memberships: [{ id: 'm', role: 'officer', agencyId, areaCode }],
});

describe('who may act on a dossier', () => {
  it('lets a commune officer act on a dossier handed to their committee from another commune', async () => {
    assert.equal(await canAct(officer('communeB', '00002'), { applicant_user_id: 'x', agency_id: 'communeB', commune_code: '00001' }), true);
  });

  it('refuses an officer of another agency, whatever the commune', async () => {
    assert.equal(await canAct(officer('communeA', '00001'), { applicant_user_id: 'x', agency_id: 'communeB', commune_code: '00001' }), false);
  });

  it('keeps a department officer scoped to one commune within that commune', async () => {
    const scoped = officer('department', '00001');
    assert.equal(await canAct(scoped, { applicant_user_id: 'x', agency_id: 'department', commune_code: '00001' }), true);
    assert.equal(await canAct(scoped, { applicant_user_id: 'x', agency_id: 'department', commune_code: '00002' }), false);
    assert.equal(await canAct(officer('department', '20'), { applicant_user_id: 'x', agency_id: 'department', commune_code: '00002' }), true);
  });
});
