// Lighthouse (lighthouse@12.2.3 from npm, run with npx) in Debian's Chromium, mobile (the
// default: emulated phone, simulated slow 4G and a 4× slower CPU), performance only, on the
// built web app the platform serves: the home page (a first visit, and signed in), the
// report form (signed in) and a procedure page. Each page runs 3 times (1 when quick); the
// run with the median score is reported.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { citizenToken } from '../volume.ts';
import type { EngineRun, SuiteResult, Target } from './common.ts';

const LIGHTHOUSE = 'lighthouse@12.2.3';
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

interface Audit { numericValue?: number; details?: { overallSavingsBytes?: number } }
interface Report { categories: { performance: { score: number } }; audits: Record<string, Audit> }

async function lighthouse(url: string, cookie: string | null, out: string): Promise<Report> {
  const args = ['--yes', LIGHTHOUSE, url, '--quiet', '--only-categories=performance', '--output=json', `--output-path=${out}`,
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking',
    ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : [])];
  const child = spawn('npx', args, { env: { ...process.env, CHROME_PATH: CHROME }, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const code = await new Promise((r) => child.once('exit', r));
  if (code !== 0) throw new Error(`lighthouse failed on ${url} (${String(code)}): ${err.slice(-1000)}`);
  return JSON.parse(await fs.readFile(out, 'utf8')) as Report;
}

const kib = (b: number | undefined) => (b === undefined ? '—' : `${Math.round(b / 1024)}`);
const sec = (v: number | undefined) => (v === undefined ? '—' : (v / 1000).toFixed(1));

export async function lighthouseSuite(run: EngineRun): Promise<SuiteResult> {
  const { server, opts } = run;
  const search = (await (await fetch(`${server.url}/api/procedures?q=${encodeURIComponent('đăng ký khai sinh')}&limit=1`)).json()) as { items: { id: string }[] };
  const procedureId = search.items[0]?.id;
  if (!procedureId) throw new Error('no procedure found for the procedure page');
  const signedIn = `cds_session=${citizenToken(1)}`;
  const pages = [
    { name: 'home page, first visit', path: '/', cookie: null, target: 95 },
    { name: 'home page, signed in', path: '/', cookie: signedIn, target: 95 },
    { name: 'report form (signed in)', path: '/reports/new', cookie: signedIn, target: 90 },
    { name: 'procedure page', path: `/procedures/${procedureId}`, cookie: null, target: 90 },
  ];
  const runs = opts.quick ? 1 : 3;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cds-lighthouse-'));
  const lines: string[] = [];
  const targets: Target[] = [];
  try {
    for (const page of pages) {
      const reports: Report[] = [];
      for (let i = 0; i < runs; i++) reports.push(await lighthouse(`${server.url}${page.path}`, page.cookie, path.join(dir, `${i}.json`)));
      reports.sort((a, b) => a.categories.performance.score - b.categories.performance.score);
      const r = reports[Math.floor(reports.length / 2)]!;
      const a = r.audits;
      const score = Math.round(r.categories.performance.score * 100);
      const scores = reports.map((x) => Math.round(x.categories.performance.score * 100)).join(', ');
      lines.push(`| ${page.name} (\`${page.path}\`) | **${score}** (${scores}) | ${sec(a['first-contentful-paint']?.numericValue)} | ${sec(a['largest-contentful-paint']?.numericValue)} | ` +
        `${Math.round(a['total-blocking-time']?.numericValue ?? 0)} | ${(a['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3)} | ${sec(a['speed-index']?.numericValue)} | ` +
        `${kib(a['total-byte-weight']?.numericValue)} | ${kib(a['uses-text-compression']?.details?.overallSavingsBytes)} | ${kib(a['unused-javascript']?.details?.overallSavingsBytes)} | ${kib(a['unused-css-rules']?.details?.overallSavingsBytes)} |`);
      targets.push({ what: `Lighthouse mobile performance, ${page.name}`, database: '—', target: `≥ ${page.target}`, measured: String(score), met: score >= page.target });
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  const markdown = [
    `Served by the platform on ${run.volume.label}; ${runs} run(s) per page, median shown (all scores in brackets).`,
    '',
    '| page | performance | FCP (s) | LCP (s) | TBT (ms) | CLS | Speed Index (s) | bytes (KiB) | uncompressed text to save (KiB) | unused JS (KiB) | unused CSS (KiB) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...lines,
    '',
  ].join('\n');
  return { markdown, targets };
}
