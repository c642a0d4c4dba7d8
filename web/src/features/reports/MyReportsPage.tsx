// "Phản ánh của tôi": what I sent, and the reports of others I follow.
import { useTranslation } from 'react-i18next';
import { ButtonLink, EmptyState, ErrorState, List, ListItem, Loading } from '../../ui/index.ts';
import { usePageTitle } from '../../app/installation.ts';
import { useMyReports, type Report } from './api.ts';
import { StatusBadge } from './parts.tsx';
import './reports.css';

export function ReportList({ items, label }: { items: Report[]; label: string }) {
  return (
    <List label={label}>
      {items.map((r) => (
        <ListItem key={r.id} icon="megaphone" to={`/reports/${r.trackingCode}`} title={`${r.trackingCode} · ${r.category.name}`}
          description={<><StatusBadge status={r.status} label={r.statusLabel} /> {r.description.slice(0, 90)}</>} />
      ))}
    </List>
  );
}

export function MyReportsPage() {
  const { t } = useTranslation();
  usePageTitle(t('reports.public.mine'));
  const mine = useMyReports();
  return (
    <div className="narrow stack">
      <h1>{t('reports.public.mine')}</h1>
      <div className="row">
        <ButtonLink to="/reports/new" icon="plus">{t('reports.public.new')}</ButtonLink>
        <ButtonLink to="/reports" variant="secondary" icon="map">{t('reports.public.map')}</ButtonLink>
      </div>
      {mine.isPending && <Loading />}
      {mine.isError && <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />}
      {mine.data && mine.data.items.length === 0 && <EmptyState title={t('reports.public.empty')} icon="megaphone" />}
      {mine.data && mine.data.items.length > 0 && <ReportList items={mine.data.items} label={t('reports.public.mine')} />}
      {mine.data && mine.data.following.length > 0 && (
        <>
          <h2>{t('reports.detail.follow')}</h2>
          <ReportList items={mine.data.following} label={t('reports.detail.follow')} />
        </>
      )}
    </div>
  );
}
