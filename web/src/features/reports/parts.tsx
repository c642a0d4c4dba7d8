// Small pieces shared by the reports pages.
import { useTranslation } from 'react-i18next';
import { STATUS_CLASS, type ReportStatus, type TimelineEntry } from './api.ts';

export function StatusBadge({ status, label }: { status: ReportStatus; label: string }) {
  return <span className={`badge ${STATUS_CLASS[status]}`}>{label}</span>;
}

// the app-wide formatter (Vietnam time, dd/MM/yyyy HH:mm), re-exported for the reports pages
export { formatDate, formatDateTime } from '../../lib/format.ts';
import { formatDateTime } from '../../lib/format.ts';

export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation();
  return (
    <ol className="report-timeline">
      {entries.map((e) => (
        <li key={e.id}>
          <time dateTime={e.at}>{formatDateTime(e.at)}</time>
          <strong>{t(`reports.kinds.${e.kind}`, { defaultValue: e.kind })}</strong>
          {e.actorName ? ` — ${e.actorName}` : ''}
          {!e.public && <span className="badge badge--muted"> {t('reports.staff.notes')}</span>}
          {e.body && <p>{e.kind === 'photo_moderated' ? t(`reports.photoDecision.${e.body}`, { defaultValue: e.body }) : e.body}</p>}
        </li>
      ))}
    </ol>
  );
}
