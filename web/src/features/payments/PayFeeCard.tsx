// The dossier's fees on its page, with "pay online" while some are unpaid and the dossier
// is open. The server decides the amount; the button only starts (or finds again) the payment.
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DossierDetail } from '@cds/contracts/dossiers';
import { Alert, Button, Card } from '../../ui/index.ts';
import { formatVnd, payDossierFee } from './api.ts';

/** Open statuses in which the fee may be paid online (new, accepted, processing, payment requested). */
const PAYABLE = [1, 2, 4, 6];

export function PayFeeCard({ dossier }: { dossier: Pick<DossierDetail, 'id' | 'status' | 'fees'> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const start = useMutation({ mutationFn: () => payDossierFee(dossier.id), onSuccess: (p) => navigate(`/payments/${p.id}`) });
  if (dossier.fees.length === 0) return null;
  const unpaid = dossier.fees.filter((f) => !f.paidAt);
  const due = unpaid.reduce((s, f) => s + f.amountVnd, 0);
  return (
    <Card title={t('payments.fees.title')}>
      <ul className="fee-list">
        {dossier.fees.map((f) => (
          <li key={f.id}>
            {f.name}: <strong>{formatVnd(f.amountVnd)}</strong>{' '}
            {f.paidAt ? `— ${t(f.method === 'online' ? 'payments.fees.paidOnline' : 'payments.fees.paid')}` : `— ${t('payments.fees.unpaid')}`}
          </li>
        ))}
      </ul>
      {dossier.status === 6 && due > 0 && <Alert kind="info">{t('payments.fees.asked', { amount: formatVnd(due) })}</Alert>}
      {start.isError && <Alert kind="error" live>{start.error.message}</Alert>}
      {due > 0 && PAYABLE.includes(dossier.status) && (
        <Button icon="check" onClick={() => start.mutate()} busy={start.isPending}>
          {t('payments.fees.pay', { amount: formatVnd(due) })}
        </Button>
      )}
    </Card>
  );
}
