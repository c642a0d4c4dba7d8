// The buyer's orders, newest first, each with its status and total.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, Loading, PageHeader } from '../../ui/index.ts';
import { usePageTitle } from '../../app/installation.ts';
import { formatDate } from '../../lib/format.ts';
import { formatVnd, useMyOrders } from './api.ts';

export function MyOrdersPage() {
  const { t } = useTranslation();
  usePageTitle(t('market.myOrders.title'));
  const orders = useMyOrders();
  return (
    <div className="narrow stack">
      <PageHeader title={t('market.myOrders.title')} back={{ to: '/market', label: t('market.title') }} />
      {orders.isPending ? <Loading /> : orders.isError ? <ErrorState error={orders.error} onRetry={() => void orders.refetch()} /> : orders.data.items.length === 0 ? (
        <EmptyState title={t('market.myOrders.empty')} />
      ) : (
        <ul className="stack">
          {orders.data.items.map((o) => (
            <li key={o.id} className="card">
              <Link to={`/market/orders/${o.id}`}><strong>{o.code}</strong> — {o.shopName}</Link>
              <p>{t(`market.status.${o.status}`)} · {formatVnd(o.totalVnd)} · {formatDate(o.createdAt)}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
