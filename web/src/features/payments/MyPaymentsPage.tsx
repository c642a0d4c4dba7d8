// Every payment of the signed-in person, newest first, with its status.
import { useTranslation } from 'react-i18next';
import { ButtonLink, EmptyState, ErrorState, List, ListItem, Loading } from '../../ui/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../app/installation.ts';
import { formatVnd, useMyPayments } from './api.ts';

export function MyPaymentsPage() {
  const { t } = useTranslation();
  usePageTitle(t('payments.mine.title'));
  const mine = useMyPayments();
  return (
    <div className="narrow stack">
      <h1>{t('payments.mine.title')}</h1>
      <ButtonLink to="/payments/bills" icon="plus">{t('payments.bills.title')}</ButtonLink>
      {mine.isPending && <Loading />}
      {mine.isError && <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />}
      {mine.data && mine.data.items.length === 0 && <EmptyState title={t('payments.mine.emptyTitle')}>{t('payments.mine.empty')}</EmptyState>}
      {mine.data && mine.data.items.length > 0 && (
        <List label={t('payments.mine.title')}>
          {mine.data.items.map((p) => (
            <ListItem
              key={p.id}
              icon={p.status === 'succeeded' ? 'check' : 'history'}
              title={`${formatVnd(p.amountVnd)} — ${t(`payments.status.${p.status}`)}`}
              description={`${p.code} · ${p.description} · ${formatDateTime(p.paidAt ?? p.createdAt)}`}
              to={`/payments/${p.id}`}
            />
          ))}
        </List>
      )}
    </div>
  );
}
