// The work a leader opens the dashboard for: reports open, overdue and resolved on time,
// by agency and by commune, citizens' satisfaction and the weekly trend; dossiers on time
// are on the indicators page (Decision 766), linked from here.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorkReply } from '@cds/contracts/dashboard';
import { Card, ErrorState, Loading } from '../../ui/index.ts';
import { api } from '../../lib/api.ts';
import { formatDate, formatNumber, formatPercent } from '../../lib/format.ts';

const TOP_ROWS = 10;

export function WorkSection({ area }: { area: string }) {
  const { t } = useTranslation();
  const work = useQuery({
    queryKey: ['dashboard', 'work', area],
    queryFn: ({ signal }) => api<WorkReply>(`/api/dashboard/work?area=${encodeURIComponent(area)}`, { signal }),
    enabled: !!area,
  });
  if (work.isPending) return <Loading />;
  if (work.isError) return <ErrorState error={work.error} onRetry={() => void work.refetch()} />;
  const w = work.data;
  const r = w.reports;
  return (
    <section className="stack" aria-labelledby="work-title">
      <h2 id="work-title" className="section-title">{t('leader.work.title', { area: w.area.name })}</h2>
      <div className="work-stats">
        <Stat label={t('leader.work.open')} value={formatNumber(r.open)} />
        <Stat label={t('leader.work.overdue')} value={formatNumber(r.overdue)} warn={r.overdue > 0} />
        <Stat label={t('leader.work.onTimeRate')} value={r.onTimeRate === null ? '—' : formatPercent(r.onTimeRate)} note={t('leader.work.ofResolved', { n: formatNumber(r.onTime), total: formatNumber(r.resolved) })} />
        <Stat label={t('leader.work.satisfaction')} value={r.satisfaction === null ? '—' : t('leader.work.stars', { value: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(r.satisfaction) })} note={t('leader.work.rated', { n: formatNumber(r.rated) })} />
      </div>
      <p><Link to="/leader/indicators">{t('leader.work.dossiersLink')}</Link></p>
      <WorkTable caption={t('leader.work.byAgency')} head={t('leader.work.agency')} rows={w.byAgency.slice(0, TOP_ROWS).map((a) => ({ key: a.id, ...a }))} />
      <WorkTable caption={t('leader.work.byCommune')} head={t('leader.work.commune')} rows={w.byCommune.filter((c) => c.open + c.resolved > 0).slice(0, TOP_ROWS).map((c) => ({ key: c.code, ...c }))} />
      <Card title={t('leader.work.trend')}>
        <table className="table">
          <caption className="visually-hidden">{t('leader.work.trend')}</caption>
          <thead><tr><th scope="col">{t('leader.work.week')}</th><th scope="col">{t('leader.work.received')}</th><th scope="col">{t('leader.work.resolved')}</th></tr></thead>
          <tbody>
            {w.trend.map((x) => (
              <tr key={x.week}><th scope="row">{formatDate(x.week)}</th><td>{formatNumber(x.received)}</td><td>{formatNumber(x.resolved)}</td></tr>
            ))}
          </tbody>
        </table>
      </Card>
    </section>
  );
}

function Stat({ label, value, note, warn }: { label: string; value: string; note?: string; warn?: boolean }) {
  return (
    <div className={warn ? 'work-stat work-stat--warn' : 'work-stat'}>
      <span className="work-stat__label">{label}</span>
      <strong className="work-stat__value">{value}</strong>
      {note && <span className="work-stat__note">{note}</span>}
    </div>
  );
}

interface Row { key: string; name: string; open: number; overdue: number; resolved: number; onTime: number }

function WorkTable({ caption, head, rows }: { caption: string; head: string; rows: Row[] }) {
  const { t } = useTranslation();
  return (
    <Card title={caption}>
      {rows.length === 0 ? <p className="muted">{t('leader.noData')}</p> : (
        <table className="table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{head}</th><th scope="col">{t('leader.work.open')}</th><th scope="col">{t('leader.work.overdue')}</th><th scope="col">{t('leader.work.onTime')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.name}</th>
                <td>{formatNumber(row.open)}</td>
                <td>{formatNumber(row.overdue)}</td>
                <td>{row.resolved ? formatPercent(row.onTime / row.resolved) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
