// The agency inbox (hộp thư phản ánh): filters, search, sorted by deadline, coloured when
// due soon or overdue; the filtered list downloads as CSV.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button, EmptyState, ErrorState, Loading, Select, TextField } from '../../ui/index.ts';
import { usePageTitle } from '../../app/installation.ts';
import { useInbox } from './api.ts';
import { formatDate, StatusBadge } from './parts.tsx';
import './reports.css';

export function StaffReportsPage() {
  const { t } = useTranslation();
  usePageTitle(t('reports.staff.inbox'));
  const [draft, setDraft] = useState({ q: '', status: '', urgency: '', sort: 'due' });
  const [qs, setQs] = useState('sort=due&limit=50');
  const inbox = useInbox(qs);
  const apply = () => setQs(new URLSearchParams({ limit: '50', ...Object.fromEntries(Object.entries(draft).filter(([, v]) => v)) }).toString());
  return (
    <div className="stack">
      <h1>{t('reports.staff.inbox')}</h1>
      <div className="report-filters">
        <TextField label={t('reports.filter.search')} value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
        <Select label={t('reports.filter.status')} placeholder={t('reports.filter.all')} value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value })}
          options={[
            { value: 'new', label: t('reports.kinds.created') }, { value: 'accepted', label: t('reports.kinds.accept') }, { value: 'assigned', label: t('reports.kinds.assign') },
            { value: 'in_progress', label: t('reports.kinds.start') }, { value: 'need_info', label: t('reports.kinds.request_info') }, { value: 'resolved', label: t('reports.kinds.resolve') },
            { value: 'closed', label: t('reports.kinds.close') }, { value: 'rejected', label: t('reports.kinds.reject') },
          ]} />
        <Select label={t('reports.filter.urgency')} placeholder={t('reports.filter.all')} value={draft.urgency} onChange={(e) => setDraft({ ...draft, urgency: e.target.value })}
          options={[{ value: 'overdue', label: t('reports.filter.overdue') }, { value: 'due_soon', label: t('reports.filter.dueSoon') }]} />
        <Select label={t('reports.filter.sort')} value={draft.sort} onChange={(e) => setDraft({ ...draft, sort: e.target.value })}
          options={[{ value: 'due', label: t('reports.filter.sortDue') }, { value: 'newest', label: t('reports.filter.sortNewest') }]} />
        <Button onClick={apply} icon="search">{t('reports.filter.apply')}</Button>
        <a className="btn btn--secondary" href={`/api/staff/reports.csv?${qs}`} download>{t('reports.staff.export')}</a>
      </div>
      {inbox.isPending && <Loading />}
      {inbox.isError && <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />}
      {inbox.data && inbox.data.items.length === 0 && <EmptyState title={t('reports.staff.empty')} icon="inbox" />}
      {inbox.data && inbox.data.items.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('reports.detail.code')}</th>
              <th scope="col">{t('reports.filter.category')}</th>
              <th scope="col">{t('reports.filter.status')}</th>
              <th scope="col">{t('reports.detail.place')}</th>
              <th scope="col">{t('reports.detail.due')}</th>
            </tr>
          </thead>
          <tbody>
            {inbox.data.items.map((r) => (
              <tr key={r.id} className={r.urgency ? `urgency--${r.urgency}` : undefined}>
                <td><Link to={`/staff/reports/${r.trackingCode}`}>{r.trackingCode}</Link></td>
                <td>{r.category.name}</td>
                <td><StatusBadge status={r.status} label={r.statusLabel} /></td>
                <td>{r.communeName}</td>
                <td>
                  {formatDate(r.dueDate)}
                  {r.urgency && r.urgency !== 'ok' && <span className={`badge ${r.urgency === 'overdue' ? 'badge--danger' : 'badge--warn'}`}> {t(`reports.staff.urgency.${r.urgency}`)}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
