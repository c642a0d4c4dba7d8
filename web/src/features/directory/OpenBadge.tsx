// "Open now" in words and colour, with when it closes or opens next (Vietnam time).
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format.ts';
import type { OpenStatus } from './api.ts';

export function OpenBadge({ status }: { status: OpenStatus }) {
  const { t } = useTranslation();
  if (status.open) {
    return <span className="open-badge open-badge--open">{t('directory.open.now', { time: status.closesAt })}</span>;
  }
  const next = status.opensNext ? t('directory.open.next', { day: formatDate(status.opensNext.day), time: status.opensNext.at }) : '';
  const why = status.holiday ? t('directory.open.holiday', { name: status.holiday }) : t('directory.open.closed');
  return <span className="open-badge open-badge--closed">{next ? `${why} · ${next}` : why}</span>;
}
