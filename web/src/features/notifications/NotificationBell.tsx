import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/index.ts';
import { useInbox } from './api.ts';

/** Header link to the inbox with the unread count, for signed-in people only. */
export function NotificationBell() {
  const { t } = useTranslation();
  const inbox = useInbox(true);
  const unread = inbox.data?.unread ?? 0;
  const label = unread > 0 ? t('inbox.unread', { count: unread }) : t('inbox.bell');
  return (
    <Link to="/notifications" className="header-button" aria-label={label}>
      <Icon name="bell" />
      {unread > 0 && (
        <span className="badge" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
