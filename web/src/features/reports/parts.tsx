// Small pieces shared by the reports pages.
import { useTranslation } from 'react-i18next';
import { STATUS_CLASS, type ReportStatus, type TimelineEntry } from './api.ts';

export function StatusBadge({ status, label }: { status: ReportStatus; label: string }) {
  return <span className={`badge ${STATUS_CLASS[status]}`}>{label}</span>;
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });
}

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
