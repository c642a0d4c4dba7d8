// assistant (trợ lý ảo): a chat that answers questions typed any way, with links into the
// app; a floating button on every citizen page opens it (AssistantButton, in the citizen
// layout). Its editors see what it could not answer and teach it in the console.
import { lazyPage, openRoute, signedInRoute, type Feature } from '../../app/feature.ts';
import shell from './locales/shell.vi.json';
import './assistant.css';

/** The server's assistant ability table (server/src/modules/assistant/policy.ts). */
const CURATE = 'assistant.curate';

export const assistantFeature: Feature = {
  key: 'assistant',
  locales: {
    vi: () => import('./locales/vi.json'),
    en: () => import('./locales/en.json'),
    shell: { vi: shell, en: () => import('./locales/shell.en.json') },
  },
  tile: { icon: 'search', labelKey: 'assistant.tile.label', descriptionKey: 'assistant.tile.description', route: '/assistant' },
  citizen: [openRoute('assistant', lazyPage(() => import('./AssistantPage.tsx'), 'AssistantPage'))],
  staff: [signedInRoute('assistant', lazyPage(() => import('./StaffAssistantPage.tsx'), 'StaffAssistantPage'), CURATE)],
  nav: [{ to: '/staff/assistant', labelKey: 'assistant.nav', icon: 'inbox', ability: CURATE }],
};
