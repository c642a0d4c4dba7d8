// A product page: photos, price, stock, the seller and their commune, the OCOP badge when an
// officer verified it (the declared certificate otherwise), reviews, and "add to the cart".
import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, ButtonLink, Button, Card, ErrorState, Loading, PageHeader, TextField } from '../../ui/index.ts';
import { usePageTitle } from '../../app/installation.ts';
import { formatDate } from '../../lib/format.ts';
import { addToCart, formatVnd, useProduct } from './api.ts';
import { OcopBadge } from './MarketPage.tsx';

export function ProductPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const detail = useProduct(id);
  const [quantity, setQuantity] = useState('1');
  const [added, setAdded] = useState(false);
  usePageTitle(detail.data?.product.name ?? t('market.title'));
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const { product: p, shop, reviews } = detail.data;
  const qty = Number(quantity);
  const valid = Number.isInteger(qty) && qty >= 1 && qty <= p.stock;
  return (
    <div className="narrow stack">
      <PageHeader title={p.name} back={{ to: '/market', label: t('market.title') }} />
      {p.hiddenReason && <Alert kind="error">{t('market.product.hidden', { reason: p.hiddenReason })}</Alert>}
      <div className="market-photos">
        {p.photos.map((ph, i) => <img key={ph.url} src={ph.url} alt={t('market.product.photoAlt', { name: p.name, n: i + 1 })} width={320} />)}
      </div>
      <p className="market-price">{formatVnd(p.priceVnd)} / {t(`market.unit.${p.unit}`)}</p>
      <OcopBadge stars={p.ocopBadge} />
      {p.ocop && !p.ocopBadge && <p className="muted">{t('market.ocop.declared', { count: p.ocop.stars })}</p>}
      <p>{p.description}</p>
      <p>{p.stock > 0 ? t('market.product.stock', { count: p.stock }) : t('market.product.soldOut')}</p>
      {p.rating.count > 0 && <p>{t('market.product.rating', { average: p.rating.average, count: p.rating.count })}</p>}
      <Card title={t('market.product.seller')}>
        <p><strong>{shop.name}</strong></p>
        <p>{shop.communeName} · {shop.phone}</p>
        {shop.rating.count > 0 && <p>{t('market.product.rating', { average: shop.rating.average, count: shop.rating.count })}</p>}
      </Card>
      {p.stock > 0 && !shop.canManage && (
        <Card title={t('market.product.buy')}>
          <TextField label={t('market.product.quantity', { unit: t(`market.unit.${p.unit}`) })} type="number" inputMode="numeric" min={1} max={p.stock} value={quantity} onChange={(e) => { setQuantity(e.target.value); setAdded(false); }} />
          <Button icon="plus" disabled={!valid} onClick={() => { addToCart(shop.id, p, qty); setAdded(true); }}>{t('market.product.addToCart')}</Button>
          {added && <Alert kind="success" live>{t('market.product.added')}</Alert>}
          {added && <ButtonLink to={`/market/cart/${shop.id}`} icon="chevronRight">{t('market.cart.open')}</ButtonLink>}
        </Card>
      )}
      <Card title={t('market.product.reviews')}>
        {reviews.length === 0 ? <p className="muted">{t('market.product.noReviews')}</p> : (
          <ul className="stack">
            {reviews.map((r) => (
              <li key={`${r.buyerName}-${r.createdAt}`}>
                <strong>{t('market.review.stars', { count: r.stars })}</strong> — {r.buyerName}, {formatDate(r.createdAt)}
                {r.comment && <p>{r.comment}</p>}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
