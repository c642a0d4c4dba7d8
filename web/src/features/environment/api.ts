// Environment monitoring on the client: stations with their state now, the nearest
// station to me, a station's 24-hour or 30-day series. Shapes from @cds/contracts.
import { useQuery } from '@tanstack/react-query';
import type { NearestReply, Series, Station, StationList } from '@cds/contracts/environment';
import { api } from '../../lib/api.ts';

export type { NearestReply, Series, Station, StationList };

export function useStations() {
  // readings arrive every hour or so; a page left open refreshes now and then
  return useQuery({ queryKey: ['environment', 'stations'], queryFn: ({ signal }) => api<StationList>('/api/environment/stations', { signal }), refetchInterval: 10 * 60_000 });
}

export function useSeries(id: string | null, range: '24h' | '30d') {
  return useQuery({
    queryKey: ['environment', 'series', id, range],
    queryFn: ({ signal }) => api<Series>(`/api/environment/stations/${id}/series?range=${range}`, { signal }),
    enabled: id !== null,
  });
}

export function nearestStation(lat: number, lon: number, kind: Station['kind'] = 'air'): Promise<NearestReply> {
  return api<NearestReply>(`/api/environment/nearest?lat=${lat}&lon=${lon}&kind=${kind}`);
}
