// Leaders: shops online per commune, orders and sales per week, OCOP products listed, and
// how far these are from the province's targets (from its pack; labelled when demo values).
import { useTranslation } from 'react-i18next';
import { Card, ErrorState, Loading } from '../../ui/index.ts';
import { usePageTitle } from '../../app/installation.ts';
import { formatVnd, useMarketStats, type MarketStats } from './api.ts';
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
      {s.targets && <Targets stats={s} targets={s.targets} />}
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

/** The last full week (Monday–Sunday): the current one is still filling up. */
function lastFullWeek(weeks: MarketStats['weeks']) {
  return weeks.at(-2) ?? { week: '', orders: 0, salesVnd: 0 };
}

function Targets({ stats: s, targets: g }: { stats: MarketStats; targets: NonNullable<MarketStats['targets']> }) {
  const { t } = useTranslation();
  const week = lastFullWeek(s.weeks);
  const rows = [
    { key: 'targetShops', value: s.shopsTotal, target: g.shopsOnline, show: String },
    { key: 'targetOcop', value: s.ocop.verified, target: g.ocopProductsListed, show: String },
    { key: 'targetOrders', value: week.orders, target: g.weeklyOrders, show: String },
    { key: 'targetSales', value: week.salesVnd, target: g.weeklySalesVnd, show: formatVnd },
  ];
  return (
    <Card title={t('market.leader.targets', { year: g.year })}>
      {g.demo && <p className="alert alert--info">{t('market.leader.targetsDemo')}</p>}
      <dl className="market-facts">
        {rows.map((r) => {
          const percent = r.target > 0 ? Math.min(999, Math.round((r.value / r.target) * 100)) : 0;
          return [
            <dt key={`${r.key}-t`}>{t(`market.leader.${r.key}`)}</dt>,
            <dd key={`${r.key}-d`}>
              <progress className="market-progress" max={100} value={Math.min(100, percent)} aria-label={t(`market.leader.${r.key}`)} />
              {' '}{t('market.leader.progress', { value: r.show(r.value), target: r.show(r.target), percent })}
            </dd>,
          ];
        })}
      </dl>
      <p className="muted">{t('market.leader.source', { source: g.source })}</p>
    </Card>
  );
}
