// One order, as its buyer or its seller sees it: status, lines and totals; for the buyer the
// VietQR to the shop's account while unpaid, "I received it" and the rating; for the seller
// "money received", packed, shipped (the carrier's item code) and cancel with a reason.
// Then the refund of a cancelled paid order (seller records it, buyer confirms) and the
// complaint (khiếu nại): the buyer files it, the seller answers, the officer's decision shows.
import { useState } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, ErrorState, FilePicker, Loading, PageHeader, Select, TextArea, TextField } from '../../ui/index.ts';
import { fileToBase64 } from '../../lib/files.ts';
import { usePageTitle } from '../../app/installation.ts';
import { COMPLAINT_REASONS, type ComplaintReason } from '@cds/contracts';
import { fieldErrorMap } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import {
  answerComplaint, demoAdvance, fileComplaint, formatVnd, moveOrder, orderKey, orderReceived, paymentReceived, recordRefund, refundReceived, reviewOrder, useOrder, type Order,
} from './api.ts';

export function OrderPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const order = useOrder(id);
  usePageTitle(t('market.order.title'));
  if (order.isPending) return <Loading />;
  if (order.isError) return <ErrorState error={order.error} onRetry={() => void order.refetch()} />;
  const o = order.data;
  return (
    <div className="narrow stack">
      <PageHeader title={t('market.order.code', { code: o.code })} back={o.as === 'buyer' ? { to: '/market/orders', label: t('market.myOrders.title') } : { to: `/market/sell/${o.shopId}`, label: o.shopName }} />
      <p><span className={`badge badge--market-${o.status}`}>{t(`market.status.${o.status}`)}</span></p>
      <Card title={o.as === 'buyer' ? o.shopName : t('market.order.buyer', { name: o.buyerName })}>
        <ul className="stack">
          {o.items.map((i) => <li key={i.productId}>{i.name}: {i.quantity} {t(`market.unit.${i.unit}`)} × {formatVnd(i.priceVnd)}</li>)}
        </ul>
        {o.shippingVnd > 0 && <p>{t('market.cart.shipping', { amount: formatVnd(o.shippingVnd) })}</p>}
        <p className="market-price">{t('market.cart.total', { amount: formatVnd(o.totalVnd) })}</p>
        <dl className="market-facts">
          <dt>{t('market.order.payment')}</dt><dd>{t(`market.payment.${o.paymentMethod}`)}{o.paidAt ? ` — ${t('market.order.paidAt', { at: formatDateTime(o.paidAt) })}` : ''}</dd>
          <dt>{t('market.order.delivery')}</dt><dd>{t(`market.delivery.${o.deliveryMethod}`)}{o.trackingCode ? ` — ${t('market.order.tracking', { code: o.trackingCode })}` : ''}</dd>
          <dt>{t('market.order.address')}</dt><dd>{o.address}, {o.communeName} · {o.phone}</dd>
          <dt>{t('market.order.placed')}</dt><dd>{formatDateTime(o.createdAt)}</dd>
        </dl>
        {o.cancelReason && <Alert kind="info">{t('market.order.cancelled', { reason: o.cancelReason })}</Alert>}
      </Card>
      {o.vietqr && <VietQr order={o} />}
      {o.refund && <Refund order={o} />}
      <Actions order={o} />
      <Complaints order={o} />
    </div>
  );
}

function VietQr({ order: o }: { order: Order }) {
  const { t } = useTranslation();
  const qr = o.vietqr!;
  return (
    <Card title={t('market.qr.title')}>
      {/* the server draws the QR from the payload it built (qrcode library); it is our own SVG */}
      <div className="vietqr__code" role="img" aria-label={t('market.qr.alt', { amount: formatVnd(qr.amountVnd) })} dangerouslySetInnerHTML={{ __html: qr.svg }} />
      <dl className="market-facts">
        <dt>{t('market.qr.bank')}</dt><dd>{qr.bankName}</dd>
        <dt>{t('market.qr.account')}</dt><dd>{qr.accountNumber} — {qr.accountName}</dd>
        <dt>{t('market.qr.amount')}</dt><dd>{formatVnd(qr.amountVnd)}</dd>
        <dt>{t('market.qr.purpose')}</dt><dd><strong>{qr.purpose}</strong></dd>
      </dl>
      <p>{t('market.qr.waiting')}</p>
    </Card>
  );
}

function Actions({ order: o }: { order: Order }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const done = (next: Order) => client.setQueryData(orderKey(o.id), next);
  const act = useMutation({
    mutationFn: (action: string) => {
      if (action === 'confirm_payment') return paymentReceived(o.id);
      if (action === 'received') return orderReceived(o.id);
      if (action === 'refund_received') return refundReceived(o.id);
      if (action === 'demo_advance') return demoAdvance(o.id);
      if (action === 'cancel') return moveOrder(o.id, { to: 'cancelled', reason });
      return moveOrder(o.id, { to: action as 'confirmed' | 'packed' | 'shipping' });
    },
    onSuccess: done,
  });
  const simple = o.actions.filter((a) => !['cancel', 'review', 'complain', 'answer_complaint', 'refund'].includes(a));
  if (simple.length === 0 && !o.actions.includes('cancel') && !o.actions.includes('review')) return null;
  return (
    <Card title={t('market.order.next')}>
      {act.isError && <Alert kind="error" live>{act.error.message}</Alert>}
      <div className="stack">
        {simple.map((a) => <Button key={a} variant={a === 'demo_advance' ? 'secondary' : undefined} onClick={() => act.mutate(a)} busy={act.isPending && act.variables === a}>{t(`market.action.${a}`)}</Button>)}
      </div>
      {o.actions.includes('demo_advance') && <p className="muted">{t('market.demo.carrierHint')}</p>}
      {o.actions.includes('cancel') && (
        <details className="stack">
          <summary>{t('market.action.cancel')}</summary>
          <TextArea label={t('market.order.reason')} value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
          <Button variant="danger" disabled={reason.trim().length < 3} onClick={() => act.mutate('cancel')} busy={act.isPending && act.variables === 'cancel'}>{t('market.action.cancel')}</Button>
        </details>
      )}
      {o.actions.includes('review') && o.items.filter((i) => !i.reviewed).map((i) => <ReviewForm key={i.productId} order={o} productId={i.productId} name={i.name} onDone={done} />)}
    </Card>
  );
}

function ReviewForm({ order, productId, name, onDone }: { order: Order; productId: string; name: string; onDone: (o: Order) => void }) {
  const { t } = useTranslation();
  const [stars, setStars] = useState('5');
  const [comment, setComment] = useState('');
  const send = useMutation({ mutationFn: () => reviewOrder(order.id, { productId, stars: Number(stars), comment }), onSuccess: onDone });
  return (
    <form className="stack" onSubmit={(e) => { e.preventDefault(); send.mutate(); }}>
      <h3>{t('market.review.title', { name })}</h3>
      <Select label={t('market.review.starsLabel')} value={stars} onChange={(e) => setStars(e.target.value)} options={['5', '4', '3', '2', '1'].map((s) => ({ value: s, label: t('market.review.stars', { count: Number(s) }) }))} />
      <TextField label={t('market.review.comment')} value={comment} onChange={(e) => setComment(e.target.value)} />
      {send.isError && <Alert kind="error" live>{send.error.message}</Alert>}
      <Button type="submit" busy={send.isPending}>{t('market.review.send')}</Button>
    </form>
  );
}

/** The money of a cancelled paid order going back: what is owed and by when; the seller records the transfer. */
function Refund({ order: o }: { order: Order }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const r = o.refund!;
  const [amount, setAmount] = useState(String(r.amountVnd));
  const [reference, setReference] = useState('');
  const send = useMutation({
    mutationFn: () => recordRefund(o.id, { amountVnd: Math.floor(Number(amount) || 0), reference: reference.trim() }),
    onSuccess: (next) => client.setQueryData(orderKey(o.id), next),
  });
  const errors = fieldErrorMap(send.error);
  const money = formatVnd(r.amountVnd);
  return (
    <Card title={t('market.refund.title')}>
      {r.status === 'owed' && <Alert kind="info">{t('market.refund.owed', { amount: money, due: formatDate(r.dueOn) })}</Alert>}
      {r.status === 'sent' && <Alert kind="info">{t('market.refund.sent', { amount: money, reference: r.reference ?? '' })}</Alert>}
      {r.status === 'confirmed' && <Alert kind="success">{t('market.refund.confirmed', { amount: money })}</Alert>}
      {o.as === 'buyer' && r.status === 'sent' && <p>{t('market.refund.notArrived')}</p>}
      {o.actions.includes('refund') && (
        <form className="stack" onSubmit={(e) => { e.preventDefault(); send.mutate(); }}>
          <TextField label={t('market.refund.amount')} type="number" inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} required error={errors.amountVnd} />
          <TextField label={t('market.refund.reference')} value={reference} onChange={(e) => setReference(e.target.value)} required error={errors.reference} />
          {send.isError && !errors.amountVnd && !errors.reference && <Alert kind="error" live>{send.error.message}</Alert>}
          <Button type="submit" busy={send.isPending}>{t('market.refund.send')}</Button>
        </form>
      )}
    </Card>
  );
}

/** The order's complaints, and the forms of whoever acts next (buyer files, seller answers). */
function Complaints({ order: o }: { order: Order }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const done = (next: Order) => client.setQueryData(orderKey(o.id), next);
  if (o.complaints.length === 0 && !o.actions.includes('complain')) return null;
  return (
    <Card title={t('market.complaint.title')}>
      {o.complaints.map((c) => (
        <div key={c.id} className="stack">
          <p><span className={`badge badge--complaint-${c.status}`}>{t(`market.complaint.status.${c.status}`)}</span> {t(`market.complaint.reasons.${c.reason}`)} · {t('market.complaint.filedAt', { at: formatDateTime(c.createdAt) })}</p>
          <blockquote>{c.body}</blockquote>
          {c.photoUrl && <img className="market-complaint-photo" src={c.photoUrl} alt={t('market.complaint.photoAlt')} />}
          {c.sellerAnswer && <p><strong>{t('market.complaint.sellerAnswer')}:</strong> {c.sellerAnswer}</p>}
          {c.decisionReason && <Alert kind={c.status === 'upheld' ? 'success' : 'info'}><strong>{t('market.complaint.decision')}:</strong> {c.decisionReason}</Alert>}
          {o.actions.includes('answer_complaint') && (c.status === 'open') && <AnswerForm complaintId={c.id} onDone={done} />}
        </div>
      ))}
      {o.actions.includes('complain') && <ComplaintForm order={o} onDone={done} />}
    </Card>
  );
}

function ComplaintForm({ order, onDone }: { order: Order; onDone: (o: Order) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<ComplaintReason>(order.refund && order.refund.status !== 'confirmed' ? 'refund_missing' : 'not_received');
  const [body, setBody] = useState('');
  const [photo, setPhoto] = useState<string | null>(null);
  const send = useMutation({ mutationFn: () => fileComplaint(order.id, { reason, body: body.trim(), ...(photo ? { photo } : {}) }), onSuccess: onDone });
  const errors = fieldErrorMap(send.error);
  return (
    <details className="stack">
      <summary>{t('market.action.complain')}</summary>
      <form className="stack" onSubmit={(e) => { e.preventDefault(); send.mutate(); }}>
        <Select label={t('market.complaint.reason')} value={reason} onChange={(e) => setReason(e.target.value as ComplaintReason)} options={COMPLAINT_REASONS.map((r) => ({ value: r, label: t(`market.complaint.reasons.${r}`) }))} error={errors.reason} />
        <TextArea label={t('market.complaint.body')} value={body} onChange={(e) => setBody(e.target.value)} rows={3} required error={errors.body} />
        <FilePicker
          label={t('market.complaint.photo')} hint={t('market.complaint.photoHint')} accept="image/jpeg,image/png,image/webp"
          onFiles={(files) => void (files[0] ? fileToBase64(files[0]).then(setPhoto) : Promise.resolve(setPhoto(null)))} error={errors.photo}
        />
        <p className="muted">{t('market.complaint.hint')}</p>
        {send.isError && !errors.body && !errors.reason && !errors.photo && <Alert kind="error" live>{send.error.message}</Alert>}
        <Button type="submit" disabled={body.trim().length < 5} busy={send.isPending}>{t('market.complaint.send')}</Button>
      </form>
    </details>
  );
}

function AnswerForm({ complaintId, onDone }: { complaintId: string; onDone: (o: Order) => void }) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState('');
  const send = useMutation({ mutationFn: () => answerComplaint(complaintId, { answer: answer.trim() }), onSuccess: onDone });
  const errors = fieldErrorMap(send.error);
  return (
    <form className="stack" onSubmit={(e) => { e.preventDefault(); send.mutate(); }}>
      <TextArea label={t('market.complaint.answer')} value={answer} onChange={(e) => setAnswer(e.target.value)} rows={3} required error={errors.answer} />
      {send.isError && !errors.answer && <Alert kind="error" live>{send.error.message}</Alert>}
      <Button type="submit" disabled={answer.trim().length < 5} busy={send.isPending}>{t('market.complaint.answerSend')}</Button>
    </form>
  );
}
