// Open311 GeoReport v2: every call in JSON and XML, with the spec's errors and codes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser } from 'fast-xml-parser';
import { createTestApp, type TestApp } from '../../../test/helpers.ts';

const KEY = 'demo-open311-key';
const IN_PROVINCE = { lat: '21.85', long: '106.76' }; // Phường Lương Văn Tri
const xml = new XMLParser({ ignoreAttributes: true, parseTagValue: false });

function form(fields: Record<string, string | string[]>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  return p.toString();
}

describe('Open311 GeoReport v2', () => {
  let t: TestApp;
  let requestId = '';
  let token = '';

  before(async () => {
    t = await createTestApp();
  });
  after(() => t.teardown());

  const post = (format: 'json' | 'xml', fields: Record<string, string | string[]>) =>
    t.app.inject({ method: 'POST', url: `/open311/v2/requests.${format}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form(fields) });

  it('publishes the discovery document in JSON and XML', async () => {
    const j = await t.app.inject({ method: 'GET', url: '/open311/discovery.json' });
    assert.equal(j.statusCode, 200);
    const doc = j.json();
    assert.equal(doc.endpoints[0].url, 'http://localhost:3999/open311/v2');
    assert.deepEqual(doc.endpoints[0].formats, ['text/xml', 'application/json']);
    assert.ok(doc.changeset && doc.contact && doc.key_service);
    const x = await t.app.inject({ method: 'GET', url: '/open311/discovery.xml' });
    assert.match(x.headers['content-type'] as string, /text\/xml/);
    const parsed = xml.parse(x.body);
    assert.equal(parsed.discovery.endpoints.endpoint.specification, 'http://wiki.open311.org/GeoReport_v2');
    assert.deepEqual(parsed.discovery.endpoints.endpoint.formats.format, ['text/xml', 'application/json']);
  });

  it('lists services (leaf categories) with string codes and groups', async () => {
    const j = await t.app.inject({ method: 'GET', url: '/open311/v2/services.json' });
    assert.equal(j.statusCode, 200);
    const services = j.json() as { service_code: string; group: string; metadata: boolean; type: string }[];
    const rac = services.find((s) => s.service_code === 'moi-truong.rac-thai')!;
    assert.equal(rac.group, 'Môi trường');
    assert.equal(rac.metadata, true);
    assert.equal(rac.type, 'realtime');
    assert.ok(!services.some((s) => s.service_code === 'moi-truong'), 'top categories are groups, not services');
    const x = xml.parse((await t.app.inject({ method: 'GET', url: '/open311/v2/services.xml' })).body);
    assert.equal(x.services.service.length, services.length);
    assert.equal(typeof x.services.service[0].service_code, 'string');
  });

  it('gives a service definition with the extra questions as attributes', async () => {
    const j = await t.app.inject({ method: 'GET', url: '/open311/v2/services/moi-truong.rac-thai.json' });
    assert.equal(j.statusCode, 200);
    const def = j.json();
    assert.equal(def.service_code, 'moi-truong.rac-thai');
    assert.equal(def.attributes[0].code, 'amount');
    assert.equal(def.attributes[0].datatype, 'singlevaluelist');
    assert.equal(def.attributes[0].required, true);
    assert.deepEqual(def.attributes[0].values.map((v: { key: string }) => v.key), ['small', 'medium', 'large']);
    const x = xml.parse((await t.app.inject({ method: 'GET', url: '/open311/v2/services/moi-truong.rac-thai.xml' })).body);
    assert.equal(x.service_definition.attributes.attribute.code, 'amount');
    assert.equal(x.service_definition.attributes.attribute.values.value.length, 3);
    const missing = await t.app.inject({ method: 'GET', url: '/open311/v2/services/nope.json' });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json()[0].code, 404);
    const bad = await t.app.inject({ method: 'GET', url: '/open311/v2/services/moi-truong.rac-thai.csv' });
    assert.equal(bad.statusCode, 404);
  });

  it('refuses a request without api_key or with a wrong key (403), in both formats', async () => {
    const none = await post('json', { service_code: 'giao-thong.o-ga', ...IN_PROVINCE });
    assert.equal(none.statusCode, 403);
    assert.deepEqual(Object.keys(none.json()[0]).sort(), ['code', 'description']);
    const wrong = await post('xml', { api_key: 'nope', service_code: 'giao-thong.o-ga', ...IN_PROVINCE });
    assert.equal(wrong.statusCode, 403);
    assert.equal(xml.parse(wrong.body).errors.error.code, '403');
  });

  it('refuses missing or bad parameters with 400 naming them, and saves nothing', async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ ...IN_PROVINCE }, /service_code/],
      [{ service_code: 'giao-thong.o-ga' }, /lat/],
      [{ service_code: 'giao-thong.o-ga', address_string: '12 Lê Lợi, Hà Nội' }, /^address_string: no commune or ward/],
      [{ service_code: 'giao-thong.o-ga', address_string: 'giữa xã Văn Quan và xã Thất Khê' }, /^address_string: .*several.*Xã Văn Quan/],
      [{ service_code: 'giao-thong.o-ga', address_id: 'A-12' }, /address_id is not supported/],
      [{ service_code: 'giao-thong.o-ga', lat: '21.85' }, /long is required/],
      [{ service_code: 'nope', ...IN_PROVINCE }, /service_code nope not found/],
      [{ service_code: 'giao-thong.o-ga', lat: 'abc', long: '106.7' }, /lat must be a number/],
      [{ service_code: 'giao-thong.o-ga', lat: '21.0', long: '105.8' }, /outside/i],
      [{ service_code: 'moi-truong.rac-thai', ...IN_PROVINCE }, /attribute\[amount\]/],
      [{ service_code: 'moi-truong.rac-thai', ...IN_PROVINCE, 'attribute[amount]': 'huge' }, /attribute\[amount\]/],
      [{ service_code: 'giao-thong.o-ga', ...IN_PROVINCE, description: 'x'.repeat(4001) }, /4000/],
      [{ service_code: 'giao-thong.o-ga', ...IN_PROVINCE, email: 'not-an-email' }, /email/],
    ];
    const before = (await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json' })).json().length;
    for (const [fields, message] of cases) {
      const res = await post('json', { api_key: KEY, ...fields });
      assert.equal(res.statusCode, 400, JSON.stringify(fields));
      assert.match(res.json()[0].description, message);
    }
    const xres = await post('xml', { api_key: KEY, service_code: 'giao-thong.o-ga' });
    assert.equal(xres.statusCode, 400);
    assert.match(xml.parse(xres.body).errors.error.description, /lat/);
    assert.equal((await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json' })).json().length, before);
  });

  it('creates a request that is the same report the app shows', async () => {
    const res = await post('json', {
      api_key: KEY, service_code: 'moi-truong.rac-thai', ...IN_PROVINCE, 'attribute[amount]': 'large', description: 'Đống rác lớn cạnh chợ',
      first_name: 'An', last_name: 'Nguyễn', email: 'an@example.vn', address_string: 'Chợ Đông Kinh',
    });
    assert.equal(res.statusCode, 201);
    const [created] = res.json();
    assert.match(created.service_request_id, /^PA-[0-9A-Z]{8}$/);
    requestId = created.service_request_id;
    token = created.token;
    const app = await t.app.inject({ method: 'GET', url: `/api/reports/${requestId}` });
    assert.equal(app.statusCode, 200);
    assert.equal(app.json().category.code, 'moi-truong.rac-thai');
    assert.equal(app.json().communeCode, '05983');
    assert.equal(JSON.stringify(app.json()).includes('an@example.vn'), false, 'no personal data in public view');
  });

  it('files a request from address_string alone at the named ward, marked approximate', async () => {
    const address = '12 Trần Đăng Ninh, phuong Luong Van Tri';
    const res = await post('json', { api_key: KEY, service_code: 'giao-thong.o-ga', address_string: address, description: 'Ổ gà sâu giữa đường' });
    assert.equal(res.statusCode, 201, res.body);
    const [created] = res.json();
    assert.match(created.service_notice, /approximate.*Phường Lương Văn Tri/);
    const app = (await t.app.inject({ method: 'GET', url: `/api/reports/${created.service_request_id}` })).json();
    assert.equal(app.communeCode, '05983');
    const [row] = (await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${created.service_request_id}.json` })).json();
    assert.equal(row.address, address);
    assert.equal(typeof row.lat, 'number');
    const x = await post('xml', { api_key: KEY, service_code: 'giao-thong.o-ga', address_string: 'Số 5, P. Lương Văn Tri' });
    assert.equal(x.statusCode, 201, x.body);
    assert.match(xml.parse(x.body).service_requests.request.service_notice, /Phường Lương Văn Tri/);
  });

  it('refuses an address_string naming no known place, in XML too', async () => {
    const res = await post('xml', { api_key: KEY, service_code: 'giao-thong.o-ga', address_string: '1 Nowhere Street' });
    assert.equal(res.statusCode, 400);
    const error = xml.parse(res.body).errors.error;
    assert.equal(error.code, '400');
    assert.match(error.description, /^address_string: no commune or ward of/);
  });

  it('creates with XML reply and multi-value attributes', async () => {
    const res = await post('xml', { api_key: KEY, service_code: 'giao-thong.o-ga', ...IN_PROVINCE, 'attribute[size]': '3' });
    assert.equal(res.statusCode, 201);
    assert.match(xml.parse(res.body).service_requests.request.service_request_id, /^PA-/);
  });

  it('answers tokens', async () => {
    const j = await t.app.inject({ method: 'GET', url: `/open311/v2/tokens/${token}.json` });
    assert.equal(j.statusCode, 200);
    assert.deepEqual(j.json(), [{ service_request_id: requestId, token }]);
    const x = xml.parse((await t.app.inject({ method: 'GET', url: `/open311/v2/tokens/${token}.xml` })).body);
    assert.equal(x.service_requests.request.service_request_id, requestId);
    const missing = await t.app.inject({ method: 'GET', url: '/open311/v2/tokens/00000000-0000-0000-0000-000000000000.json' });
    assert.equal(missing.statusCode, 404);
  });

  it('gets one request in JSON and XML with W3C datetimes, and 404 for an unknown id', async () => {
    const j = await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${requestId}.json` });
    assert.equal(j.statusCode, 200);
    const [r] = j.json();
    assert.equal(r.service_request_id, requestId);
    assert.equal(r.status, 'open');
    assert.equal(r.service_code, 'moi-truong.rac-thai');
    assert.equal(r.lat, 21.85);
    assert.equal(r.long, 106.76);
    assert.match(r.requested_datetime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    assert.match(r.expected_datetime, /\+07:00$/);
    assert.ok(r.agency_responsible.length > 0);
    const x = xml.parse((await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${requestId}.xml?extensions=true` })).body);
    assert.equal(x.service_requests.request.service_request_id, requestId);
    assert.ok(x.service_requests.request.notes);
    const missing = await t.app.inject({ method: 'GET', url: '/open311/v2/requests/PA-NOPE0000.xml' });
    assert.equal(missing.statusCode, 404);
    assert.equal(xml.parse(missing.body).errors.error.code, '404');
  });

  it('searches requests with filters, limits and paging', async () => {
    const all = (await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json' })).json();
    assert.ok(all.length >= 2);
    const byCode = (await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json?service_code=giao-thong.o-ga' })).json();
    assert.ok(byCode.every((r: { service_code: string }) => r.service_code === 'giao-thong.o-ga'));
    const closed = (await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json?status=closed' })).json();
    assert.equal(closed.length, 0);
    const ids = (await t.app.inject({ method: 'GET', url: `/open311/v2/requests.json?service_request_id=${requestId}&status=closed` })).json();
    assert.equal(ids.length, 1, 'service_request_id overrides the other filters');
    const page1 = (await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json?page_size=1&page=1' })).json();
    const page2 = (await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json?page_size=1&page=2' })).json();
    assert.equal(page1.length, 1);
    assert.notEqual(page1[0].service_request_id, page2[0].service_request_id);
    const old = (await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json?start_date=2020-01-01T00:00:00%2B07:00&end_date=2020-02-01T00:00:00%2B07:00' })).json();
    assert.equal(old.length, 0);
    const xmlList = xml.parse((await t.app.inject({ method: 'GET', url: '/open311/v2/requests.xml?status=open' })).body);
    assert.ok(xmlList.service_requests.request);
    const emptyParam = await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json?status=&service_code=' });
    assert.equal(emptyParam.statusCode, 200, 'an empty parameter counts as absent');
  });

  it('refuses bad search parameters with 400', async () => {
    for (const q of ['status=pending', 'start_date=yesterday', 'start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z', 'page_size=0', 'page_size=5000', 'start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:00Z']) {
      const res = await t.app.inject({ method: 'GET', url: `/open311/v2/requests.json?${q}` });
      assert.equal(res.statusCode, 400, q);
      assert.equal(res.json()[0].code, 400);
    }
    const x = await t.app.inject({ method: 'GET', url: '/open311/v2/requests.xml?status=pending' });
    assert.equal(x.statusCode, 400);
    assert.match(x.body, /<errors><error><code>400<\/code><description>/);
  });

  it('lists service request updates with paging', async () => {
    const j = await t.app.inject({ method: 'GET', url: '/open311/v2/servicerequestupdates.json?page_size=50' });
    assert.equal(j.statusCode, 200);
    const updates = j.json() as { update_id: string; service_request_id: string; status: string; updated_datetime: string }[];
    assert.ok(updates.some((u) => u.service_request_id === requestId && u.status === 'open'));
    const x = xml.parse((await t.app.inject({ method: 'GET', url: '/open311/v2/servicerequestupdates.xml' })).body);
    assert.ok(x.service_request_updates.request_update);
  });

  it('accepts a key registered by an administrator, and refuses it once revoked', async () => {
    const { open311Module } = await import('./index.ts');
    await t.platform.use(open311Module).addKey('partner-key-123456', 'Đối tác thử');
    const ok = await post('json', { api_key: 'partner-key-123456', service_code: 'giao-thong.o-ga', ...IN_PROVINCE });
    assert.equal(ok.statusCode, 201);
    await t.db.query(`UPDATE open311_api_keys SET active = false`);
    const revoked = await post('json', { api_key: 'partner-key-123456', service_code: 'giao-thong.o-ga', ...IN_PROVINCE });
    assert.equal(revoked.statusCode, 403);
  });

  it('answers unknown Open311 paths with a spec error', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/open311/v2/nothing.json' });
    assert.equal(res.statusCode, 404, res.body);
    assert.equal(res.json()[0].code, 404);
  });
});
