// The package root is what the web app runs; it must not pull TypeBox into the bundle.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Module specifiers a file loads at runtime (type-only imports and exports are erased). */
export function runtimeImports(source: string): string[] {
  const found: string[] = [];
  const statement = /^\s*(import|export)\s+(?!type\b)([^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (const m of source.matchAll(statement)) {
    if (m[1] === 'export' && !m[2]) continue;
    found.push(m[3]!);
  }
  return found;
}

function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const spec of runtimeImports(fs.readFileSync(file, 'utf8'))) {
    seen.add(spec);
    if (spec.startsWith('.')) closure(path.resolve(path.dirname(file), spec), seen);
  }
  return seen;
}

describe('@cds/contracts root entry', () => {
  it('reaches no package at runtime, TypeBox least of all', () => {
    const reached = [...closure(path.join(here, 'index.ts'))];
    assert.deepEqual(reached.filter((r) => !r.startsWith('.') && !r.startsWith('/')), []);
    assert.ok(reached.some((r) => r.endsWith('phone.ts')), 'the walk follows re-exports');
  });

  it('tells type-only imports from runtime ones', () => {
    const source = [
      "import type { Static } from 'typebox';",
      "import { Type } from 'typebox';",
      "export * from './roles.ts';",
      "export type { Me } from './identity.ts';",
      "import { type A, b } from './x.ts';",
    ].join('\n');
    assert.deepEqual(runtimeImports(source), ['typebox', './roles.ts', './x.ts']);
  });
});
