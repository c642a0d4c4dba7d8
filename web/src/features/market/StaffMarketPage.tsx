// Market officers: OCOP certificates waiting for a check (verify or reject, with a note),
// and hiding a listing that breaks the rules, with the reason (both audited on the server).
import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, EmptyState, ErrorState, Loading, PageHeader, Select, TextField } from '../../ui/index.ts';
import { usePageTitle } from '../../app/installation.ts';
import { formatDate } from '../../lib/format.ts';
import { decideOcop, formatVnd, hideProduct, useStaffProducts, type Product } from './api.ts';

export function StaffMarketPage() {
  const { t } = useTranslation();
  usePageTitle(t('market.officer.title'));
  const [ocop, setOcop] = useState('pending');
  const products = useStaffProducts(ocop);
  return (
    <div className="narrow stack">
      <PageHeader title={t('market.officer.title')} back={{ to: '/market', label: t('market.title') }} />
      <Select label={t('market.officer.show')} value={ocop} onChange={(e) => setOcop(e.target.value)} options={[
        { value: 'pending', label: t('market.ocop.status.pending') }, { value: 'verified', label: t('market.ocop.status.verified') },
        { value: 'rejected', label: t('market.ocop.status.rejected') }, { value: '', label: t('market.officer.all') },
      ]} />
      {products.isPending ? <Loading /> : products.isError ? <ErrorState error={products.error} onRetry={() => void products.refetch()} /> : products.data.items.length === 0 ? (
        <EmptyState title={t('market.officer.none')} />
      ) : products.data.items.map((p) => <Row key={p.id} product={p} />)}
    </div>
  );
}

function Row({ product: p }: { product: Product }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const refresh = () => void client.invalidateQueries({ queryKey: ['market', 'staff'] });
  const decide = useMutation({ mutationFn: (verified: boolean) => decideOcop(p.id, { verified, note }), onSuccess: refresh });
  const hide = useMutation({ mutationFn: () => hideProduct(p.id, reason), onSuccess: refresh });
  return (
    <Card title={p.name} level={2}>
      <p><Link to={`/market/products/${p.id}`}>{p.shopName}</Link> · {p.communeName} · {formatVnd(p.priceVnd)}</p>
      {p.ocop && (
        <dl className="market-facts">
          <dt>{t('market.productForm.ocopStars')}</dt><dd>{t('market.ocop.stars', { count: p.ocop.stars })} ({t(`market.ocop.status.${p.ocop.status}`)})</dd>
          <dt>{t('market.productForm.ocopCertificate')}</dt><dd>{p.ocop.certificateNumber}</dd>
          <dt>{t('market.productForm.ocopDecision')}</dt><dd>{p.ocop.decision} ({t(`market.ocop.level.${p.ocop.level}`)})</dd>
          <dt>{t('market.productForm.ocopExpires')}</dt><dd>{formatDate(p.ocop.expiresOn)}</dd>
        </dl>
      )}
      {p.hiddenReason && <Alert kind="info">{t('market.product.hidden', { reason: p.hiddenReason })}</Alert>}
      {(decide.error ?? hide.error) && <Alert kind="error" live>{(decide.error ?? hide.error)?.message}</Alert>}
      {p.ocop?.status === 'pending' && (
        <div className="stack">
          <TextField label={t('market.officer.note')} value={note} onChange={(e) => setNote(e.target.value)} />
          <Button icon="check" onClick={() => decide.mutate(true)} busy={decide.isPending}>{t('market.officer.verify')}</Button>
          <Button variant="secondary" onClick={() => decide.mutate(false)} busy={decide.isPending}>{t('market.officer.reject')}</Button>
        </div>
      )}
      {!p.hiddenReason && (
        <details className="stack">
          <summary>{t('market.officer.hide')}</summary>
          <TextField label={t('market.officer.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
          <Button variant="danger" disabled={reason.trim().length < 5} onClick={() => hide.mutate()} busy={hide.isPending}>{t('market.officer.hide')}</Button>
        </details>
      )}
    </Card>
  );
}
