// Retries: a refusal is final, a lost network is retried online but not while offline (the
// page shows its error at once and refetches when the network returns, instead of spinning).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api.ts';
import { createQueryClient, shouldRetry } from './queryClient.ts';

describe('shouldRetry', () => {
  afterEach(() => vi.restoreAllMocks());

  it('never retries a 4xx', () => {
    expect(shouldRetry(0, new ApiError(404, 'not_found', 'Không thấy'))).toBe(false);
  });

  it('retries a lost network or a 5xx twice while online', () => {
    vi.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(true);
    const network = new ApiError(0, 'network', 'Mất mạng');
    expect(shouldRetry(0, network)).toBe(true);
    expect(shouldRetry(1, new ApiError(503, 'busy', 'Bận'))).toBe(true);
    expect(shouldRetry(2, network)).toBe(false);
  });

  it('does not wait for a network that is not there', () => {
    vi.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(false);
    expect(shouldRetry(0, new ApiError(0, 'network', 'Mất mạng'))).toBe(false);
  });

  it('asks even offline, so the service worker can answer from its cache', () => {
    expect(createQueryClient().getDefaultOptions().queries?.networkMode).toBe('always');
  });
});
