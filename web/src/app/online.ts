import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, () => navigator.onLine, () => true);
}

/**
 * Not every browser says when the network returns: Chromium under network emulation and some
 * Android web views flip `navigator.onLine` without an `online` event, and the page kept saying
 * "no network" and never sent its outbox. While offline, look every few seconds; on a silent
 * return, announce it, so the banner, the outbox and react-query's refetch all hear one event.
 */
export function watchOnline(target: Window = window, everyMs = 2_000): () => void {
  let last = target.navigator.onLine;
  const remember = () => {
    last = target.navigator.onLine;
  };
  target.addEventListener('online', remember);
  target.addEventListener('offline', remember);
  const timer = target.setInterval(() => {
    const now = target.navigator.onLine;
    if (now === last) return;
    last = now;
    target.dispatchEvent(new Event(now ? 'online' : 'offline'));
  }, everyMs);
  return () => {
    target.clearInterval(timer);
    target.removeEventListener('online', remember);
    target.removeEventListener('offline', remember);
  };
}
