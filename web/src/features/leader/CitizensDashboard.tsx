import { lazy, Suspense, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Card, EmptyState, ErrorState, Loading, Select } from '../../ui/index.ts';
import { api } from '../../lib/api.ts';
import { formatDate, formatNumber } from '../../lib/format.ts';
import type { CitizensReply as CitizenDashboard } from '@cds/contracts/dashboard';
import type { Me } from '@cds/contracts/identity';
import { useInstallation, usePageTitle } from '../../app/installation.ts';
import { useCommunes } from '../account/areas.ts';
import { areasInScope } from './scope.ts';
import type { ChartOption } from './EChart.tsx';
import { WorkSection } from './WorkSection.tsx';

const EChart = lazy(() => import('./EChart.tsx'));
const CHART_ROWS = 15;

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

export function CitizensDashboard({ me }: { me: Me }) {
  const { t } = useTranslation();
  usePageTitle(t('leader.title'));
  const installation = useInstallation();
  const province = installation.data?.province;
  const communes = useCommunes(province?.code);
  const areas = useMemo(() => (province && communes.data ? areasInScope(me, province, communes.data) : []), [me, province, communes.data]);
  const [chosen, setChosen] = useState('');
  const area = chosen || areas[0]?.code || '';

  const dashboard = useQuery({
    queryKey: ['dashboard', 'citizens', area],
    queryFn: ({ signal }) => api<CitizenDashboard>(`/api/dashboard/citizens?area=${encodeURIComponent(area)}`, { signal }),
    enabled: !!area,
  });

  if (installation.isPending || communes.isPending) return <Loading />;
  if (communes.isError) return <ErrorState error={communes.error} onRetry={() => void communes.refetch()} />;

  return (
    <div className="stack">
      <h1>{t('leader.title')}</h1>
      {areas.length === 0 ? (
        <EmptyState title={t('leader.noScope')} icon="map" />
      ) : (
        <Select className="input--narrow" label={t('leader.area')} value={area} onChange={(e) => setChosen(e.target.value)} options={areas.map((a) => ({ value: a.code, label: a.name }))} />
      )}
      {area && <WorkSection area={area} />}
      {dashboard.isPending && area && <Loading />}
      {dashboard.isError && <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />}
      {dashboard.data && <DashboardBody data={dashboard.data} />}
    </div>
  );
}

function DashboardBody({ data }: { data: CitizenDashboard }) {
  const { t } = useTranslation();
  const total = data.total ?? data.byCommune.reduce((sum, c) => sum + c.count, 0);
  const byCount = useMemo(() => [...data.byCommune].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'vi')), [data.byCommune]);
  const newInPeriod = data.signupsPerDay.reduce((sum, d) => sum + d.count, 0);
  const primary = cssVar('--brand-primary', '#0b5c3b');
  const accent = cssVar('--brand-accent', '#c8102e');

  // the chart shows the busiest communes; the table beside it lists every one
  const charted = useMemo(() => byCount.slice(0, CHART_ROWS), [byCount]);
  const barOption = useMemo<ChartOption>(() => {
    const rows = [...charted].reverse();
    return {
      textStyle: { fontFamily: 'Be Vietnam Pro, sans-serif' },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((c) => c.name), axisLabel: { width: 140, overflow: 'truncate' } },
      series: [{ type: 'bar', name: t('leader.citizens'), data: rows.map((c) => c.count), itemStyle: { color: primary } }],
    };
  }, [charted, primary, t]);

  const lineOption = useMemo<ChartOption>(
    () => ({
      textStyle: { fontFamily: 'Be Vietnam Pro, sans-serif' },
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: data.signupsPerDay.map((d) => formatDate(d.date)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'line', name: t('leader.newSignups'), data: data.signupsPerDay.map((d) => d.count), itemStyle: { color: accent }, lineStyle: { width: 3 }, smooth: false }],
    }),
    [data.signupsPerDay, accent, t],
  );

  return (
    <>
      <div className="grid-2">
        <Card title={t('leader.totalCitizens', { area: data.area.name })} level={2}>
          <p className="stat">{formatNumber(total)}</p>
        </Card>
        <Card title={t('leader.newInPeriod', { days: data.signupsPerDay.length })} level={2}>
          <p className="stat">{formatNumber(newInPeriod)}</p>
        </Card>
      </div>
      <Card title={t('leader.byCommune')}>
        {byCount.length === 0 ? (
          <EmptyState title={t('leader.noData')} icon="chart" />
        ) : (
          <div className="grid-2">
            <div>
              {byCount.length > CHART_ROWS && <p className="muted">{t('leader.chartTop', { count: CHART_ROWS })}</p>}
              <Suspense fallback={<Loading label={t('leader.loadingChart')} />}>
                <EChart option={barOption} heightRem={Math.max(10, charted.length * 1.75 + 3)} />
              </Suspense>
            </div>
            <div className="table-wrap table-wrap--scroll" tabIndex={0} role="region" aria-label={t('leader.byCommuneTable', { area: data.area.name })}>
              <table>
                <caption>{t('leader.byCommuneTable', { area: data.area.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('leader.commune')}</th>
                    <th scope="col" className="num">
                      {t('leader.citizens')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {byCount.map((c) => (
                    <tr key={c.code}>
                      <th scope="row">{c.name}</th>
                      <td className="num">{formatNumber(c.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )}
      </Card>
      <Card title={t('leader.signupsPerDay')}>
        {data.signupsPerDay.length === 0 ? (
          <EmptyState title={t('leader.noData')} icon="chart" />
        ) : (
          <>
            <Suspense fallback={<Loading label={t('leader.loadingChart')} />}>
              <EChart option={lineOption} heightRem={16} />
            </Suspense>
            <details>
              <summary>{t('leader.showTable')}</summary>
              <div className="table-wrap">
                <table>
                  <caption>{t('leader.signupsPerDay')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('leader.day')}</th>
                      <th scope="col" className="num">
                        {t('leader.newSignups')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.signupsPerDay.map((d) => (
                      <tr key={d.date}>
                        <th scope="row">{formatDate(d.date)}</th>
                        <td className="num">{formatNumber(d.count)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
          </>
        )}
      </Card>
    </>
  );
}
