// Vietnamese is bundled and shown first; English is fetched only when someone picks it.
// The choice is remembered on this device. App-wide text (ui, errors, layout, roles…) lives in
// locales/*.json; each feature brings its own files (its namespace: the files' top-level keys).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from '../locales/vi.json';

/** A locale file: nested keys, strings at the leaves. */
export interface LocaleTree {
  [key: string]: string | LocaleTree;
}

/** Text in both languages: Vietnamese at hand, English fetched when picked. */
export interface LocaleSource {
  vi: LocaleTree;
  en: () => Promise<{ default: LocaleTree }>;
}

const APP_LOCALES: LocaleSource = { vi, en: () => import('../locales/en.json') };
let sources: readonly LocaleSource[] = [APP_LOCALES];

/** One tree from several files whose top-level keys do not overlap (the locales test checks). */
function merged(trees: readonly LocaleTree[]): LocaleTree {
  return Object.assign({}, ...trees) as LocaleTree;
}

export type Language = 'vi' | 'en';
export const LANGUAGES: readonly Language[] = ['vi', 'en'];
const STORAGE_KEY = 'cds.language';

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

async function loadBundle(lng: Language): Promise<void> {
  if (i18n.hasResourceBundle(lng, 'translation')) return;
  const trees = lng === 'en' ? (await Promise.all(sources.map((s) => s.en()))).map((m) => m.default) : sources.map((s) => s.vi);
  i18n.addResourceBundle(lng, 'translation', merged(trees), true, true);
}

/** `features`: the text of every feature of the app (features/index.ts). */
export async function initI18n(features: readonly LocaleSource[], lng: Language = storedLanguage()): Promise<typeof i18n> {
  sources = [APP_LOCALES, ...features];
  if (!i18n.isInitialized) {
    await i18n.use(initReactI18next).init({
      lng: 'vi',
      fallbackLng: 'vi',
      resources: { vi: { translation: merged(sources.map((s) => s.vi)) } },
      partialBundledLanguages: true,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }
  if (lng !== i18n.language) await setLanguage(lng, { remember: false });
  document.documentElement.lang = i18n.language;
  return i18n;
}

export async function setLanguage(lng: Language, opts: { remember: boolean } = { remember: true }): Promise<void> {
  await loadBundle(lng);
  await i18n.changeLanguage(lng);
  document.documentElement.lang = lng;
  if (opts.remember) {
    try {
      localStorage.setItem(STORAGE_KEY, lng);
    } catch {
      // private mode: the choice lasts for this visit only
    }
  }
}
