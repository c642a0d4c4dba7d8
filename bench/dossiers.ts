// Dossier submission throughput: POST /api/dossiers with submit=true (code from the
// per-agency daily counter, appointment date, receipt letter, three small attachments),
// on the embedded database and (when BENCH_DATABASE_URL is set) on PostgreSQL.
// Usage: npx tsx bench/dossiers.ts   (writes bench/results/dossiers.md)
import fs from 'node:fs/promises';
import path from 'node:path';
import { ROOT, load, machine, startPlatform, table, type Row } from './lib.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64');

async function submissionRows(database: string, databaseUrl: string | undefined, port: number): Promise<{ rows: Row[]; codes: number }> {
  const server = await startPlatform({ databaseUrl, port, env: { LOG_LEVEL: 'warn' } });
  try {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone: '0900000001', password: 'Demo@2026' }),
    });
    if (!login.ok) throw new Error(`demo login failed: ${login.status} ${await login.text()}`);
    const { token } = (await login.json()) as { token: string };
    const search = (await (await fetch(`${server.url}/api/procedures?q=dang%20ky%20khai%20sinh&limit=5`)).json()) as { items: { id: string; code: string }[] };
    const procedureId = search.items.find((p) => p.code === '1.001193')?.id;
    if (!procedureId) throw new Error('birth registration not found');
    const body = JSON.stringify({
      procedureId,
      communeCode: '05983',
      formData: {
        applicantName: 'Nguyễn Văn An', applicantIdNumber: '020090000001', applicantPhone: '0900000001', applicantAddress: 'Phường Lương Văn Tri',
        childName: 'Nguyễn Văn Bình', childBirthDate: '2026-11-01', childSex: 'Nam', birthPlace: 'Bệnh viện Đa khoa tỉnh', motherName: 'Trần Thị Cúc', applicantRelationship: 'Cha',
      },
      attachments: ['declaration', 'birthCertificate', 'identity'].map((docKey) => ({ docKey, fileName: `${docKey}.pdf`, contentBase64: PDF })),
      submit: true,
    });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const count = async () => ((await (await fetch(`${server.url}/api/dossiers/mine?limit=1`, { headers })).json()) as { total: number }).total;
    const before = await count();
    const rows = [await load('POST /api/dossiers (submit, 3 attachments)', database, { url: `${server.url}/api/dossiers`, method: 'POST', headers, body })];
    const mine = (await (await fetch(`${server.url}/api/dossiers/mine?limit=1`, { headers })).json()) as { items: { id: string }[]; total: number };
    const id = mine.items[0]?.id;
    if (id) rows.push(await load('GET /api/dossiers/:id (owner)', database, { url: `${server.url}/api/dossiers/${id}`, headers }));
    return { rows, codes: mine.total - before };
  } finally {
    await server.stop();
  }
}

const results: Row[] = [];
const notes: string[] = [];
const embedded = await submissionRows('PGlite (embedded)', undefined, 3911);
results.push(...embedded.rows);
notes.push(`PGlite: ${embedded.codes} dossiers submitted during the run, each with a unique code.`);
if (process.env.BENCH_DATABASE_URL) {
  const pg = await submissionRows('PostgreSQL', process.env.BENCH_DATABASE_URL, 3912);
  results.push(...pg.rows);
  notes.push(`PostgreSQL: ${pg.codes} dossiers submitted during the run, each with a unique code.`);
}

const report = `# Dossier submission\n\nMeasured ${new Date().toISOString().slice(0, 10)} on ${machine()}.\n` +
  `autocannon, 10 connections, 10 s each; the platform runs in its own process. Each submission takes the agency's\n` +
  `daily counter row (INSERT … ON CONFLICT DO UPDATE … RETURNING), so submissions to one agency serialise on that row.\n\n${table(results)}\n\n${notes.join('\n')}\n`;
await fs.writeFile(path.join(ROOT, 'bench/results/dossiers.md'), report);
console.log(report);
