// The access matrix (issue 9): every GET route of the OpenAPI document that takes an id or
// a code, tried with the ids and codes of one citizen's own records (his account, report,
// dossier, its attachment and letter, his notification), as anonymous, another citizen, an
// officer of another commune and a community helper. Nothing of his may come back: his
// name, phone or personal ID number in a reply, or one of his documents (a PDF or image).
// Public views are allowed when they carry none of that (a report on the public map).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from './helpers.ts';
import { signIn, type TestSession } from './identity.ts';
import { proceduresModule } from '../src/modules/procedures/index.ts';

type OpenApi = { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>> };

const OWNER = { phone: '0900000001', name: 'Nguyễn Văn An', personalId: '020090000777' };
// routes that show a person's data to anyone by design, each for a stated reason
const BY_DESIGN = [
  /^\/api\/dev\//, // demo mode's SMS outbox (refused outside demo mode)
  /^\/api\/docs/,
];
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n% access matrix\n');

let t: TestApp;
let owner: TestSession;
const ids: string[] = [];

before(async () => {
  t = await createTestApp();
  owner = await signIn(t.app, OWNER.phone);
  ids.push(owner.userId);
  const report = await t.app.inject({
    method: 'POST', url: '/api/reports', headers: owner.headers,
    payload: { categoryCode: 'moi-truong.rac-thai', answers: { amount: 'large' }, description: 'Rác đổ ở ngõ 12', lat: 21.85, lon: 106.76 },
  });
  assert.equal(report.statusCode, 201, report.body);
  ids.push(report.json().id, report.json().trackingCode);
  const procedure = (await t.platform.use(proceduresModule).getProcedure('1.001193'))!;
  const form = {
    applicantName: OWNER.name, applicantIdNumber: OWNER.personalId, applicantPhone: OWNER.phone, applicantAddress: 'Phường Lương Văn Tri',
    childName: 'Nguyễn Văn Bé', childBirthDate: '2026-11-01', childSex: 'Nam', birthPlace: 'Bệnh viện Đa khoa tỉnh Lạng Sơn', motherName: 'Trần Thị Cúc', applicantRelationship: 'Cha',
  };
  const attachments = ['declaration', 'birthCertificate', 'identity'].map((docKey) => ({ docKey, fileName: `${docKey}.pdf`, contentBase64: PDF.toString('base64') }));
  const dossier = await t.app.inject({ method: 'POST', url: '/api/dossiers', headers: owner.headers, payload: { procedureId: procedure.id, communeCode: '05983', formData: form, attachments, submit: true } });
  assert.equal(dossier.statusCode, 201, dossier.body);
  const d = dossier.json();
  ids.push(d.id, d.code, ...d.attachments.map((a: { id: string }) => a.id), ...d.letters.map((l: { id: string }) => l.id));
  const inbox = await t.app.inject({ method: 'GET', url: '/api/me/notifications', headers: owner.headers });
  ids.push(...inbox.json().items.map((n: { id: string }) => n.id));
});
after(() => t.teardown());

/** Every way to fill a path's parameters with the owner's ids (one id per parameter, all combinations). */
function fill(path: string): string[] {
  const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[0]);
  let urls = [path];
  for (const p of params) urls = urls.flatMap((u) => ids.map((id) => u.replace(p, encodeURIComponent(id))));
  return urls;
}

function leaked(body: Buffer, contentType: string): string | null {
  if (/application\/pdf|image\//.test(contentType)) return `a document (${contentType})`;
  const text = body.toString('utf8');
  for (const marker of [OWNER.phone, OWNER.name, OWNER.personalId]) if (text.includes(marker)) return marker;
  return null;
}

describe('the access matrix: nobody else reads a citizen\'s records', () => {
  it('leaks nothing to anonymous, another citizen, an officer of another commune, or a helper', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApi;
    const callers: [string, Record<string, string>][] = [
      ['anonymous', {}],
      ['another citizen', (await signIn(t.app, '0900000002')).headers],
      ['an officer of another commune', (await signIn(t.app, '0900000102')).headers],
      ['a community helper', (await signIn(t.app, '0900000301')).headers],
    ];
    const paths = Object.keys(doc.paths).filter((p) => doc.paths[p]!.get && p.includes('{') && !BY_DESIGN.some((re) => re.test(p)));
    assert.ok(paths.length > 20, `routes with ids: ${paths.length}`);
    const leaks: string[] = [];
    let tried = 0;
    for (const path of paths) {
      for (const url of fill(path.replace(/^\/api/, '/api'))) {
        for (const [who, headers] of callers) {
          const res = await t.app.inject({ method: 'GET', url, headers });
          tried++;
          assert.ok(res.statusCode < 500, `${who} GET ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          if (res.statusCode >= 300) continue;
          const what = leaked(res.rawPayload, String(res.headers['content-type'] ?? ''));
          if (what) leaks.push(`${who} GET ${url} → ${what}`);
        }
      }
    }
    assert.deepEqual(leaks, [], `${leaks.length} leaks in ${tried} requests`);
  });

  it('the owner does see his own records (the matrix would pass vacuously otherwise)', async () => {
    const d = await t.app.inject({ method: 'GET', url: `/api/dossiers/${ids[3]}`, headers: owner.headers });
    assert.equal(d.statusCode, 200);
    assert.ok(d.body.includes(OWNER.name));
  });
});
