// The page hears the network come back even when the browser flips navigator.onLine silently.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchOnline } from './online.ts';

describe('watchOnline', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('announces a silent return of the network once, and a real event is not repeated', () => {
    vi.useFakeTimers();
    let onLine = false;
    vi.spyOn(window.navigator, 'onLine', 'get').mockImplementation(() => onLine);
    const heard: string[] = [];
    const listen = (e: Event) => heard.push(e.type);
    window.addEventListener('online', listen);
    window.addEventListener('offline', listen);
    const stop = watchOnline(window, 1000);
    vi.advanceTimersByTime(3000);
    expect(heard).toEqual([]);
    onLine = true; // no event from the browser
    vi.advanceTimersByTime(1000);
    expect(heard).toEqual(['online']);
    vi.advanceTimersByTime(5000);
    expect(heard).toEqual(['online']);
    onLine = false;
    window.dispatchEvent(new Event('offline')); // the browser did say so this time
    vi.advanceTimersByTime(5000);
    expect(heard).toEqual(['online', 'offline']);
    stop();
    window.removeEventListener('online', listen);
    window.removeEventListener('offline', listen);
  });
});
