// Selling: the shops I own or opened for a neighbour, and opening a new one from the phone.
// A community helper can open it for a neighbour: the neighbour receives a code by SMS and
// reads it out, which records their consent.
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SHOP_KINDS, VIETQR_BANKS } from '@cds/contracts';
import type { Me } from '@cds/contracts/identity';
import { Alert, Button, Card, Checkbox, ErrorState, Loading, PageHeader, Select, TextField } from '../../ui/index.ts';
import { can } from '../../app/auth.ts';
import { useInstallation, usePageTitle } from '../../app/installation.ts';
import { fieldErrorMap } from '../../lib/api.ts';
import { useCommunes } from '../account/areas.ts';
import { openShop, sendConsent, useMyShops, type ShopInput } from './api.ts';

export function SellPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  usePageTitle(t('market.sell.title'));
  const shops = useMyShops();
  return (
    <div className="narrow stack">
      <PageHeader title={t('market.sell.title')} back={{ to: '/market', label: t('market.title') }} />
      {shops.isPending ? <Loading /> : shops.isError ? <ErrorState error={shops.error} onRetry={() => void shops.refetch()} /> : shops.data.items.length > 0 && (
        <Card title={t('market.sell.myShops')}>
          <ul className="stack">
            {shops.data.items.map((s) => (
              <li key={s.id}>
                <Link to={`/market/sell/${s.id}`}><strong>{s.name}</strong></Link> — {s.communeName}
                {s.openedByHelper && <span className="muted"> · {t('market.sell.openedByHelper')}</span>}
              </li>
            ))}
          </ul>
        </Card>
      )}
      <OpenShopForm me={me} />
    </div>
  );
}

function OpenShopForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const installation = useInstallation();
  const communes = useCommunes(installation.data?.province.code);
  const helper = can(me, 'market.help');
  const [forNeighbour, setForNeighbour] = useState(false);
  const [form, setForm] = useState<ShopInput>({
    name: '', kind: 'household', communeCode: me.communeCode ?? '', phone: me.phone ?? '', pickupAddress: '', bankBin: VIETQR_BANKS[0].bin, bankAccount: '', bankAccountName: '', businessRegNo: null,
  });
  const [ownerPhone, setOwnerPhone] = useState('');
  const [consentCode, setConsentCode] = useState('');
  const set = (k: keyof ShopInput) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const consent = useMutation({ mutationFn: () => sendConsent(ownerPhone) });
  const open = useMutation({
    mutationFn: () => openShop({ ...form, businessRegNo: form.businessRegNo || null, ...(forNeighbour ? { ownerPhone, consentCode } : {}) }),
    onSuccess: (shop) => {
      void client.invalidateQueries({ queryKey: ['market', 'my-shops'] });
      void navigate(`/market/sell/${shop.id}`);
    },
  });
  const errors = useMemo(() => ({ ...fieldErrorMap(consent.error), ...fieldErrorMap(open.error) }), [consent.error, open.error]);
  return (
    <Card title={t('market.sell.open')}>
      <form className="stack" onSubmit={(e) => { e.preventDefault(); open.mutate(); }}>
        {helper && <Checkbox label={t('market.sell.forNeighbour')} checked={forNeighbour} onChange={(e) => setForNeighbour(e.target.checked)} />}
        {forNeighbour && (
          <div className="stack">
            <p>{t('market.sell.consentHelp')}</p>
            <TextField label={t('market.sell.ownerPhone')} type="tel" value={ownerPhone} onChange={(e) => setOwnerPhone(e.target.value)} error={errors.ownerPhone} />
            <Button variant="secondary" icon="phone" onClick={() => consent.mutate()} busy={consent.isPending} disabled={!ownerPhone}>{t('market.sell.sendCode')}</Button>
            {consent.data && <Alert kind="success" live>{t('market.sell.codeSent', { name: consent.data.ownerName })}</Alert>}
            {consent.isError && !errors.ownerPhone && <Alert kind="error" live>{consent.error.message}</Alert>}
            <TextField label={t('market.sell.consentCode')} inputMode="numeric" autoComplete="one-time-code" value={consentCode} onChange={(e) => setConsentCode(e.target.value)} error={errors.consentCode} />
          </div>
        )}
        <TextField label={t('market.shop.name')} value={form.name} onChange={set('name')} required error={errors.name} />
        <Select label={t('market.shop.kind')} value={form.kind} onChange={set('kind')} options={SHOP_KINDS.map((k) => ({ value: k, label: t(`market.shop.kinds.${k}`) }))} />
        <Select label={t('market.shop.commune')} placeholder={t('market.cart.choose')} value={form.communeCode} onChange={set('communeCode')} required options={(communes.data ?? []).map((c) => ({ value: c.code, label: c.name }))} error={errors.communeCode} />
        <TextField label={t('market.shop.phone')} type="tel" value={form.phone} onChange={set('phone')} required error={errors.phone} />
        <TextField label={t('market.shop.pickupAddress')} value={form.pickupAddress} onChange={set('pickupAddress')} required error={errors.pickupAddress} />
        <Select label={t('market.shop.bank')} value={form.bankBin} onChange={set('bankBin')} options={VIETQR_BANKS.map((b) => ({ value: b.bin, label: b.name }))} error={errors.bankBin} />
        <TextField label={t('market.shop.bankAccount')} inputMode="numeric" value={form.bankAccount} onChange={set('bankAccount')} required error={errors.bankAccount} />
        <TextField label={t('market.shop.bankAccountName')} hint={t('market.shop.bankAccountNameHint')} value={form.bankAccountName} onChange={set('bankAccountName')} required error={errors.bankAccountName} />
        <TextField label={t('market.shop.businessRegNo')} hint={t('market.shop.optional')} value={form.businessRegNo ?? ''} onChange={set('businessRegNo')} error={errors.businessRegNo} />
        {open.isError && <Alert kind="error" live>{open.error.message}</Alert>}
        <Button type="submit" busy={open.isPending} icon="check">{t('market.sell.openButton')}</Button>
      </form>
    </Card>
  );
}
