// Leaders: shops online per commune, orders and sales per week, OCOP products listed.
import { useTranslation } from 'react-i18next';
import { Card, ErrorState, Loading } from '../../ui/index.ts';
import { usePageTitle } from '../../app/installation.ts';
import { useMarketStats } from './api.ts';
import { WeeksTable } from './ShopManagePage.tsx';

export function LeaderMarketPage() {
  const { t } = useTranslation();
  usePageTitle(t('market.leader.title'));
  const stats = useMarketStats();
  if (stats.isPending) return <Loading />;
  if (stats.isError) return <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />;
  const s = stats.data;
  return (
    <div className="stack">
      <h1>{t('market.leader.title')}</h1>
      <Card title={t('market.leader.ocop')}>
        <p>{t('market.leader.products', { count: s.products })}</p>
        <p>{t('market.leader.ocopVerified', { count: s.ocop.verified, three: s.ocop.stars3, four: s.ocop.stars4, five: s.ocop.stars5 })}</p>
        <p>{t('market.leader.ocopPending', { count: s.ocop.pending })}</p>
      </Card>
      <Card title={t('market.leader.shops')}>
        <div className="table-wrap"><table>
          <thead><tr><th scope="col">{t('market.leader.commune')}</th><th scope="col">{t('market.leader.shopCount')}</th></tr></thead>
          <tbody>{s.shopsByCommune.map((c) => <tr key={c.communeCode}><td>{c.communeName}</td><td>{c.shops}</td></tr>)}</tbody>
        </table></div>
      </Card>
      <Card title={t('market.leader.weeks')}>
        <WeeksTable weeks={s.weeks} />
      </Card>
    </div>
  );
}
