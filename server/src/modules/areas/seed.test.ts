// The areas seed at every start: it compares what the tables hold with what it would write
// (a digest computed alike in JavaScript and SQL) and writes only when they differ.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../test/helpers.ts';
import { AdminUnits } from './admin-units.ts';
import { rowsDigest, unitsDigests } from './repo.ts';
import { AreasService } from './service.ts';

describe('the areas seed on a restart', () => {
  let t: TestApp;
  let service: AreasService;
  before(async () => {
    t = await createTestApp();
    service = new AreasService(t.platform, AdminUnits.load());
  });
  after(() => t.teardown());

  it('finds the seeded tables equal to what it would write, digest for digest', async () => {
    const units = AdminUnits.load();
    const stored = await unitsDigests(t.db.kysely);
    assert.equal(stored.provinces, rowsDigest(units.provinces.map((p) => [p.code, p.name])));
    assert.equal(stored.communes, rowsDigest(units.communes.map((c) => [c.code, c.name, c.type, c.provinceCode])));
    const agencies = service.packAgencies();
    assert.equal(stored.agencies, rowsDigest(agencies.map((a) => [a.code, a.name, a.shortName, a.kind, a.areaCode, a.address, a.phone, a.email, a.electronicId, a.parentCode])));
  });

  it('writes back a commune, an agency and its parent link that differ', async () => {
    const name = async (table: 'communes' | 'agencies', code: string) => (await t.db.query<{ name: string }>(`SELECT name FROM ${table} WHERE code = $1`, [code])).rows[0]?.name;
    const [commune, agency] = [await name('communes', '05983'), await name('agencies', 'UBND-05983')];
    const parent = async () => (await t.db.query<{ parent: string | null }>('SELECT p.code AS parent FROM agencies a LEFT JOIN agencies p ON p.id = a.parent_id WHERE a.code = $1', ['UBND-05983'])).rows[0]?.parent;
    const linked = await parent();
    assert.ok(commune && agency && linked);
    await t.db.query(`UPDATE communes SET name = 'Tên sai' WHERE code = '05983'`);
    await t.db.query(`UPDATE agencies SET name = 'Tên sai', parent_id = NULL WHERE code = 'UBND-05983'`);
    await service.seed(true);
    assert.equal(await name('communes', '05983'), commune);
    assert.equal(await name('agencies', 'UBND-05983'), agency);
    assert.equal(await parent(), linked);
  });
});
