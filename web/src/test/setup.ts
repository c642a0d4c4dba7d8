import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { FEATURES, SHELL_LOCALES } from '../features/index.ts';
import { initI18n, loadText } from '../lib/i18n.ts';
import { contractDrift } from './helpers.tsx';

await initI18n(SHELL_LOCALES, 'vi');
// pages render here without the router's wait for their text: all of it is in from the start
await loadText(FEATURES.map((f) => f.locales));

// findBy*/waitFor give up after 1 s by default; on a shared 2-core machine under load a lazy
// page or a mocked fetch can take longer, and such a test would fail for the machine, not the code
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  // a fake reply the real server could not give would test the page against impossible data
  const drift = contractDrift.splice(0);
  if (drift.length) throw new Error(`The fake server's replies do not match the server's API:\n${[...new Set(drift)].join('\n')}`);
});
