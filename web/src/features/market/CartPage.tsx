// The cart of one shop and its checkout: delivery address and phone, commune, how to pay
// (VietQR to the shop's account, or cash on delivery) and how it comes (the postal carrier,
// whose fee is quoted here, or the seller). The server computes every amount again.
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Me } from '@cds/contracts/identity';
import { Alert, Button, Card, EmptyState, PageHeader, Select, TextField } from '../../ui/index.ts';
import { useInstallation, usePageTitle } from '../../app/installation.ts';
import { fieldErrorMap } from '../../lib/api.ts';
import { useCommunes } from '../account/areas.ts';
import { formatVnd, placeOrder, readCart, useShippingQuote, useShop, writeCart, type CartLine, type CreateOrder } from './api.ts';

export function CartPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  usePageTitle(t('market.cart.title'));
  const { shopId = '' } = useParams();
  const navigate = useNavigate();
  const shop = useShop(shopId);
  const installation = useInstallation();
  const communes = useCommunes(installation.data?.province.code);
  const [lines, setLines] = useState<CartLine[]>(() => readCart(shopId));
  const [address, setAddress] = useState('');
  const [phone, setPhone] = useState(me.phone ?? '');
  const [communeCode, setCommuneCode] = useState(me.communeCode ?? '');
  const [paymentMethod, setPaymentMethod] = useState<CreateOrder['paymentMethod']>('vietqr');
  const [deliveryMethod, setDeliveryMethod] = useState<CreateOrder['deliveryMethod']>('seller');
  // one key per checkout: a retry after a lost answer is the same order
  const [key] = useState(() => crypto.randomUUID());
  const subtotal = lines.reduce((s, l) => s + l.priceVnd * l.quantity, 0);
  const weight = lines.reduce((s, l) => s + l.weightGrams * l.quantity, 0);
  const quote = useShippingQuote(shopId, communeCode, weight, deliveryMethod === 'carrier');
  const order = useMutation({
    mutationFn: () => placeOrder({ shopId, items: lines.map((l) => ({ productId: l.productId, quantity: l.quantity })), address, phone, communeCode, paymentMethod, deliveryMethod }, key),
    onSuccess: (o) => {
      writeCart(shopId, []);
      void navigate(`/market/orders/${o.id}`);
    },
  });
  const errors = useMemo(() => fieldErrorMap(order.error), [order.error]);
  const setQuantity = (productId: string, quantity: number) => {
    const next = lines.map((l) => (l.productId === productId ? { ...l, quantity } : l)).filter((l) => l.quantity > 0);
    setLines(next);
    writeCart(shopId, next);
  };
  if (lines.length === 0) {
    return (
      <div className="narrow stack">
        <PageHeader title={t('market.cart.title')} back={{ to: '/market', label: t('market.title') }} />
        <EmptyState title={t('market.cart.empty')} />
      </div>
    );
  }
  return (
    <div className="narrow stack">
      <PageHeader title={t('market.cart.title')} back={{ to: '/market', label: t('market.title') }} />
      <p>{t('market.cart.shop', { name: shop.data?.name ?? '' })}</p>
      <Card title={t('market.cart.items')}>
        <ul className="stack">
          {lines.map((l) => (
            <li key={l.productId} className="market-line">
              <span>{l.name} — {formatVnd(l.priceVnd)} / {t(`market.unit.${l.unit}`)}</span>
              <TextField label={t('market.product.quantity', { unit: t(`market.unit.${l.unit}`) })} type="number" inputMode="numeric" min={0} value={String(l.quantity)} onChange={(e) => setQuantity(l.productId, Math.max(0, Math.floor(Number(e.target.value) || 0)))} />
            </li>
          ))}
        </ul>
        <p>{t('market.cart.subtotal', { amount: formatVnd(subtotal) })}</p>
      </Card>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          order.mutate();
        }}
      >
        <TextField label={t('market.cart.address')} value={address} onChange={(e) => setAddress(e.target.value)} required autoComplete="street-address" error={errors.address} />
        <TextField label={t('market.cart.phone')} value={phone} onChange={(e) => setPhone(e.target.value)} required type="tel" autoComplete="tel" error={errors.phone} />
        <Select label={t('market.cart.commune')} placeholder={t('market.cart.choose')} value={communeCode} required options={(communes.data ?? []).map((c) => ({ value: c.code, label: c.name }))} onChange={(e) => setCommuneCode(e.target.value)} error={errors.communeCode} />
        <Select
          label={t('market.cart.delivery')} value={deliveryMethod} onChange={(e) => setDeliveryMethod(e.target.value as CreateOrder['deliveryMethod'])}
          options={[{ value: 'seller', label: t('market.delivery.seller') }, { value: 'carrier', label: t('market.delivery.carrier') }]} error={errors.deliveryMethod}
        />
        {deliveryMethod === 'carrier' && quote.data && <p>{t('market.cart.shipping', { amount: formatVnd(quote.data.feeVnd) })}</p>}
        <Select
          label={t('market.cart.payment')} value={paymentMethod} onChange={(e) => setPaymentMethod(e.target.value as CreateOrder['paymentMethod'])}
          options={[{ value: 'vietqr', label: t('market.payment.vietqr') }, { value: 'cod', label: t('market.payment.cod') }]}
        />
        <p className="market-price">{t('market.cart.total', { amount: formatVnd(subtotal + (deliveryMethod === 'carrier' ? quote.data?.feeVnd ?? 0 : 0)) })}</p>
        {order.isError && <Alert kind="error" live>{order.error.message}</Alert>}
        <Button type="submit" busy={order.isPending} icon="check">{t('market.cart.place')}</Button>
      </form>
    </div>
  );
}
