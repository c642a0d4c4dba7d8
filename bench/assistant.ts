// The virtual assistant's quality and speed: the test set of server/src/modules/assistant/
// test-set.ts (questions typed without diacritics, with typos, abbreviations and everyday
// words, each with the procedure or intent that must answer it, and out-of-scope questions
// it must not answer) sent through the HTTP layer (app.inject: validation, rate limit,
// conversation in the database, matching, the catalogue read, the turn logged), one at a
// time, each in a new conversation; and the in-process understanding alone.
// Usage: npx tsx bench/assistant.ts   (writes bench/results/assistant.md)
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../server/src/app.ts';
import { openPglite } from '../server/src/db/connection.ts';
import { collectMigrations, migrateUp } from '../server/src/db/migrate.ts';
import { MODULES } from '../server/src/modules/index.ts';
import { areasModule } from '../server/src/modules/areas/index.ts';
import { identityModule } from '../server/src/modules/identity/index.ts';
import { notificationsModule } from '../server/src/modules/notifications/index.ts';
import { reportsModule } from '../server/src/modules/reports/index.ts';
import { proceduresModule } from '../server/src/modules/procedures/index.ts';
import { dossiersModule } from '../server/src/modules/dossiers/index.ts';
import { alertsModule } from '../server/src/modules/alerts/index.ts';
import { newsModule } from '../server/src/modules/news/index.ts';
import { paymentsModule } from '../server/src/modules/payments/index.ts';
import { assistantModule } from '../server/src/modules/assistant/index.ts';
import { IN_SCOPE, OUT_OF_SCOPE } from '../server/src/modules/assistant/test-set.ts';
import { buildMatcher, understand } from '../server/src/modules/assistant/understand.ts';
import { testConfig } from '../server/test/template.ts';
import type { MessageReply } from '@cds/contracts/assistant';
import { ROOT, machine } from './lib.ts';

const ROUNDS = 3;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const round = (n: number) => Math.round(n * 100) / 100;
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cds-bench-assistant-'));
const db = await openPglite(path.join(dir, 'pglite'));
await migrateUp(db, await collectMigrations(MODULES));
const built = await buildApp({
  config: testConfig({ DATA_DIR: path.join(dir, 'files') }), db, logger: false,
  modules: [areasModule, identityModule, notificationsModule, reportsModule, proceduresModule, dossiersModule, alertsModule, newsModule, paymentsModule, assistantModule],
});
await built.start({ seed: true, work: false });

let ip = 0;
// every request its own address: the per-address limit is for people, not for this loop
const ask = async (text: string): Promise<{ reply: MessageReply; ms: number }> => {
  ip++;
  const started = process.hrtime.bigint();
  const res = await built.app.inject({ method: 'POST', url: '/api/assistant/messages', payload: { text }, remoteAddress: `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}` });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (res.statusCode !== 200) throw new Error(`${text}: ${res.statusCode} ${res.body}`);
  return { reply: res.json() as MessageReply, ms };
};

try {
  const procedures = await built.platform.use(proceduresModule).allProcedures();
  const idOf = new Map(procedures.map((p) => [p.code, p.id]));

  for (const [q] of IN_SCOPE.slice(0, 30)) await ask(q); // warm-up
  let right = 0;
  let clarified = 0;
  let unknown = 0;
  const wrong: string[] = [];
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [q, expected] of IN_SCOPE) {
      const { reply, ms } = await ask(q);
      times.push(ms);
      if (round > 0) continue;
      const r = reply.reply;
      const ok = expected.startsWith('#')
        ? r.intent === expected.slice(1) && (r.links.length > 0 || ['thanks'].includes(r.intent))
        : r.intent === 'procedure' && r.links.some((l) => l.href === `/procedures/${idOf.get(expected)}`);
      if (ok) right++;
      else {
        if (r.intent === 'clarify') clarified++;
        else if (r.intent === 'unknown') unknown++;
        wrong.push(`| ${q} | ${expected} | ${r.intent}${r.intent === 'clarify' ? `: ${r.suggestions.join(' / ')}` : r.sources[0] ? `: ${r.sources[0].title}` : ''} |`);
      }
    }
  }
  let declined = 0;
  const answeredOos: string[] = [];
  for (const q of OUT_OF_SCOPE) {
    const { reply, ms } = await ask(q);
    times.push(ms);
    if (reply.reply.intent === 'unknown' && reply.reply.links.some((l) => l.href === '/reports/new')) declined++;
    else answeredOos.push(`| ${q} | ${reply.reply.intent}${reply.reply.sources[0] ? `: ${reply.reply.sources[0].title}` : ''} |`);
  }
  times.sort((a, b) => a - b);

  // the understanding alone, in process (matcher over the catalogue and the intents)
  const matcher = buildMatcher(procedures, []);
  const inProcess: number[] = [];
  // the first round warms the JIT and the typo cache, as a running server is warm
  for (const [q] of IN_SCOPE) understand(matcher, q);
  for (let round = 0; round < 5; round++) {
    for (const [q] of [...IN_SCOPE, ...OUT_OF_SCOPE.map((o) => [o, ''] as const)]) {
      const started = process.hrtime.bigint();
      understand(matcher, q);
      inProcess.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  inProcess.sort((a, b) => a - b);

  const report = `# Virtual assistant: quality and latency\n\nMeasured ${new Date().toISOString().slice(0, 10)} on ${machine()}, PGlite (embedded), the Lạng Sơn pack's ${procedures.length} procedures.\n\n` +
    `Test set: \`server/src/modules/assistant/test-set.ts\`, ${IN_SCOPE.length} in-scope questions (procedures of every sector, dossier and report status,\n` +
    `hotline, offices, alerts, news, how to use the app; typed without diacritics, with typos, abbreviations, everyday words) each with\n` +
    `the procedure or intent that must answer it, and ${OUT_OF_SCOPE.length} out-of-scope questions. Each question goes through\n` +
    `\`POST /api/assistant/messages\` (\`app.inject\`) in a new conversation.\n\n` +
    `| measure | result | target |\n| --- | ---: | ---: |\n` +
    `| top-1 correct (the answer names the expected procedure with its link, or the expected intent with its links) | ${right}/${IN_SCOPE.length} (${pct(right, IN_SCOPE.length)}) | ≥ 90% |\n` +
    `| … of the misses: a clarifying question offering two procedures | ${clarified} | |\n` +
    `| … of the misses: "I don't know" | ${unknown} | |\n` +
    `| out-of-scope answered "I don't know" (with the hotline and a link to file a report) | ${declined}/${OUT_OF_SCOPE.length} (${pct(declined, OUT_OF_SCOPE.length)}) | ≥ 90% |\n` +
    `| latency per turn through HTTP, p50 / p95 / p99 (${times.length} turns, ms) | ${round(percentile(times, 50))} / ${round(percentile(times, 95))} / ${round(percentile(times, 99))} | |\n` +
    `| understanding in process, p50 / p99 (${inProcess.length} questions, ms) | ${round(percentile(inProcess, 50))} / ${round(percentile(inProcess, 99))} | p99 ≤ 20 |\n\n` +
    `## Misses\n\n| question | expected | answered |\n| --- | --- | --- |\n${wrong.join('\n') || '| – | – | – |'}\n\n` +
    `## Out-of-scope questions answered\n\n| question | answered |\n| --- | --- |\n${answeredOos.join('\n') || '| – | – |'}\n\n` +
    `Run: \`npx tsx bench/assistant.ts\` (or \`npm run bench -- assistant\`). A turn through HTTP includes the conversation's\n` +
    `read and write and the logged question on PGlite; the machine is shared with other work, so treat single numbers as indicative.\n`;
  await fs.writeFile(path.join(ROOT, 'bench/results/assistant.md'), report);
  console.log(report);
} finally {
  await built.close();
  await db.close();
  await fs.rm(dir, { recursive: true, force: true });
}
