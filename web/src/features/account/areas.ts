import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { Commune } from '@cds/contracts/areas';

/** Communes and wards of a province, for pickers. Changes rarely, so kept for the visit. */
export function useCommunes(provinceCode: string | undefined) {
  return useQuery({
    queryKey: ['communes', provinceCode],
    queryFn: ({ signal }) => api<Commune[]>(`/api/areas/communes?province=${encodeURIComponent(provinceCode ?? '')}`, { signal }),
    enabled: !!provinceCode,
    staleTime: Infinity,
  });
}
