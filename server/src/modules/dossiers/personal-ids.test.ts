// Personal ID numbers in application forms (issue 9, defect 3): sealed in the database,
// masked to everyone but the staff handling the dossier, whose read is audited.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { buildTestApp, createTestDatabase, type BuiltApp, type TestDatabase } from '../../../test/helpers.ts';
import { BIRTH, standInModules, type StandIn } from '../../../test/dossiers.ts';
import { areasModule } from '../areas/index.ts';
import type { DossierServices } from './definition.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const ID = '020090000001';
const citizen = 'tok-citizen';
const officer = 'tok-officer';
let built: BuiltApp;
let tdb: TestDatabase;
let standIn: StandIn;
let services: () => DossierServices;

const inject = (method: 'GET' | 'POST' | 'PUT', url: string, token: string, payload?: object) =>
  built.app.inject({ method, url, payload, headers: { authorization: `Bearer ${token}` } });
const apply = (submit: boolean) => inject('POST', '/api/dossiers', citizen, {
  procedureId: BIRTH.id, communeCode: '05983', formData: { childName: 'Nguyễn Văn Bé', parentIdNumber: ID },
  attachments: [{ docKey: 'birth_certificate', fileName: 'giay-chung-sinh.pdf', contentBase64: PDF.toString('base64') }], submit,
});

before(async () => {
  tdb = await createTestDatabase();
  const s = standInModules();
  standIn = s.standIn;
  services = s.services;
  built = await buildTestApp({ db: tdb.db, modules: s.modules });
  await built.start({ seed: false, work: false });
  await built.app.ready();
  const agency = (await built.platform.use(areasModule).agencyForCommune('05983'))!.id;
  standIn.signIn(citizen, { userId: randomUUID(), roles: ['citizen'], memberships: [] }, { fullName: 'Nguyễn Văn An', phone: '0900000001' });
  standIn.signIn(officer, { userId: randomUUID(), roles: ['citizen', 'officer'], memberships: [{ id: randomUUID(), role: 'officer', agencyId: agency, areaCode: '05983' }] }, { fullName: 'Cán bộ', phone: '0900000101' });
});
after(async () => {
  await built.close();
  await tdb.drop();
});

const storedForm = async (id: string) => (await tdb.db.query<{ form: string }>('SELECT form_data::text AS form FROM dossiers WHERE id = $1', [id])).rows[0]!.form;

describe('personal ID numbers in application forms', () => {
  it('are never stored in clear', async () => {
    const res = await apply(true);
    assert.equal(res.statusCode, 201, res.body);
    const form = await storedForm(res.json().id);
    assert.ok(!form.includes(ID), form);
    assert.match(form, /"parentIdNumber": ?\{"\$sealed": ?"v1:/);
  });

  it('show in full to the applicant only while the dossier is their draft, masked once filed', async () => {
    const draft = (await apply(false)).json();
    assert.equal(draft.formData.parentIdNumber, ID);
    const filed = (await inject('POST', `/api/dossiers/${draft.id}/submit`, citizen)).json();
    assert.equal(filed.formData.parentIdNumber, '020*******01');
    assert.equal(filed.formData.childName, 'Nguyễn Văn Bé');
  });

  it('show in full to the officer handling the dossier, and that read is audited', async () => {
    const d = (await apply(true)).json();
    const seen = await inject('GET', `/api/dossiers/${d.id}`, officer);
    assert.equal(seen.statusCode, 200);
    assert.equal(seen.json().formData.parentIdNumber, ID);
    const audit = await tdb.db.query<{ action: string }>("SELECT action FROM audit_log WHERE subject_type = 'dossier' AND subject_id = $1", [d.id]);
    assert.ok(audit.rows.some((r) => r.action === 'dossier.read'), JSON.stringify(audit.rows));
  });

  it('a draft saved with the number still validates and submits (the server opens it to check)', async () => {
    const draft = (await apply(false)).json();
    const saved = await inject('PUT', `/api/dossiers/${draft.id}`, citizen, { formData: { childName: 'Nguyễn Văn Bé Hai', parentIdNumber: '020090000009' } });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.ok(!(await storedForm(draft.id)).includes('020090000009'));
    assert.equal((await inject('POST', `/api/dossiers/${draft.id}/submit`, citizen)).statusCode, 200);
  });

  it('written in clear before sealing existed, are sealed by the start-up sweep', async () => {
    const d = (await apply(true)).json();
    await tdb.db.query(`UPDATE dossiers SET form_data = jsonb_set(form_data, '{parentIdNumber}', to_jsonb($2::text)), personal_ids_sealed = false WHERE id = $1`, [d.id, ID]);
    assert.ok((await storedForm(d.id)).includes(ID));
    assert.equal(await services().applying.sealStoredIds(), 1);
    assert.ok(!(await storedForm(d.id)).includes(ID));
    assert.equal(await services().applying.sealStoredIds(), 0, 'swept once');
    assert.equal((await inject('GET', `/api/dossiers/${d.id}`, officer)).json().formData.parentIdNumber, ID);
  });
});
