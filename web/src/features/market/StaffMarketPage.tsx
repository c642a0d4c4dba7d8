// Market officers (staff console): complaints about shops in their area (uphold or refuse,
// with the reason), cancelled paid orders not refunded in time, OCOP certificates waiting
// for a check (verify or reject, with a note), and hiding a listing that breaks the rules.
// Every decision is audited on the server.
import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, EmptyState, ErrorState, Loading, PageHeader, Select, Tabs, TextArea, TextField } from '../../ui/index.ts';
import { usePageTitle } from '../../app/installation.ts';
import { formatDate } from '../../lib/format.ts';
import { decideComplaint, decideOcop, formatVnd, hideProduct, useOverdueRefunds, useStaffComplaints, useStaffProducts, type Complaint, type Product } from './api.ts';

export function StaffMarketPage() {
  const { t } = useTranslation();
  usePageTitle(t('market.officer.nav'));
  const [tab, setTab] = useState('complaints');
  return (
    <div className="narrow stack">
      <PageHeader title={t('market.officer.nav')} />
      <Tabs label={t('market.officer.nav')} selected={tab} onSelect={setTab} items={[
        { key: 'complaints', label: t('market.officer.complaints'), panel: <ComplaintsPanel /> },
        { key: 'refunds', label: t('market.officer.refunds'), panel: <RefundsPanel /> },
        { key: 'products', label: t('market.officer.title'), panel: <ProductsPanel /> },
      ]} />
    </div>
  );
}

function ComplaintsPanel() {
  const { t } = useTranslation();
  const [state, setState] = useState<'open' | 'closed'>('open');
  const list = useStaffComplaints(state);
  return (
    <div className="stack">
      <Select label={t('market.officer.show')} value={state} onChange={(e) => setState(e.target.value as 'open' | 'closed')} options={[
        { value: 'open', label: t('market.officer.complaints') }, { value: 'closed', label: t('market.officer.closedComplaints') },
      ]} />
      {list.isPending ? <Loading /> : list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : list.data.items.length === 0 ? (
        <EmptyState title={t('market.officer.noComplaints')} />
      ) : list.data.items.map((c) => <ComplaintRow key={c.id} complaint={c} />)}
    </div>
  );
}

function ComplaintRow({ complaint: c }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: (upheld: boolean) => decideComplaint(c.id, { upheld, reason: reason.trim() }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['market', 'staff-complaints'] }),
  });
  const open = c.status === 'open' || c.status === 'answered';
  return (
    <Card title={t(`market.complaint.reasons.${c.reason}`)} level={2}>
      <p>{t('market.officer.orderLink', { code: c.orderCode, shop: c.shopName, commune: c.communeName })} · {formatDate(c.createdAt)}</p>
      <p><span className={`badge badge--complaint-${c.status}`}>{t(`market.complaint.status.${c.status}`)}</span></p>
      <p><strong>{t('market.officer.buyerSaid')}:</strong> {c.body}</p>
      {c.photoUrl && <img className="market-complaint-photo" src={c.photoUrl} alt={t('market.complaint.photoAlt')} />}
      {c.sellerAnswer && <p><strong>{t('market.complaint.sellerAnswer')}:</strong> {c.sellerAnswer}</p>}
      {c.decisionReason && <p><strong>{t('market.complaint.decision')}:</strong> {c.decisionReason}</p>}
      {decide.isError && <Alert kind="error" live>{decide.error.message}</Alert>}
      {open && (
        <div className="stack">
          <TextArea label={t('market.officer.decisionReason')} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
          <Button icon="check" disabled={reason.trim().length < 5} onClick={() => decide.mutate(true)} busy={decide.isPending && decide.variables}>{t('market.officer.uphold')}</Button>
          <Button variant="secondary" disabled={reason.trim().length < 5} onClick={() => decide.mutate(false)} busy={decide.isPending && !decide.variables}>{t('market.officer.refuse')}</Button>
        </div>
      )}
    </Card>
  );
}

function RefundsPanel() {
  const { t } = useTranslation();
  const list = useOverdueRefunds();
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.items.length === 0) return <EmptyState title={t('market.officer.noRefunds')} />;
  return (
    <ul className="stack">
      {list.data.items.map((r) => (
        <li key={r.orderId}>{t('market.officer.refundLine', {
          code: r.orderCode, shop: r.shopName, commune: r.communeName, phone: r.shopPhone, amount: formatVnd(r.amountVnd), due: formatDate(r.dueOn), days: r.workingDaysLate,
        })}</li>
      ))}
    </ul>
  );
}

function ProductsPanel() {
  const { t } = useTranslation();
  const [ocop, setOcop] = useState('pending');
  const products = useStaffProducts(ocop);
  return (
    <div className="stack">
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
