// Server-side messages in Vietnamese (default) and English. Each module brings its own
// catalogue; the platform merges them. Vietnamese is the source of truth for keys.
export type Locale = 'vi' | 'en';
export type Catalogue = Record<string, string>;
export interface Messages {
  vi: Catalogue;
  en: Catalogue;
}

const catalogues: Messages = { vi: {}, en: {} };

export function registerMessages(messages: Messages): void {
  for (const key of Object.keys(messages.vi)) {
    if (!(key in messages.en)) throw new Error(`message "${key}" has no English text`);
  }
  Object.assign(catalogues.vi, messages.vi);
  Object.assign(catalogues.en, messages.en);
}

export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const template = catalogues[locale][key] ?? catalogues.vi[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Picks the reply language from Accept-Language: English only when asked for first. */
export function localeFrom(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'vi';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}
