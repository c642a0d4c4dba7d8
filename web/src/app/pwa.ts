// Service worker registration with an update prompt: a new version waits until the person
// chooses "Tải lại", so a form being filled is never lost to a surprise reload.
import { useSyncExternalStore } from 'react';

type Updater = (reload?: boolean) => Promise<void>;

let needRefresh = false;
let updater: Updater | null = null;
const listeners = new Set<() => void>();

export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const { registerSW } = await import('virtual:pwa-register');
  updater = registerSW({
    immediate: true,
    onNeedRefresh() {
      needRefresh = true;
      listeners.forEach((l) => l());
    },
  });
}

export function useUpdateAvailable(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => needRefresh,
    () => false,
  );
}

export function applyUpdate(): void {
  if (updater) void updater(true);
  else window.location.reload();
}
