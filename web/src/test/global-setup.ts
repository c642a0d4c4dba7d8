// Before the component tests: the server's OpenAPI document, so every reply the tests' fake
// server gives is checked against what the real server declares (src/test/contract.ts).
// Building it takes seconds (every module is loaded), so it is cached until a file of the
// server or the contracts changes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const cache = path.join(root, 'web/node_modules/.cache/cds-openapi.json');
const sources = [path.join(root, 'server/src'), path.join(root, 'packages/contracts/src')];

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function openApiDocument(): string {
  const cachedAt = fs.existsSync(cache) ? fs.statSync(cache).mtimeMs : 0;
  if (cachedAt > Math.max(...sources.map(newestChange))) return fs.readFileSync(cache, 'utf8');
  fs.mkdirSync(path.dirname(cache), { recursive: true });
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli/openapi.ts', cache], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1' } });
  if (run.status !== 0) throw new Error(`could not build the server's OpenAPI document for the contract checks:\n${run.stderr}`);
  return fs.readFileSync(cache, 'utf8');
}

export default function setup(project: TestProject): void {
  project.provide('openapi', openApiDocument());
}

declare module 'vitest' {
  export interface ProvidedContext {
    openapi: string;
  }
}
