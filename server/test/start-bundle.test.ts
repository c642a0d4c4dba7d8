// What `npm start` runs: the bundle (server/scripts/build.mjs, with the pure-JavaScript
// packages bundled in and the others loaded from node_modules, some on first use), restarted
// on an existing embedded database. Every other test runs the TypeScript sources through tsx,
// so this one is the only check that the bundle itself starts and serves.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createPgliteTemplate, TEST_ENCRYPTION_KEY } from './template.ts';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

// the embedded database is what npm start opens; a PostgreSQL run has nothing to add here
describe('the bundled server (npm start)', { skip: process.env.TEST_DATABASE_URL ? 'npm start runs the embedded database' : false }, () => {
  let child: ChildProcess | undefined;
  let dataDir = '';
  let url = '';
  let output = '';

  before(async () => {
    const build = spawnSync(process.execPath, [path.join(serverDir, 'scripts/build.mjs')], { cwd: serverDir, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cds-bundle-'));
    // a copy of the run's migrated, seeded database: a restart, as after the first start
    let template = process.env.TEST_TEMPLATE_DIR;
    if (!template) {
      template = path.join(dataDir, 'template');
      await createPgliteTemplate(template);
    }
    await fs.cp(template, path.join(dataDir, 'pglite'), { recursive: true });
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['--enable-source-maps', path.join(serverDir, 'dist/main.mjs')], {
      cwd: serverDir,
      env: {
        ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, DEMO_MODE: 'true',
        DATA_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, LOG_LEVEL: 'warn', AREAS_PACK_MAP: 'false', REPORTS_DEMO_COUNT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const started = Date.now();
    for (;;) {
      assert.equal(child.exitCode, null, `the bundle exited:\n${output}`);
      const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
      assert.ok(Date.now() - started < 300_000, `not healthy after 300 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  after(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGKILL');
      await new Promise((r) => child!.once('exit', r));
    }
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('serves the brand, validates input naming the field, signs in and answers from PostGIS', async () => {
    const features = await fetch(`${url}/api/features`);
    assert.equal(features.status, 200);
    assert.equal(typeof ((await features.json()) as { brand: { appName: string } }).brand.appName, 'string');

    const bad = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: 1 }) });
    assert.equal(bad.status, 400);
    const fields = ((await bad.json()) as { error: { details: { field: string }[] } }).error.details.map((d) => d.field);
    assert.ok(fields.includes('phone') && fields.includes('password'), JSON.stringify(fields));

    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: '0900000001', password: 'Demo@2026' }) });
    assert.equal(login.status, 200, await login.clone().text());
    const { token } = (await login.json()) as { token: string };
    const me = await fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.status, 200);

    // Phường Lương Văn Tri, Lạng Sơn: a point-in-polygon query in PostGIS
    const place = await fetch(`${url}/api/areas/place?lat=21.8537&lon=106.7613`);
    assert.equal(place.status, 200, await place.clone().text());
    assert.equal(((await place.json()) as { province: { code: string } }).province.code, '20');

    const openapi = await fetch(`${url}/api/docs/json`);
    assert.equal(openapi.status, 200);
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child!.kill('SIGTERM');
    assert.equal(await exited, 0, output);
  });
});
