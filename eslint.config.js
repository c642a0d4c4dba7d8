import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const SRC = path.join(ROOT, 'server', 'src');
const MODULES = path.join(SRC, 'modules');
const TEST = path.join(ROOT, 'server', 'test');

const inside = (file, dir) => file.startsWith(dir + path.sep);
/** The module folder a file belongs to (server/src/modules/<name>/…), or null. */
const moduleOf = (file) => (inside(file, MODULES) ? path.relative(MODULES, file).split(path.sep)[0] : null);

/**
 * The server's shape, checked on every import (see docs/ARCHITECTURE.md):
 * - a module reaches another module only through that module's index.ts;
 * - platform/ and db/ never import modules (modules build on them, not the reverse; their
 *   tests may, to check every module);
 * - nothing under server/src imports app.ts except the entry points, main.ts and cli/ (tests use
 *   server/test/helpers.ts);
 * - test harnesses live in server/test/: code under server/src (tests aside) never imports
 *   from there, and no harness file (testing.ts) sits under server/src.
 */
const boundaries = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const file = context.filename;
    if (!inside(file, SRC)) return {};
    const isTest = file.endsWith('.test.ts');
    const own = moduleOf(file);
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), source);
      const other = moduleOf(target);
      if (other && other !== own && target !== path.join(MODULES, other, 'index.ts') && target !== path.join(MODULES, 'index.ts')) {
        context.report({ node, message: `Import module "${other}" through its index.ts, not ${path.relative(MODULES, target)}.` });
      }
      if (other && !isTest && (inside(file, path.join(SRC, 'platform')) || inside(file, path.join(SRC, 'db')))) {
        context.report({ node, message: 'platform/ and db/ must not import modules; pass what they need in.' });
      }
      if (target === path.join(SRC, 'app.ts') && file !== path.join(SRC, 'main.ts') && !inside(file, path.join(SRC, 'cli'))) {
        context.report({ node, message: 'Only main.ts and cli/ import app.ts; tests build the app with server/test/helpers.ts.' });
      }
      if (!isTest && inside(target, TEST)) {
        context.report({ node, message: 'Code under server/src must not import test harnesses (server/test/).' });
      }
    };
    return {
      Program(node) {
        if (/^testing\.ts$|\.harness\.ts$/.test(path.basename(file))) {
          context.report({ node, message: 'Test harnesses live in server/test/, not beside the code.' });
        }
      },
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'web/dev-dist/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  { files: ['**/cli/**', '**/main.ts', 'bench/**', 'e2e/**', '**/test/run.ts'], rules: { 'no-console': 'off' } },
  {
    // the web app takes API shapes from @cds/contracts as types only, so TypeBox stays out of
    // its bundle; enums and rules it runs come from the package root, which has no TypeBox
    files: ['web/src/**/*.{ts,tsx}'],
    ignores: ['web/src/test/**', 'web/src/**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: 'typebox', allowTypeImports: true, message: 'TypeBox does not belong in the web bundle.' }],
        patterns: [
          { group: ['@cds/contracts/*'], allowTypeImports: true, message: 'Import contract schemas with `import type`; runtime values come from @cds/contracts.' },
          { group: ['typebox/*'], message: 'TypeBox does not belong in the web bundle.' },
        ],
      }],
    },
  },
  { files: ['server/src/**/*.ts'], plugins: { cds: { rules: { boundaries } } }, rules: { 'cds/boundaries': 'error' } },
);
