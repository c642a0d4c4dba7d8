import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import './ui/styles.css';
import { App } from './app/App.tsx';
import { primeAuth } from './app/auth.ts';
import { primeInstallation } from './app/installation.ts';
import { createQueryClient } from './app/queryClient.ts';
import { registerServiceWorker } from './app/pwa.ts';
import { SHELL_LOCALES } from './features/index.ts';
import { initI18n } from './lib/i18n.ts';
import { applyPrefs, loadPrefs } from './lib/prefs.ts';

applyPrefs(loadPrefs());
// The first reads start now, while the text loads, not after the first render; a copy the
// service worker kept of who is signed in lets that render show them at once.
const client = createQueryClient();
primeInstallation(client);
void Promise.all([initI18n(SHELL_LOCALES), primeAuth(client)]).then(() => {
  const root = createRoot(document.getElementById('root')!);
  // A transition lets React render the first screen in short slices instead of one long task,
  // so a slow phone stays responsive while the app starts (index.html shows a skeleton meanwhile).
  startTransition(() =>
    root.render(
      <StrictMode>
        <App client={client} />
      </StrictMode>,
    ),
  );
  void registerServiceWorker();
});
