// The local market's catalogue: search typed with or without diacritics, filters by commune,
// category and OCOP stars, large product cards with photo, price and the OCOP badge.
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PRODUCT_CATEGORIES } from '@cds/contracts';
import { ButtonLink, EmptyState, ErrorState, Loading, Select, TextField } from '../../ui/index.ts';
import { can, useAuth } from '../../app/auth.ts';
import { useInstallation, usePageTitle } from '../../app/installation.ts';
import { useCommunes } from '../account/areas.ts';
import { formatVnd, useCatalogue, type CatalogueFilter, type Product } from './api.ts';

export function MarketPage() {
  const { t } = useTranslation();
  usePageTitle(t('market.title'));
  const installation = useInstallation();
  const communes = useCommunes(installation.data?.province.code);
  const [typed, setTyped] = useState('');
  const [filter, setFilter] = useState<CatalogueFilter>({ q: '', commune: '', category: '', stars: '' });
  const catalogue = useCatalogue(filter);
  const { me } = useAuth();
  return (
    <div className="stack">
      <h1>{t('market.title')}</h1>
      <p>{t('market.intro')}</p>
      <div className="market-links">
        <ButtonLink to="/market/orders" variant="secondary" icon="history">{t('market.myOrders.title')}</ButtonLink>
        <ButtonLink to="/market/sell" variant="secondary" icon="briefcase">{t('market.sell.title')}</ButtonLink>
        {can(me, 'market.officer') && <ButtonLink to="/staff/market" variant="secondary" icon="shield">{t('market.officer.title')}</ButtonLink>}
        {can(me, 'market.stats') && can(me, 'dashboard.view') && <ButtonLink to="/leader/market" variant="secondary" icon="chart">{t('market.leader.title')}</ButtonLink>}
      </div>
      <form
        role="search"
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter((f) => ({ ...f, q: typed.trim() }));
        }}
      >
        <TextField label={t('market.search.label')} hint={t('market.search.hint')} value={typed} onChange={(e) => setTyped(e.target.value)} type="search" />
        <div className="market-filters">
          <Select
            label={t('market.search.commune')} placeholder={t('market.search.all')} value={filter.commune}
            options={(communes.data ?? []).map((c) => ({ value: c.code, label: c.name }))} onChange={(e) => setFilter((f) => ({ ...f, commune: e.target.value }))}
          />
          <Select
            label={t('market.search.category')} placeholder={t('market.search.all')} value={filter.category}
            options={PRODUCT_CATEGORIES.map((c) => ({ value: c, label: t(`market.category.${c}`) }))} onChange={(e) => setFilter((f) => ({ ...f, category: e.target.value }))}
          />
          <Select
            label={t('market.search.stars')} placeholder={t('market.search.all')} value={filter.stars}
            options={['3', '4', '5'].map((s) => ({ value: s, label: t('market.ocop.stars', { count: Number(s) }) }))} onChange={(e) => setFilter((f) => ({ ...f, stars: e.target.value }))}
          />
        </div>
        <button type="submit" className="btn btn--primary">{t('market.search.submit')}</button>
      </form>
      {catalogue.isPending ? <Loading /> : catalogue.isError ? <ErrorState error={catalogue.error} onRetry={() => void catalogue.refetch()} /> : catalogue.data.items.length === 0 ? (
        <EmptyState title={t('market.search.none')} />
      ) : (
        <>
          <p role="status">{t('market.search.count', { count: catalogue.data.total })}</p>
          <ul className="market-grid">
            {catalogue.data.items.map((p) => <ProductCard key={p.id} product={p} />)}
          </ul>
        </>
      )}
    </div>
  );
}

export function OcopBadge({ stars }: { stars: number | null }) {
  const { t } = useTranslation();
  if (!stars) return null;
  return <span className="badge badge--ocop">{t('market.ocop.badge', { count: stars })}</span>;
}

function ProductCard({ product: p }: { product: Product }) {
  const { t } = useTranslation();
  return (
    <li className="market-card card">
      <Link to={`/market/products/${p.id}`} className="market-card__link">
        {p.photos[0] ? <img src={p.photos[0].thumbUrl} alt="" width={160} height={160} loading="lazy" /> : <span className="market-card__nophoto" aria-hidden="true" />}
        <span className="market-card__name">{p.name}</span>
      </Link>
      <span className="market-card__price">{formatVnd(p.priceVnd)} / {t(`market.unit.${p.unit}`)}</span>
      <span className="muted">{p.shopName} · {p.communeName}</span>
      <OcopBadge stars={p.ocopBadge} />
    </li>
  );
}
