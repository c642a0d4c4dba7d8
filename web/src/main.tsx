import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './ui/styles.css';
import { App } from './app/App.tsx';
import { registerServiceWorker } from './app/pwa.ts';
import { FEATURE_LOCALES } from './features/index.ts';
import { initI18n } from './lib/i18n.ts';
import { applyPrefs, loadPrefs } from './lib/prefs.ts';

applyPrefs(loadPrefs());
void initI18n(FEATURE_LOCALES).then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  void registerServiceWorker();
});
