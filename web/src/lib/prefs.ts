// Reading comfort: large text and high contrast, remembered on this device and applied as
// attributes on <html> so plain CSS can react (rem-based sizes scale with the root).
export interface DisplayPrefs {
  largeText: boolean;
  highContrast: boolean;
}

const KEY = 'cds.display';

export function loadPrefs(): DisplayPrefs {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<DisplayPrefs>;
    return { largeText: raw.largeText === true, highContrast: raw.highContrast === true };
  } catch {
    return { largeText: false, highContrast: false };
  }
}

export function applyPrefs(prefs: DisplayPrefs): void {
  const root = document.documentElement;
  root.toggleAttribute('data-large-text', prefs.largeText);
  root.toggleAttribute('data-high-contrast', prefs.highContrast);
}

export function savePrefs(prefs: DisplayPrefs): void {
  applyPrefs(prefs);
  try {
    localStorage.setItem(KEY, JSON.stringify(prefs));
  } catch {
    // private mode: the choice lasts for this visit only
  }
}
