// The dossier's fees on its page. A fee the catalogue knows is payable right after
// submitting (no need to wait for the officer to ask); once paid it shows "Đã nộp phí" with
// the electronic receipt. The server decides the amount; the button only starts (or finds
// again) the payment, and the payment page offers VietQR or the VNPay gateway.
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DossierDetail } from '@cds/contracts/dossiers';
import { Alert, Button, ButtonAnchor, Card } from '../../ui/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { formatVnd, payDossierFee, useDossierPayments } from './api.ts';

/** Open statuses in which the fee may be paid online (new, accepted, processing, payment requested). */
const PAYABLE = [1, 2, 4, 6];

export function PayFeeCard({ dossier }: { dossier: Pick<DossierDetail, 'id' | 'status' | 'fees'> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const start = useMutation({ mutationFn: () => payDossierFee(dossier.id), onSuccess: (p) => navigate(`/payments/${p.id}`) });
  const charged = dossier.fees.filter((f) => f.amountVnd > 0);
  const unpaid = charged.filter((f) => !f.paidAt);
  const due = unpaid.reduce((s, f) => s + f.amountVnd, 0);
  const paidOnline = charged.length > 0 && unpaid.length === 0 && charged.some((f) => f.method === 'online');
  const payments = useDossierPayments(dossier.id, paidOnline);
  if (dossier.fees.length === 0) return null;
  const receipt = payments.data?.items.find((p) => p.status === 'succeeded');
  return (
    <Card title={t('payments.fees.title')}>
      <ul className="fee-list">
        {dossier.fees.map((f) => (
          <li key={f.id}>
            {f.name}: <strong>{formatVnd(f.amountVnd)}</strong>{' '}
            {f.amountVnd === 0 ? '' : f.paidAt ? `— ${t(f.method === 'online' ? 'payments.fees.paidOnline' : 'payments.fees.paid')}` : `— ${t('payments.fees.unpaid')}`}
          </li>
        ))}
      </ul>
      {charged.length > 0 && unpaid.length === 0 && (
        <Alert kind="success">
          <strong>{t('payments.fees.allPaid')}</strong>
          {receipt?.paidAt && ` — ${t('payments.fees.paidOn', { at: formatDateTime(receipt.paidAt), code: receipt.code })}`}
        </Alert>
      )}
      {receipt && (
        <ButtonAnchor href={`/api/payments/${receipt.id}/receipt.pdf`} icon="download" variant="secondary">
          {t('payments.receipt')}
        </ButtonAnchor>
      )}
      {dossier.status === 6 && due > 0 && <Alert kind="info">{t('payments.fees.asked', { amount: formatVnd(due) })}</Alert>}
      {dossier.status !== 6 && due > 0 && PAYABLE.includes(dossier.status) && <p>{t('payments.fees.payNow')}</p>}
      {start.isError && <Alert kind="error" live>{start.error.message}</Alert>}
      {due > 0 && PAYABLE.includes(dossier.status) && (
        <Button icon="check" onClick={() => start.mutate()} busy={start.isPending}>
          {t('payments.fees.pay', { amount: formatVnd(due) })}
        </Button>
      )}
    </Card>
  );
}
