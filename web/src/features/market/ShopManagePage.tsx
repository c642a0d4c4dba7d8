// One shop for its seller (or the helper who opened it): list a product with photos and an
// optional OCOP certificate, the products (with an officer's reason when hidden), the
// orders to handle, and orders and sales per week.
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MAX_PRODUCT_PHOTOS, OCOP_GROUPS, OCOP_LEVELS, PRODUCT_CATEGORIES, PRODUCT_UNITS } from '@cds/contracts';
import type { OcopInput } from '@cds/contracts/market';
import { Alert, Button, Card, Checkbox, ErrorState, FilePicker, Loading, PageHeader, Select, TextArea, TextField } from '../../ui/index.ts';
import { usePageTitle } from '../../app/installation.ts';
import { fieldErrorMap } from '../../lib/api.ts';
import { fileToBase64 } from '../../lib/files.ts';
import { formatDate } from '../../lib/format.ts';
import { addProduct, formatVnd, updateProduct, useShop, useShopOrders, useShopProducts, useShopSales, type Product, type ProductInput } from './api.ts';
import { OcopBadge } from './MarketPage.tsx';

export function ShopManagePage() {
  const { t } = useTranslation();
  const { shopId = '' } = useParams();
  const shop = useShop(shopId);
  usePageTitle(shop.data?.name ?? t('market.sell.title'));
  if (shop.isPending) return <Loading />;
  if (shop.isError) return <ErrorState error={shop.error} onRetry={() => void shop.refetch()} />;
  return (
    <div className="narrow stack">
      <PageHeader title={shop.data.name} back={{ to: '/market/sell', label: t('market.sell.title') }} />
      <p>{shop.data.communeName} · {shop.data.bankName} {shop.data.bankAccount}</p>
      <Orders shopId={shopId} />
      <Products shopId={shopId} />
      <AddProduct shopId={shopId} />
      <Sales shopId={shopId} />
    </div>
  );
}

function Orders({ shopId }: { shopId: string }) {
  const { t } = useTranslation();
  const orders = useShopOrders(shopId);
  return (
    <Card title={t('market.manage.orders')}>
      {orders.isPending ? <Loading /> : orders.isError ? <ErrorState error={orders.error} /> : orders.data.items.length === 0 ? <p className="muted">{t('market.manage.noOrders')}</p> : (
        <ul className="stack">
          {orders.data.items.map((o) => (
            <li key={o.id}>
              <Link to={`/market/orders/${o.id}`}><strong>{o.code}</strong> — {o.buyerName}, {o.communeName}</Link>
              <p>{t(`market.status.${o.status}`)} · {formatVnd(o.totalVnd)} · {formatDate(o.createdAt)}</p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function Products({ shopId }: { shopId: string }) {
  const { t } = useTranslation();
  const products = useShopProducts(shopId);
  return (
    <Card title={t('market.manage.products')}>
      {products.isPending ? <Loading /> : products.isError ? <ErrorState error={products.error} /> : products.data.items.length === 0 ? <p className="muted">{t('market.manage.noProducts')}</p> : (
        <ul className="stack">
          {products.data.items.map((p) => (
            <li key={p.id}>
              <Link to={`/market/products/${p.id}`}><strong>{p.name}</strong></Link> — {formatVnd(p.priceVnd)} · {t('market.product.stock', { count: p.stock })}
              {' '}<OcopBadge stars={p.ocopBadge} />
              {p.ocop && !p.ocopBadge && <span className="muted"> · {t(`market.ocop.status.${p.ocop.status}`)}</span>}
              {p.hiddenReason && <Alert kind="error">{t('market.product.hidden', { reason: p.hiddenReason })}</Alert>}
              <EditProduct product={p} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** The two things a seller changes most: the price and how many are left. */
function EditProduct({ product: p }: { product: Product }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [price, setPrice] = useState(String(p.priceVnd));
  const [stock, setStock] = useState(String(p.stock));
  const save = useMutation({
    mutationFn: () => updateProduct(p.id, { priceVnd: Math.floor(Number(price)), stock: Math.floor(Number(stock)) }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['market', 'shop-products', p.shopId] }),
  });
  const errors = fieldErrorMap(save.error);
  return (
    <details>
      <summary>{t('market.manage.edit')}</summary>
      <form className="stack" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        <TextField label={t('market.productForm.price')} type="number" inputMode="numeric" value={price} onChange={(e) => setPrice(e.target.value)} error={errors.priceVnd} />
        <TextField label={t('market.productForm.stock')} type="number" inputMode="numeric" value={stock} onChange={(e) => setStock(e.target.value)} error={errors.stock} />
        {save.isError && <Alert kind="error" live>{save.error.message}</Alert>}
        <Button type="submit" busy={save.isPending}>{t('market.manage.save')}</Button>
      </form>
    </details>
  );
}

const EMPTY: ProductInput = { name: '', category: 'processed_food', priceVnd: 0, unit: 'kg', stock: 1, weightGrams: 500, description: '' };
const NO_OCOP: OcopInput = { stars: 3, group: 'food', certificateNumber: '', level: 'province', decision: '', expiresOn: '' };

function AddProduct({ shopId }: { shopId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState<ProductInput>(EMPTY);
  const [photos, setPhotos] = useState<string[]>([]);
  const [hasOcop, setHasOcop] = useState(false);
  const [ocop, setOcop] = useState<OcopInput>(NO_OCOP);
  const save = useMutation({
    mutationFn: () => addProduct(shopId, { ...form, photos, ocop: hasOcop ? ocop : null }),
    onSuccess: () => {
      setForm(EMPTY);
      setPhotos([]);
      setHasOcop(false);
      void client.invalidateQueries({ queryKey: ['market', 'shop-products', shopId] });
    },
  });
  const errors = useMemo(() => fieldErrorMap(save.error), [save.error]);
  const text = (k: 'name' | 'description' | 'category' | 'unit') => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const num = (k: 'priceVnd' | 'stock' | 'weightGrams') => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: Math.floor(Number(e.target.value) || 0) }));
  const ocopText = (k: 'certificateNumber' | 'decision' | 'expiresOn' | 'group' | 'level') => (e: { target: { value: string } }) => setOcop((o) => ({ ...o, [k]: e.target.value }));
  return (
    <Card title={t('market.manage.add')}>
      {save.isSuccess && <Alert kind="success" live>{t('market.manage.added')}</Alert>}
      <form className="stack" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        <TextField label={t('market.productForm.name')} value={form.name} onChange={text('name')} required error={errors.name} />
        <Select label={t('market.productForm.category')} value={form.category} onChange={text('category')} options={PRODUCT_CATEGORIES.map((c) => ({ value: c, label: t(`market.category.${c}`) }))} />
        <TextField label={t('market.productForm.price')} type="number" inputMode="numeric" min={1000} value={form.priceVnd || ''} onChange={num('priceVnd')} required error={errors.priceVnd} />
        <Select label={t('market.productForm.unit')} value={form.unit} onChange={text('unit')} options={PRODUCT_UNITS.map((u) => ({ value: u, label: t(`market.unit.${u}`) }))} />
        <TextField label={t('market.productForm.stock')} type="number" inputMode="numeric" min={0} value={form.stock} onChange={num('stock')} required error={errors.stock} />
        <TextField label={t('market.productForm.weight')} type="number" inputMode="numeric" min={1} value={form.weightGrams} onChange={num('weightGrams')} required error={errors.weightGrams} />
        <TextArea label={t('market.productForm.description')} value={form.description} onChange={text('description')} error={errors.description} />
        <FilePicker
          label={t('market.productForm.photos')} hint={t('market.productForm.photosHint', { max: MAX_PRODUCT_PHOTOS })} accept="image/jpeg,image/png,image/webp" multiple
          onFiles={(files) => void Promise.all(files.slice(0, MAX_PRODUCT_PHOTOS).map(fileToBase64)).then(setPhotos)} error={errors.photos ?? errors['photos.0']}
        />
        {photos.length > 0 && <p>{t('market.productForm.photosChosen', { count: photos.length })}</p>}
        <Checkbox label={t('market.productForm.hasOcop')} checked={hasOcop} onChange={(e) => setHasOcop(e.target.checked)} />
        {hasOcop && (
          <fieldset className="stack">
            <legend>{t('market.productForm.ocop')}</legend>
            <Select label={t('market.productForm.ocopStars')} value={String(ocop.stars)} onChange={(e) => setOcop((o) => ({ ...o, stars: Number(e.target.value) as OcopInput['stars'] }))} options={['3', '4', '5'].map((s) => ({ value: s, label: t('market.ocop.stars', { count: Number(s) }) }))} />
            <Select label={t('market.productForm.ocopGroup')} value={ocop.group} onChange={ocopText('group')} options={OCOP_GROUPS.map((g) => ({ value: g, label: t(`market.ocop.group.${g}`) }))} />
            <TextField label={t('market.productForm.ocopCertificate')} value={ocop.certificateNumber} onChange={ocopText('certificateNumber')} error={errors['ocop.certificateNumber']} />
            <Select label={t('market.productForm.ocopLevel')} value={ocop.level} onChange={ocopText('level')} options={OCOP_LEVELS.map((l) => ({ value: l, label: t(`market.ocop.level.${l}`) }))} />
            <TextField label={t('market.productForm.ocopDecision')} value={ocop.decision} onChange={ocopText('decision')} error={errors['ocop.decision']} />
            <TextField label={t('market.productForm.ocopExpires')} type="date" value={ocop.expiresOn} onChange={ocopText('expiresOn')} error={errors['ocop.expiresOn']} />
          </fieldset>
        )}
        {save.isError && <Alert kind="error" live>{save.error.message}</Alert>}
        <Button type="submit" busy={save.isPending} icon="plus">{t('market.manage.addButton')}</Button>
      </form>
    </Card>
  );
}

function Sales({ shopId }: { shopId: string }) {
  const { t } = useTranslation();
  const sales = useShopSales(shopId);
  if (!sales.data) return null;
  return (
    <Card title={t('market.manage.sales')}>
      <WeeksTable weeks={sales.data.weeks} />
    </Card>
  );
}

export function WeeksTable({ weeks }: { weeks: { week: string; orders: number; salesVnd: number }[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap"><table>
      <thead><tr><th scope="col">{t('market.weeks.week')}</th><th scope="col">{t('market.weeks.orders')}</th><th scope="col">{t('market.weeks.sales')}</th></tr></thead>
      <tbody>
        {weeks.map((w) => <tr key={w.week}><td>{formatDate(w.week)}</td><td>{w.orders}</td><td>{formatVnd(w.salesVnd)}</td></tr>)}
      </tbody>
    </table></div>
  );
}
