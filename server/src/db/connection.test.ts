import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../../test/helpers.ts';
import { trimParserTable } from './connection.ts';

// Both engines must hand the app the same values: the tests run this file on PGlite and on PostgreSQL.
describe('values read from the database', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(async () => {
    await t.drop();
  });

  it('arrives as the same JS values on both engines, arrays included', async () => {
    const { rows } = await t.db.query<Record<string, unknown>>(`SELECT
      ARRAY[1, 2]::int4[] AS ints, ARRAY['a', 'b c']::text[] AS texts, ARRAY['6f1c1d2e-1b0a-4c7e-9a55-0f3e2a1b4c5d']::uuid[] AS uuids,
      ARRAY[true, false] AS flags, ARRAY[1.5, 2]::float8[] AS floats, ARRAY['x']::varchar[] AS varchars,
      ARRAY['{"a":1}']::jsonb[] AS docs, '{"a":[1]}'::jsonb AS doc, 7::int4 AS n, 2.5::float8 AS f, true AS b,
      '2026-12-07T01:02:03Z'::timestamptz AS at, NULL::text[] AS none`);
    const r = rows[0]!;
    assert.deepEqual(r.ints, [1, 2]);
    assert.deepEqual(r.texts, ['a', 'b c']);
    assert.deepEqual(r.uuids, ['6f1c1d2e-1b0a-4c7e-9a55-0f3e2a1b4c5d']);
    assert.deepEqual(r.flags, [true, false]);
    assert.deepEqual(r.floats, [1.5, 2]);
    assert.deepEqual(r.varchars, ['x']);
    assert.deepEqual(r.docs, [{ a: 1 }]);
    assert.deepEqual(r.doc, { a: [1] });
    assert.equal(r.n, 7);
    assert.equal(r.f, 2.5);
    assert.equal(r.b, true);
    assert.equal((r.at as Date).toISOString(), '2026-12-07T01:02:03.000Z');
    assert.equal(r.none, null);
  });
});

describe('the embedded database\'s parser table', () => {
  it('keeps the base types and only the array types node-postgres parses', () => {
    const parse = (v: string) => v;
    const trimmed = trimParserTable({ 1007: parse, 1009: parse, 2951: parse, 16: parse, 23: parse, 17000: parse, 17001: parse, null: parse }, { 16: parse, 23: parse });
    assert.deepEqual(Object.keys(trimmed).sort(), ['1007', '1009', '16', '23', '2951']);
  });
});
