import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
);
