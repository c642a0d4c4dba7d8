// Vietnamese is bundled and shown first; English is fetched only when someone picks it.
// The choice is remembered on this device.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from '../locales/vi.json';

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
  const mod = lng === 'en' ? await import('../locales/en.json') : { default: vi };
  i18n.addResourceBundle(lng, 'translation', mod.default, true, true);
}

export async function initI18n(lng: Language = storedLanguage()): Promise<typeof i18n> {
  if (!i18n.isInitialized) {
    await i18n.use(initReactI18next).init({
      lng: 'vi',
      fallbackLng: 'vi',
      resources: { vi: { translation: vi } },
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
