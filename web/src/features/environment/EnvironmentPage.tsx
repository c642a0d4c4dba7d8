// Air and water near me (quan trắc môi trường): the nearest air station's VN_AQI with its
// colour band and plain advice, a 24-hour and 30-day chart, river levels against their
// alarm levels, rain, and a map and list of every station.
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { aqiBand, bandStyle, type AqiBand } from '@cds/contracts';
import { Alert, Button, Card, ErrorState, List, ListItem, Loading, Tabs } from '../../ui/index.ts';
import { ApiError } from '../../lib/api.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { usePageTitle } from '../../app/installation.ts';
import { ReportMap } from '../reports/ReportMap.tsx';
import type { ChartOption } from '../leader/EChart.tsx';
import { nearestStation, useSeries, useStations, type Series, type Station } from './api.ts';
import './environment.css';

// ECharts is heavy: it loads only when a chart is drawn (the leaders' chart component, reused)
const EChart = lazy(() => import('../leader/EChart.tsx'));

const VN_TIME = 'Asia/Ho_Chi_Minh';
const hourLabel = (iso: string) => `${new Intl.DateTimeFormat('vi-VN', { timeZone: VN_TIME, hour: '2-digit', hourCycle: 'h23' }).format(new Date(iso))}h`;
const dayLabel = (iso: string) => new Intl.DateTimeFormat('vi-VN', { timeZone: VN_TIME, day: '2-digit', month: '2-digit' }).format(new Date(iso));

type Range = '24h' | '30d';

function AqiBadge({ aqi, band }: { aqi: number; band: AqiBand }) {
  const { t } = useTranslation();
  const s = bandStyle(band);
  return (
    <div className="aqi-badge" style={{ background: s.colour, color: s.text }} data-testid="aqi-badge">
      <span className="aqi-badge__value">{aqi}</span>
      <span className="aqi-badge__label">{t(`environment.band.${band}.label`)}</span>
    </div>
  );
}

function StationNow({ station, distanceKm }: { station: Station; distanceKm: number | null }) {
  const { t } = useTranslation();
  return (
    <Card title={station.name} className="env-now">
      {distanceKm !== null && <p className="muted">{t('environment.distance', { km: formatNumber(distanceKm) })}</p>}
      {station.kind === 'air' && (station.air ? (
        <>
          <p className="env-now__caption">{t('environment.aqiNow')}</p>
          <AqiBadge aqi={station.air.aqi} band={station.air.band} />
          <p className="env-advice">{t(`environment.band.${station.air.band}.advice`)}</p>
          <p className="muted">{t('environment.dominant', { pollutant: t(`environment.pollutant.${station.air.dominant}`) })} · {t('environment.measuredAt', { at: formatDateTime(station.air.at) })}</p>
        </>
      ) : <p>{t('environment.noData')}</p>)}
      {station.kind === 'water_level' && (station.river ? (
        <>
          <p className="env-level" data-testid="river-level">{t('environment.level', { level: formatNumber(station.river.level) })}</p>
          <p className={`env-alarm env-alarm--${station.river.alarm}`}>{t(`environment.alarm.${station.river.alarm}`)}</p>
          <p className="muted">{t('environment.alarms', { a1: station.alarm1 ?? '—', a2: station.alarm2 ?? '—', a3: station.alarm3 ?? '—' })}</p>
          <p className="muted">{t('environment.measuredAt', { at: formatDateTime(station.river.at) })}</p>
        </>
      ) : <p>{t('environment.noData')}</p>)}
      {station.kind === 'rainfall' && (
        <>
          <p className="env-level">{t('environment.rain24h', { mm: station.rain24h ?? 0 })}</p>
          <p className="muted">{t('environment.measuredAt', { at: formatDateTime(station.lastReadingAt) })}</p>
        </>
      )}
    </Card>
  );
}

function chartOf(series: Series, station: Station, unit: string): ChartOption {
  const labels = series.points.map((p) => (series.range === '24h' ? hourLabel(p.at) : dayLabel(p.at)));
  if (station.kind === 'air') {
    return {
      grid: { left: 40, right: 12, top: 16, bottom: 28 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', min: 0 },
      series: [{
        type: 'bar',
        name: 'VN_AQI',
        data: series.points.map((p) => (p.value === null ? null : { value: p.value, itemStyle: { color: bandStyle(aqiBand(p.value)).colour, borderColor: '#555', borderWidth: 0.5 } })),
      }],
    };
  }
  const alarms = [station.alarm1, station.alarm2, station.alarm3].filter((x): x is number => x !== null);
  const values = series.points.map((p) => p.value).filter((v): v is number => v !== null);
  return {
    grid: { left: 56, right: 12, top: 16, bottom: 28 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: labels },
    yAxis: station.kind === 'water_level'
      ? { type: 'value', name: unit, min: Math.floor(Math.min(...values, ...(alarms.length ? [alarms[0]!] : [])) - 0.5), max: Math.ceil(Math.max(...values, ...(alarms.length ? [alarms[0]!] : [])) + 0.5) }
      : { type: 'value', name: unit, min: 0 },
    series: station.kind === 'water_level'
      ? [
          { type: 'line', name: unit, data: series.points.map((p) => p.value), connectNulls: false, lineStyle: { width: 3 } },
          // the báo động I line, so the distance to it is seen at a glance
          ...(alarms.length ? [{ type: 'line' as const, name: 'BĐ I', data: series.points.map(() => alarms[0]!), symbol: 'none', lineStyle: { type: 'dashed' as const, color: '#bf8700' } }] : []),
        ]
      : [{ type: 'bar', name: unit, data: series.points.map((p) => p.value) }],
  };
}

function StationChart({ station }: { station: Station }) {
  const { t } = useTranslation();
  const [range, setRange] = useState<Range>('24h');
  const series = useSeries(station.id, range);
  const unit = station.kind === 'air' ? 'VN_AQI' : station.kind === 'water_level' ? 'm' : 'mm';
  const option = useMemo(() => (series.data ? chartOf(series.data, station, unit) : null), [series.data, station, unit]);
  const panel = series.isPending ? <Loading /> : !series.data || !option ? <ErrorState error={series.error} onRetry={() => void series.refetch()} /> : (
    <div className="stack" data-testid="env-chart">
      <Suspense fallback={<Loading />}>
        <EChart option={option} heightRem={16} />
      </Suspense>
      {/* the picture is hidden from screen readers; the same numbers as a table */}
      <details>
        <summary>{t('environment.chart.table')}</summary>
        <table className="env-table">
          <thead><tr><th scope="col">{t(range === '24h' ? 'environment.chart.hour' : 'environment.chart.day')}</th><th scope="col">{t(`environment.chart.value.${station.kind}`)}</th></tr></thead>
          <tbody>
            {series.data.points.map((p) => (
              <tr key={p.at}><td>{range === '24h' ? hourLabel(p.at) : dayLabel(p.at)}</td><td>{p.value === null ? '—' : formatNumber(p.value)}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
  return (
    <Card title={t('environment.chart.title')}>
      <Tabs
        label={t('environment.chart.title')}
        selected={range}
        onSelect={(k) => setRange(k as Range)}
        items={[
          { key: '24h', label: t('environment.chart.24h'), panel: range === '24h' ? panel : null },
          { key: '30d', label: t('environment.chart.30d'), panel: range === '30d' ? panel : null },
        ]}
      />
    </Card>
  );
}

function describe(s: Station, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (s.kind === 'air') return s.air ? `VN_AQI ${s.air.aqi} · ${t(`environment.band.${s.air.band}.label`)}` : t('environment.noData');
  if (s.kind === 'water_level') return s.river ? `${t('environment.level', { level: formatNumber(s.river.level) })} · ${t(`environment.alarm.${s.river.alarm}`)}` : t('environment.noData');
  return t('environment.rain24h', { mm: s.rain24h ?? 0 });
}

export function EnvironmentPage() {
  const { t } = useTranslation();
  usePageTitle(t('environment.title'));
  const stations = useStations();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [distanceKm, setDistanceKm] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const items = useMemo(() => stations.data?.items ?? [], [stations.data]);
  const choose = (id: string) => {
    setSelectedId(id);
    setDistanceKm(null);
  };
  // until the person shares where they are, the first air station (the provincial city's)
  const selected = items.find((s) => s.id === selectedId) ?? items.find((s) => s.kind === 'air') ?? items[0] ?? null;

  const markers = useMemo(() => items.map((s) => ({
    id: s.id, lat: s.lat, lon: s.lon, label: `${s.name}: ${describe(s, t)}`,
    colour: s.air ? bandStyle(s.air.band).colour : s.kind === 'water_level' ? '#1565c0' : '#00838f',
    onSelect: () => choose(s.id),
  })), [items, t]);

  const nearMe = () => {
    setMessage(null);
    if (!('geolocation' in navigator)) return setMessage(t('environment.gps.unavailable'));
    setBusy(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        nearestStation(pos.coords.latitude, pos.coords.longitude)
          .then((r) => {
            setSelectedId(r.station.id);
            setDistanceKm(r.distanceKm);
          })
          .catch((err: unknown) => setMessage(err instanceof ApiError ? err.message : t('errors.generic')))
          .finally(() => setBusy(false));
      },
      () => {
        setBusy(false);
        setMessage(t('environment.gps.denied'));
      },
      { timeout: 15_000 },
    );
  };

  if (stations.isPending) return <Loading />;
  if (!stations.data) return <ErrorState error={stations.error} onRetry={() => void stations.refetch()} />;
  return (
    <div className="stack">
      <h1>{t('environment.title')}</h1>
      <p>{t('environment.intro')}</p>
      <Button icon="map" busy={busy} onClick={nearMe}>{t('environment.gps.button')}</Button>
      {message && <Alert kind="error" live>{message}</Alert>}
      {selected ? (
        <>
          <StationNow key={selected.id} station={selected} distanceKm={selected.id === selectedId ? distanceKm : null} />
          <StationChart key={`chart-${selected.id}`} station={selected} />
        </>
      ) : <p>{t('environment.none')}</p>}
      <Card title={t('environment.map.title')}>
        <p className="muted">{t('environment.map.hint')}</p>
        <ReportMap label={t('environment.map.label')} showReports={false} zoom={8} center={[106.6, 21.85]} pin={selected ? { lat: selected.lat, lon: selected.lon } : null} markers={markers} />
      </Card>
      <Card title={t('environment.list.title')}>
        <List label={t('environment.list.title')}>
          {items.map((s) => (
            <ListItem key={s.id} icon={s.kind === 'air' ? 'globe' : 'chart'} title={s.name} description={describe(s, t)} onClick={() => choose(s.id)} />
          ))}
        </List>
        <p className="muted">{t('environment.source')}</p>
      </Card>
    </div>
  );
}
