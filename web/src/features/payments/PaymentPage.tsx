// One payment: pay by VietQR (scan with any bank app) or through the VNPay gateway, wait
// for the confirmation, then download the receipt. A retry or a second tab shows the same
// payment, so nothing is charged twice.
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ButtonAnchor, ButtonLink, Card, ErrorState, Icon, Loading } from '../../ui/index.ts';
import { currentLanguage } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../app/installation.ts';
import { demoTransfer, formatVnd, paymentKey, showVietQr, startVnpay, usePayment, type Payment, type VietQrPayment } from './api.ts';

export function PaymentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const payment = usePayment(id);
  usePageTitle(t('payments.title'));
  if (payment.isPending) return <Loading />;
  if (payment.isError) return <ErrorState error={payment.error} onRetry={() => void payment.refetch()} />;
  const p = payment.data;
  const outcome = search.get('ket-qua');
  return (
    <div className="narrow stack">
      <Link to="/payments" className="back-link">
        <Icon name="chevronLeft" />
        {t('payments.mine.title')}
      </Link>
      <h1>{t('payments.title')}</h1>
      {outcome === 'khong-thanh-cong' && p.status !== 'succeeded' && <Alert kind="error" live>{t('payments.outcome.failed')}</Alert>}
      <Card title={t('payments.codeLabel', { code: p.code })}>
        <p>{p.description}</p>
        <p className="payment-amount">{formatVnd(p.amountVnd)}</p>
        <p>
          <span className={`badge badge--payment-${p.status}`}>{t(`payments.status.${p.status}`)}</span>
        </p>
        {p.paidAt && <p>{t('payments.paidAt', { at: formatDateTime(p.paidAt) })}</p>}
        {p.link && <ButtonLink to={p.link} variant="ghost" icon="document">{t(p.purpose === 'bill' ? 'payments.backToBills' : 'payments.backToDossier')}</ButtonLink>}
      </Card>
      {p.status === 'succeeded' && <Paid payment={p} />}
      {p.status === 'pending' && <Choose payment={p} />}
      {(p.status === 'expired' || p.status === 'failed') && <Alert kind="info">{t('payments.closed')}</Alert>}
    </div>
  );
}

function Paid({ payment }: { payment: Payment }) {
  const { t } = useTranslation();
  return (
    <Card title={t('payments.done.title')}>
      <Alert kind="success" live>{t(payment.purpose === 'bill' ? 'payments.done.billBody' : 'payments.done.body')}</Alert>
      <ButtonAnchor href={`/api/payments/${payment.id}/receipt.pdf`} icon="download">
        {t('payments.receipt')}
      </ButtonAnchor>
    </Card>
  );
}

function Choose({ payment }: { payment: Payment }) {
  const { t } = useTranslation();
  const [qr, setQr] = useState<VietQrPayment | null>(null);
  const gateway = useMutation({
    mutationFn: () => startVnpay(payment.id, currentLanguage() === 'en' ? 'en' : 'vn'),
    onSuccess: (r) => window.location.assign(r.redirectUrl),
  });
  const vietqr = useMutation({ mutationFn: () => showVietQr(payment.id), onSuccess: setQr });
  return (
    <Card title={t('payments.choose.title')}>
      {(gateway.isError || vietqr.isError) && <Alert kind="error" live>{(gateway.error ?? vietqr.error)?.message}</Alert>}
      <div className="stack">
        <Button icon="briefcase" onClick={() => vietqr.mutate()} busy={vietqr.isPending} variant={qr ? 'secondary' : 'primary'}>
          {t('payments.choose.vietqr')}
        </Button>
        <Button icon="idCard" onClick={() => gateway.mutate()} busy={gateway.isPending} variant="secondary">
          {t('payments.choose.vnpay')}
        </Button>
      </div>
      {qr && <VietQr payment={payment} qr={qr} />}
    </Card>
  );
}

function VietQr({ payment, qr }: { payment: Payment; qr: VietQrPayment }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const demo = useMutation({ mutationFn: () => demoTransfer(payment.id), onSettled: () => client.invalidateQueries({ queryKey: paymentKey(payment.id) }) });
  return (
    <div className="vietqr stack">
      <h3>{t('payments.qr.title')}</h3>
      {/* the server draws the QR from the payload it built (qrcode library); it is our own SVG */}
      <div className="vietqr__code" role="img" aria-label={t('payments.qr.alt', { amount: formatVnd(qr.amountVnd) })} dangerouslySetInnerHTML={{ __html: qr.svg }} />
      <dl className="vietqr__details">
        <dt>{t('payments.qr.bank')}</dt><dd>{qr.bankName}</dd>
        <dt>{t('payments.qr.account')}</dt><dd>{qr.accountNumber} — {qr.accountName}</dd>
        <dt>{t('payments.qr.amount')}</dt><dd>{formatVnd(qr.amountVnd)}</dd>
        <dt>{t('payments.qr.purpose')}</dt><dd><strong>{qr.purpose}</strong></dd>
      </dl>
      <p>{t('payments.qr.waiting')}</p>
      {qr.demo && (
        <Button variant="secondary" onClick={() => demo.mutate()} busy={demo.isPending}>
          {t('payments.qr.demoTransfer')}
        </Button>
      )}
    </div>
  );
}
