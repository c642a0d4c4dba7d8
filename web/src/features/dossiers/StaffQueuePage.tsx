// The officer's queue (hàng đợi hồ sơ): dossiers their agency holds, soonest appointment
// first, coloured by deadline, searchable by code or name (with or without diacritics).
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Checkbox, EmptyState, ErrorState, List, ListItem, Loading, Select, TextField } from '../../ui/index.ts';
import { api } from '../../lib/api.ts';
import { usePageTitle } from '../../app/installation.ts';
import type { DossierPage } from './api.ts';
import { Appointment, StatusBadge } from './parts.tsx';

const FILTERS = ['1', '2', '4', '5', '6', '9', '1,2,4,5,6,9', ''] as const;

export function StaffQueuePage() {
  const { t } = useTranslation();
  usePageTitle(t('dossiers.queue.title'));
  const [status, setStatus] = useState<string>('1,2,4,5,6,9');
  const [q, setQ] = useState('');
  const [overdue, setOverdue] = useState(false);
  const params = new URLSearchParams({ limit: '50' });
  if (status) params.set('status', status);
  if (q.trim()) params.set('q', q.trim());
  if (overdue) params.set('overdue', 'true');
  const queue = useQuery({
    queryKey: ['dossiers', 'queue', params.toString()],
    queryFn: ({ signal }) => api<DossierPage>(`/api/dossiers/queue?${params.toString()}`, { signal }),
  });
  return (
    <div className="stack">
      <h1>{t('dossiers.queue.title')}</h1>
      <div className="row wrap">
        <TextField label={t('dossiers.queue.search')} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        <Select label={t('dossiers.queue.status')} value={status} onChange={(e) => setStatus(e.target.value)} options={FILTERS.map((f) => ({ value: f, label: t(`dossiers.queue.filters.${f === '' ? 'all' : f.replace(/,/g, '_')}`) }))} />
        <Checkbox label={t('dossiers.queue.overdue')} checked={overdue} onChange={(e) => setOverdue(e.target.checked)} />
      </div>
      {queue.isPending && <Loading />}
      {queue.isError && <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />}
      {queue.data && queue.data.items.length === 0 && <EmptyState title={t('dossiers.queue.empty')} />}
      {queue.data && queue.data.items.length > 0 && (
        <List label={t('dossiers.queue.title')}>
          {queue.data.items.map((d) => (
            <ListItem
              key={d.id}
              to={`/staff/dossiers/${d.id}`}
              title={`${d.code} — ${d.applicantName}`}
              description={
                <>
                  {d.procedureName} · <StatusBadge status={d.status} name={d.statusName} /> <Appointment date={d.appointmentDate} deadline={d.deadline} />
                </>
              }
            />
          ))}
        </List>
      )}
    </div>
  );
}
