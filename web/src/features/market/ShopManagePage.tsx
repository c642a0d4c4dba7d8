// One shop for its seller (or the helper who opened it): list a product with photos and an
// optional OCOP certificate, the products (with an officer's reason when hidden), the
// orders to handle, and orders and sales per week. The shop's details (name, description,
// hours, commune, bank account) and each product's photos (reorder, remove, add within five)
// and OCOP block (a changed block waits for an officer again) can be edited.
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MAX_PRODUCT_PHOTOS, OCOP_GROUPS, OCOP_LEVELS, PRODUCT_CATEGORIES, PRODUCT_UNITS, VIETQR_BANKS } from '@cds/contracts';
import type { OcopInput } from '@cds/contracts/market';
import { Alert, Button, Card, Checkbox, ErrorState, FilePicker, Loading, PageHeader, Select, TextArea, TextField } from '../../ui/index.ts';
import { useInstallation, usePageTitle } from '../../app/installation.ts';
import { useCommunes } from '../account/areas.ts';
import { fieldErrorMap } from '../../lib/api.ts';
import { fileToBase64 } from '../../lib/files.ts';
import { formatDate } from '../../lib/format.ts';
import {
  addProduct, formatVnd, setProductPhotos, updateProduct, updateShop, useShop, useShopOrders, useShopProducts, useShopSales, type Product, type ProductInput, type ProductPhotos,
  type Shop, type ShopPatch,
} from './api.ts';
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
      {shop.data.openingHours && <p>{t('market.manage.hours')}: {shop.data.openingHours}</p>}
      <EditShop key={shop.data.id} shop={shop.data} />
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
              <EditPhotos key={p.photos.map((ph) => ph.fileId).join()} product={p} />
              <EditOcop product={p} />
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

/** The shop's details, as when opening it; only what changed is sent. */
function EditShop({ shop }: { shop: Shop }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const installation = useInstallation();
  const communes = useCommunes(installation.data?.province.code);
  const [form, setForm] = useState({
    name: shop.name, description: shop.description, openingHours: shop.openingHours, communeCode: shop.communeCode, phone: shop.phone, pickupAddress: shop.pickupAddress,
    bankBin: shop.bankBin, bankAccount: shop.bankAccount, bankAccountName: shop.bankAccountName,
  });
  const save = useMutation({
    mutationFn: () => {
      const before: Record<string, unknown> = shop;
      const patch = Object.fromEntries(Object.entries(form).filter(([k, v]) => v !== before[k])) as ShopPatch;
      return Object.keys(patch).length === 0 ? Promise.resolve(shop) : updateShop(shop.id, patch);
    },
    onSuccess: (next) => {
      client.setQueryData(['market', 'shop', shop.id], next);
      void client.invalidateQueries({ queryKey: ['market', 'my-shops'] });
    },
  });
  const errors = fieldErrorMap(save.error);
  const field = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  return (
    <details className="card">
      <summary>{t('market.manage.editShop')}</summary>
      <form className="stack" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        {save.isSuccess && <Alert kind="success" live>{t('market.manage.shopSaved')}</Alert>}
        <TextField label={t('market.shop.name')} value={form.name} onChange={field('name')} required error={errors.name} />
        <TextArea label={t('market.manage.description')} value={form.description} onChange={field('description')} rows={3} error={errors.description} />
        <TextField label={t('market.manage.hours')} hint={t('market.manage.hoursHint')} value={form.openingHours} onChange={field('openingHours')} error={errors.openingHours} />
        <Select label={t('market.shop.commune')} value={form.communeCode} onChange={field('communeCode')} required options={(communes.data ?? [{ code: shop.communeCode, name: shop.communeName }]).map((c) => ({ value: c.code, label: c.name }))} error={errors.communeCode} />
        <TextField label={t('market.shop.phone')} type="tel" value={form.phone} onChange={field('phone')} required error={errors.phone} />
        <TextField label={t('market.shop.pickupAddress')} value={form.pickupAddress} onChange={field('pickupAddress')} required error={errors.pickupAddress} />
        <Select label={t('market.shop.bank')} value={form.bankBin} onChange={field('bankBin')} options={VIETQR_BANKS.map((b) => ({ value: b.bin, label: b.name }))} error={errors.bankBin} />
        <TextField label={t('market.shop.bankAccount')} inputMode="numeric" value={form.bankAccount} onChange={field('bankAccount')} required error={errors.bankAccount} />
        <TextField label={t('market.shop.bankAccountName')} value={form.bankAccountName} onChange={field('bankAccountName')} required error={errors.bankAccountName} />
        {save.isError && Object.keys(errors).length === 0 && <Alert kind="error" live>{save.error.message}</Alert>}
        <Button type="submit" busy={save.isPending}>{t('market.manage.save')}</Button>
      </form>
    </details>
  );
}

type PhotoSlot = { fileId: string; thumbUrl: string } | { data: string; thumbUrl: string };

/** Reorder, remove and add a product's photos (five at most); saved together in the new order. */
function EditPhotos({ product: p }: { product: Product }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [slots, setSlots] = useState<PhotoSlot[]>(p.photos.map((ph) => ({ fileId: ph.fileId, thumbUrl: ph.thumbUrl })));
  const save = useMutation({
    mutationFn: () => setProductPhotos(p.id, { photos: slots.map((s): ProductPhotos['photos'][number] => ('fileId' in s ? { fileId: s.fileId } : { data: s.data })) }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['market', 'shop-products', p.shopId] }),
  });
  const errors = fieldErrorMap(save.error);
  const up = (i: number) => setSlots((list) => list.map((s, j) => (j === i - 1 ? list[i]! : j === i ? list[i - 1]! : s)));
  const remove = (i: number) => setSlots((list) => list.filter((_, j) => j !== i));
  return (
    <details>
      <summary>{t('market.manage.photos')}</summary>
      <div className="stack">
        <ol className="market-photo-edit">
          {slots.map((s, i) => (
            <li key={'fileId' in s ? s.fileId : `new-${i}`}>
              <img src={s.thumbUrl} alt={'fileId' in s ? t('market.manage.photo', { n: i + 1 }) : t('market.manage.newPhoto', { n: i + 1 })} />
              {i > 0 && <Button variant="secondary" onClick={() => up(i)}>{t('market.manage.photoUp', { n: i + 1 })}</Button>}
              <Button variant="secondary" onClick={() => remove(i)}>{t('market.manage.photoRemove', { n: i + 1 })}</Button>
              {errors[`photos.${i}.data`] && <p className="field__error">{errors[`photos.${i}.data`]}</p>}
            </li>
          ))}
        </ol>
        {slots.length < MAX_PRODUCT_PHOTOS && (
          <FilePicker
            label={t('market.manage.photoAdd')} hint={t('market.productForm.photosHint', { max: MAX_PRODUCT_PHOTOS })} accept="image/jpeg,image/png,image/webp" multiple
            onFiles={(files) => void Promise.all(files.slice(0, MAX_PRODUCT_PHOTOS - slots.length).map(fileToBase64)).then((data) => setSlots((list) => [
              ...list, ...data.map((d) => ({ data: d, thumbUrl: d.startsWith('data:') ? d : `data:image/jpeg;base64,${d}` })),
            ].slice(0, MAX_PRODUCT_PHOTOS)))}
          />
        )}
        {save.isSuccess && <Alert kind="success" live>{t('market.manage.photosSaved')}</Alert>}
        {save.isError && <Alert kind="error" live>{save.error.message}</Alert>}
        <Button onClick={() => save.mutate()} busy={save.isPending}>{t('market.manage.photosSave')}</Button>
      </div>
    </details>
  );
}

/** The OCOP block; saving it sends it back to "awaiting verification" (the server clears the badge). */
function EditOcop({ product: p }: { product: Product }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [ocop, setOcop] = useState<OcopInput>(p.ocop ? {
    stars: p.ocop.stars, group: p.ocop.group, certificateNumber: p.ocop.certificateNumber, level: p.ocop.level, decision: p.ocop.decision, expiresOn: p.ocop.expiresOn,
  } : NO_OCOP);
  const save = useMutation({
    mutationFn: (value: OcopInput | null) => updateProduct(p.id, { ocop: value }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['market', 'shop-products', p.shopId] }),
  });
  const errors = fieldErrorMap(save.error);
  const ocopText = (k: 'certificateNumber' | 'decision' | 'expiresOn' | 'group' | 'level') => (e: { target: { value: string } }) => setOcop((o) => ({ ...o, [k]: e.target.value }));
  return (
    <details>
      <summary>{t('market.manage.ocopEdit')}</summary>
      <form className="stack" onSubmit={(e) => { e.preventDefault(); save.mutate(ocop); }}>
        <p className="muted">{t('market.manage.ocopAgain')}</p>
        <Select label={t('market.productForm.ocopStars')} value={String(ocop.stars)} onChange={(e) => setOcop((o) => ({ ...o, stars: Number(e.target.value) as OcopInput['stars'] }))} options={['3', '4', '5'].map((s) => ({ value: s, label: t('market.ocop.stars', { count: Number(s) }) }))} />
        <Select label={t('market.productForm.ocopGroup')} value={ocop.group} onChange={ocopText('group')} options={OCOP_GROUPS.map((g) => ({ value: g, label: t(`market.ocop.group.${g}`) }))} />
        <TextField label={t('market.productForm.ocopCertificate')} value={ocop.certificateNumber} onChange={ocopText('certificateNumber')} error={errors['ocop.certificateNumber']} />
        <Select label={t('market.productForm.ocopLevel')} value={ocop.level} onChange={ocopText('level')} options={OCOP_LEVELS.map((l) => ({ value: l, label: t(`market.ocop.level.${l}`) }))} />
        <TextField label={t('market.productForm.ocopDecision')} value={ocop.decision} onChange={ocopText('decision')} error={errors['ocop.decision']} />
        <TextField label={t('market.productForm.ocopExpires')} type="date" value={ocop.expiresOn} onChange={ocopText('expiresOn')} error={errors['ocop.expiresOn']} />
        {save.isSuccess && <Alert kind="success" live>{t(`market.ocop.status.${save.data.ocop?.status ?? 'pending'}`)}</Alert>}
        {save.isError && <Alert kind="error" live>{save.error.message}</Alert>}
        <Button type="submit" busy={save.isPending}>{t('market.manage.ocopSave')}</Button>
        {p.ocop && <Button variant="secondary" onClick={() => save.mutate(null)}>{t('market.manage.ocopRemove')}</Button>}
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
