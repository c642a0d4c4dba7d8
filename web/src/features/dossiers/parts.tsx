// Pieces the citizen and staff dossier pages share: status badge, timeline, letters.
import { useTranslation } from 'react-i18next';
import { List, ListItem } from '../../ui/index.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { deadlineClass, type Deadline, type DossierDetail, type MissingDocument, type TimelineEntry } from './api.ts';

export function StatusBadge({ status, name }: { status: number; name: string }) {
  return <span className={`badge badge--status-${status}`}>{name}</span>;
}

export function Appointment({ date, deadline }: { date: string | null; deadline: Deadline }) {
  const { t } = useTranslation();
  if (!date) return null;
  return (
    <span className={deadlineClass(deadline)}>
      {t('dossiers.appointment', { date: formatDate(date) })}
      {deadline !== 'none' && <span className="visually-hidden"> — {t(`dossiers.deadline.${deadline}`)}</span>}
    </span>
  );
}

export function Timeline({ entries, showActors }: { entries: TimelineEntry[]; showActors?: boolean }) {
  const { t } = useTranslation();
  return (
    <ol className="timeline" aria-label={t('dossiers.timeline')}>
      {entries.map((e, i) => (
        <li key={`${e.at}-${i}`} className="timeline__item">
          <time dateTime={e.at}>{formatDateTime(e.at)}</time>
          <strong>{t(`dossiers.actions.${e.action}`, { defaultValue: e.action })}</strong>
          <span>{e.statusName}</span>
          {showActors && e.actorName && <span className="muted">{e.actorName}</span>}
          {e.note && <span className="muted">{e.note}</span>}
        </li>
      ))}
    </ol>
  );
}

export function MissingList({ items }: { items: MissingDocument[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <div className="stack">
      <h2 className="section-title">{t('dossiers.missing')}</h2>
      <ul>
        {items.map((m, i) => (
          <li key={i}>
            {m.name}
            {m.note ? ` — ${m.note}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Letters({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  return (
    <List label={t('dossiers.letters')}>
      {dossier.letters.map((l) => (
        <ListItem key={l.id} icon="document" title={t(`dossiers.letterKinds.${l.kind}`)} description={formatDateTime(l.issuedAt)} href={l.url} />
      ))}
      {dossier.hasResult && dossier.status === 10 && <ListItem icon="download" title={t('dossiers.result')} href={`/api/dossiers/${dossier.id}/result`} download />}
    </List>
  );
}
