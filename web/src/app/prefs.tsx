import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { loadPrefs, savePrefs, type DisplayPrefs } from '../lib/prefs.ts';

interface PrefsApi extends DisplayPrefs {
  set(change: Partial<DisplayPrefs>): void;
}

const PrefsContext = createContext<PrefsApi>({ largeText: false, highContrast: false, set: () => undefined });

export function PrefsProvider({ children }: { children: ReactNode }) {
  const [prefs, setPrefs] = useState<DisplayPrefs>(loadPrefs);
  const set = useCallback((change: Partial<DisplayPrefs>) => {
    setPrefs((current) => {
      const next = { ...current, ...change };
      savePrefs(next);
      return next;
    });
  }, []);
  const api = useMemo(() => ({ ...prefs, set }), [prefs, set]);
  return <PrefsContext.Provider value={api}>{children}</PrefsContext.Provider>;
}

export function usePrefs(): PrefsApi {
  return useContext(PrefsContext);
}
