// The finance console (đối soát): a finance officer picks a Vietnam day, sees what was paid
// by channel, downloads the day as CSV for the spreadsheet, and refunds a payment with a
// reason (the server audits it and, for VNPay, calls the gateway's refund).
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../app/installation.ts';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { Alert, Button, ButtonAnchor, Card, EmptyState, ErrorState, Loading, PageHeader, TextField } from '../../ui/index.ts';
import { formatVnd, type Reconciliation } from './api.ts';
import { vietnamDay } from '@cds/contracts';

/** Today in Vietnam (UTC+7, no daylight saving), as the server's day parameter. */
function vietnamToday(): string {
  return vietnamDay(new Date());
}

const reconciliationKey = (day: string) => ['payments', 'reconciliation', day] as const;

function RefundForm({ row, day, onDone }: { row: Reconciliation['items'][number]; day: string; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const refund = useMutation({
    mutationFn: () => api(`/api/payments/${row.id}/refund`, { method: 'POST', body: { reason } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: reconciliationKey(day) });
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    refund.mutate();
  };
  return (
    <form className="stack" onSubmit={submit}>
      <TextField label={t('payments.staff.refundReason')} hint={t('payments.staff.refundHint')} value={reason} onChange={(e) => setReason(e.target.value)} minLength={5} maxLength={500} required />
      {refund.isError && <Alert kind="error" live>{refund.error.message}</Alert>}
      <Button type="submit" variant="danger" busy={refund.isPending}>{t('payments.staff.refundConfirm', { amount: formatVnd(row.amountVnd) })}</Button>
    </form>
  );
}

export function StaffPaymentsPage() {
  const { t } = useTranslation();
  usePageTitle(t('payments.staff.title'));
  const [day, setDay] = useState(vietnamToday);
  const [refunding, setRefunding] = useState<string | null>(null);
  const report = useQuery({
    queryKey: reconciliationKey(day),
    queryFn: ({ signal }) => api<Reconciliation>(`/api/payments/reconciliation?day=${day}`, { signal }),
  });
  return (
    <div className="stack">
      <PageHeader title={t('payments.staff.title')} />
      <Card>
        <TextField type="date" label={t('payments.staff.day')} value={day} onChange={(e) => e.target.value && setDay(e.target.value)} />
        <ButtonAnchor href={`/api/payments/reconciliation.csv?day=${day}`} download icon="download" variant="secondary">{t('payments.staff.csv')}</ButtonAnchor>
      </Card>
      {report.isPending ? <Loading /> : report.isError ? <ErrorState error={report.error} onRetry={() => void report.refetch()} /> : (
        <>
          <Card title={t('payments.staff.totals')}>
            <ul>
              {report.data.totals.map((total) => (
                <li key={total.channel}>
                  {t('payments.staff.total', { channel: t(`payments.staff.channel.${total.channel}`), count: total.count, amount: formatVnd(total.amountVnd), refunded: formatVnd(total.refundedVnd) })}
                </li>
              ))}
            </ul>
          </Card>
          {report.data.items.length === 0 ? <EmptyState title={t('payments.staff.empty')} /> : (
            <ul className="stack" aria-label={t('payments.staff.list')}>
              {report.data.items.map((row) => (
                <li key={row.id}>
                  <Card title={`${row.code} · ${formatVnd(row.amountVnd)}`}>
                    <p>{row.description}</p>
                    <p>{t(`payments.status.${row.status}`)} · {t(`payments.staff.channel.${row.channel}`)} · {formatDateTime(row.paidAt)}{row.providerTransactionNo ? ` · ${row.providerTransactionNo}` : ''}</p>
                    {row.status === 'succeeded' && (refunding === row.id
                      ? <RefundForm row={row} day={day} onDone={() => setRefunding(null)} />
                      : <Button variant="secondary" onClick={() => setRefunding(row.id)}>{t('payments.staff.refund')}</Button>)}
                  </Card>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
