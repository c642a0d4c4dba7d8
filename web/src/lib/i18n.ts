// Vietnamese is shown first; English is fetched only when someone picks it, and the choice is
// remembered on this device. Text comes in two kinds:
// - at hand from the start (the app bundle): the app-wide text (ui, errors, layout, home, roles…
//   in locales/*.json) and each feature's shell text (features/<name>/locales/shell.*.json: its
//   home tile, console navigation, and what its parts in the layout say);
// - fetched the first time a page needs it: the rest of a feature's text (its locales/vi.json
//   and en.json), in the language shown. The router holds a page until its text is in
//   (withText in app/feature.ts), so it never shows a raw key. A language switch fetches the new
//   language of everything fetched so far before it changes a word on screen.
// All of it is one i18next namespace: a feature's files share its top-level keys, merged deep.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from '../locales/vi.json';

/** A locale file: nested keys, strings at the leaves. */
export interface LocaleTree {
  [key: string]: string | LocaleTree;
}

/** A locale file fetched when needed (a chunk of its own). */
export type LocaleLoader = () => Promise<{ default: LocaleTree }>;

/** Text in both languages: Vietnamese at hand, English fetched when picked. */
export interface LocaleSource {
  vi: LocaleTree;
  en: LocaleLoader;
}

/** Text fetched in the language shown, the first time a page needs it. */
export interface LazyLocaleSource {
  vi: LocaleLoader;
  en: LocaleLoader;
}

type AnySource = LocaleSource | LazyLocaleSource;

export type Language = 'vi' | 'en';
export const LANGUAGES: readonly Language[] = ['vi', 'en'];
const STORAGE_KEY = 'cds.language';

const APP_LOCALES: LocaleSource = { vi, en: () => import('../locales/en.json') };
/** Loaded in every language the app switches to. */
let atHand: readonly LocaleSource[] = [APP_LOCALES];
/** Lazy text some page has asked for: a language switch fetches it too. */
const asked = new Set<LazyLocaleSource>();

interface Load {
  promise: Promise<void>;
  done: boolean;
}
/** One load per file and language, so every page waiting for it waits on the same promise. */
const loads: Record<Language, Map<AnySource, Load>> = { vi: new Map(), en: new Map() };

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'vi';
}

function load(source: AnySource, lng: Language): Load {
  const known = loads[lng].get(source);
  if (known) return known;
  const text = source[lng];
  const entry: Load = { done: false, promise: Promise.resolve() };
  entry.promise = (typeof text === 'function' ? text().then((m) => m.default) : Promise.resolve(text)).then(
    (tree) => {
      // deep: a feature's shell file and page file share its top-level key
      i18n.addResourceBundle(lng, 'translation', tree, true, true);
      entry.done = true;
    },
    (err: unknown) => {
      // offline and not cached: the next page that asks tries again
      loads[lng].delete(source);
      throw err;
    },
  );
  loads[lng].set(source, entry);
  return entry;
}

/** `shell`: each feature's shell text (features/index.ts); the app's own text is added here. */
export async function initI18n(shell: readonly LocaleSource[], lng: Language = storedLanguage()): Promise<typeof i18n> {
  atHand = [APP_LOCALES, ...shell];
  if (!i18n.isInitialized) {
    await i18n.use(initReactI18next).init({
      lng: 'vi',
      fallbackLng: 'vi',
      resources: {},
      partialBundledLanguages: true,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }
  await Promise.all(atHand.map((s) => load(s, 'vi').promise));
  if (lng !== i18n.language) await setLanguage(lng, { remember: false });
  document.documentElement.lang = i18n.language;
  return i18n;
}

/**
 * Starts fetching `sources` in the language shown; returns a promise of the first one not yet
 * in (the same promise each time it is asked), or nothing when all are in.
 */
export function textPending(sources: readonly LazyLocaleSource[]): Promise<void> | undefined {
  const lng = currentLanguage();
  for (const source of sources) asked.add(source);
  return sources.map((source) => load(source, lng)).find((l) => !l.done)?.promise;
}

/** Fetches `sources` in the language shown (tests, and whoever wants text before a render). */
export async function loadText(sources: readonly LazyLocaleSource[]): Promise<void> {
  for (let pending = textPending(sources); pending; pending = textPending(sources)) await pending;
}

export async function setLanguage(lng: Language, opts: { remember: boolean } = { remember: true }): Promise<void> {
  // again if a page asked for more text meanwhile, so none is missing once the language changes
  let all: AnySource[];
  do {
    all = [...atHand, ...asked];
    await Promise.all(all.map((s) => load(s, lng).promise));
  } while (all.length < atHand.length + asked.size);
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
