import { describe, expect, it, vi } from 'vitest';
import { lazyPage } from './feature.ts';

describe('lazyPage', () => {
  it('fetches the page code once, whether asked ahead by preload or later by rendering', async () => {
    const Page = () => null;
    const load = vi.fn(() => Promise.resolve({ Page }));
    const lazyComponent = lazyPage(load, 'Page');
    expect(load).not.toHaveBeenCalled();
    lazyComponent.preload();
    lazyComponent.preload();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a failed preload is not an unhandled error, and the next try fetches again', async () => {
    const load = vi.fn(() => Promise.reject(new Error('offline')));
    const lazyComponent = lazyPage(load, 'Page');
    lazyComponent.preload();
    await new Promise((r) => setTimeout(r, 0));
    lazyComponent.preload();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
