import { useEffect, useState, type ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { ToastProvider } from '../ui/index.ts';
import { getOutbox } from '../lib/outbox.ts';
import { BrandApplier } from './installation.ts';
import { watchOnline } from './online.ts';
import { PrefsProvider } from './prefs.tsx';
import { createQueryClient } from './queryClient.ts';
import { AppRoutes } from './router.tsx';

/** Everything a page needs around it; tests wrap components in this too (with their own router). */
export function Providers({ client, children }: { client: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={client}>
      <PrefsProvider>
        <ToastProvider>
          <BrandApplier />
          {children}
        </ToastProvider>
      </PrefsProvider>
    </QueryClientProvider>
  );
}

/** `client`: main.tsx makes it before the first render so the first reads start at once. */
export function App({ client: given }: { client?: QueryClient }) {
  const [client] = useState(() => given ?? createQueryClient());
  useEffect(() => getOutbox().start(), []);
  useEffect(() => watchOnline(), []);
  return (
    <Providers client={client}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </Providers>
  );
}
