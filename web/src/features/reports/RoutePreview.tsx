// Who will handle the report, shown before it is sent: the server's own routing for this
// category at this place (GET /api/reports/routing), so the citizen knows where it goes.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RoutingReply } from '@cds/contracts/reports';
import { api } from '../../lib/api.ts';

export function RoutePreview({ category, pin, communeCode }: { category: string; pin: { lat: number; lon: number } | null; communeCode: string }) {
  const { t } = useTranslation();
  const where = pin ? `lat=${pin.lat}&lon=${pin.lon}` : communeCode ? `communeCode=${encodeURIComponent(communeCode)}` : null;
  const route = useQuery({
    queryKey: ['reports', 'routing', category, where],
    queryFn: ({ signal }) => api<RoutingReply>(`/api/reports/routing?category=${encodeURIComponent(category)}&${where}`, { signal }),
    enabled: where !== null,
    retry: false,
    staleTime: 5 * 60_000,
  });
  if (!where) return <p className="muted">{t('reports.form.routeUnknown')}</p>;
  if (!route.data) return null;
  return (
    <p className="route-preview" role="status" data-testid="route-preview">
      {t('reports.form.routeTo', { agency: route.data.agency.name, days: route.data.deadlineDays })}
    </p>
  );
}
