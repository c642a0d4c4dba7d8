// The province brand and the list of features, from GET /api/features.
import { useEffect } from 'react';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api } from '../lib/api.ts';
import type { Installation } from '@cds/contracts/system';

export const installationKey = ['installation'] as const;
const STORAGE_KEY = 'cds.installation';

/** The last brand seen on this device, so the app looks right offline and paints at once. */
function remembered(): Installation | undefined {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Installation) : undefined;
  } catch {
    return undefined;
  }
}

async function fetchInstallation(signal: AbortSignal): Promise<Installation> {
  const data = await api<Installation>('/api/features', { signal });
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(data));
  } catch {
    // storage full or blocked: the app still works, it just repaints a little later next time
  }
  return data;
}

const installationQuery = {
  queryKey: installationKey,
  queryFn: ({ signal }: { signal: AbortSignal }) => fetchInstallation(signal),
  staleTime: 5 * 60_000,
};

export function useInstallation() {
  return useQuery({
    ...installationQuery,
    initialData: remembered,
    // treat the remembered copy as old so it is refreshed right away
    initialDataUpdatedAt: 0,
  });
}

/** On a first visit (nothing remembered), asks for the brand before the first render instead of after it. */
export function primeInstallation(client: QueryClient): void {
  if (!remembered()) void client.prefetchQuery(installationQuery);
}

const HEX = /^#[0-9a-f]{3,8}$/i;

/** Puts the pack's colours into the CSS variables; ignores anything that is not a hex colour. */
export function applyBrand(brand: Installation['brand']): void {
  const root = document.documentElement.style;
  const { primary, primaryContrast, accent } = brand.colors;
  if (HEX.test(primary)) root.setProperty('--brand-primary', primary);
  if (HEX.test(primaryContrast)) root.setProperty('--brand-primary-contrast', primaryContrast);
  if (HEX.test(accent)) root.setProperty('--brand-accent', accent);
  const meta = document.querySelector('meta[name="theme-color"]');
  if (meta && HEX.test(primary)) meta.setAttribute('content', primary);
}

export function BrandApplier() {
  const { data } = useInstallation();
  useEffect(() => {
    if (data) applyBrand(data.brand);
  }, [data]);
  return null;
}

/** Sets the tab title as "<page> — <app name>". */
export function usePageTitle(title: string): void {
  const { data } = useInstallation();
  const appName = data?.brand.appName;
  useEffect(() => {
    document.title = appName ? `${title} — ${appName}` : title;
  }, [title, appName]);
}
