import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, EmptyState, ErrorState, List, ListItem, Loading } from '../../ui/index.ts';
import { api } from '../../lib/api.ts';
import { usePageTitle } from '../../app/installation.ts';
import { formatDateTime } from '../../lib/format.ts';
import { inboxKey, useInbox, type Notice } from './api.ts';

export function NotificationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('inbox.title'));
  const client = useQueryClient();
  const inbox = useInbox(true);
  const refresh = () => client.invalidateQueries({ queryKey: inboxKey });
  const markOne = useMutation({ mutationFn: (id: string) => api(`/api/me/notifications/${id}/read`, { method: 'POST' }), onSettled: refresh });
  const markAll = useMutation({ mutationFn: () => api('/api/me/notifications/read-all', { method: 'POST' }), onSettled: refresh });
  const when = (n: Notice) => formatDateTime(n.createdAt);

  return (
    <div className="narrow stack">
      <h1>{t('inbox.title')}</h1>
      {inbox.isPending && <Loading />}
      {inbox.isError && <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />}
      {inbox.data && inbox.data.items.length === 0 && <EmptyState title={t('inbox.emptyTitle')}>{t('inbox.empty')}</EmptyState>}
      {inbox.data && inbox.data.unread > 0 && (
        <Button variant="secondary" icon="check" onClick={() => markAll.mutate()} busy={markAll.isPending}>
          {t('inbox.markAll')}
        </Button>
      )}
      {inbox.data && inbox.data.items.length > 0 && (
        <List label={t('inbox.title')}>
          {inbox.data.items.map((n) => (
            <ListItem
              key={n.id}
              icon={n.readAt ? 'inbox' : 'bell'}
              title={n.readAt ? n.title : <strong>{`${t('inbox.new')}: ${n.title}`}</strong>}
              description={`${n.body} · ${when(n)}`}
              to={n.link ?? undefined}
              onClick={n.readAt ? undefined : () => markOne.mutate(n.id)}
            />
          ))}
        </List>
      )}
    </div>
  );
}
