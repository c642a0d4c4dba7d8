// Hóa đơn của tôi: the customer codes a citizen keeps ("Điện nhà mẹ"), what is due on each
// now, paid from here in one tap; reminders before a due date can be turned off per code.
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ButtonLink, Card, EmptyState, ErrorState, Loading, Switch } from '../../ui/index.ts';
import { formatDate } from '../../lib/format.ts';
import { usePageTitle } from '../../app/installation.ts';
import { formatVnd, myBillsKey, payBills, removeSavedBill, updateSavedBill, useMyBills, type SavedBill } from './api.ts';

export function MyBillsPage() {
  const { t } = useTranslation();
  usePageTitle(t('payments.myBills.title'));
  const bills = useMyBills();
  return (
    <div className="narrow stack">
      <h1>{t('payments.myBills.title')}</h1>
      <ButtonLink to="/payments/bills" icon="plus">{t('payments.myBills.add')}</ButtonLink>
      {bills.isPending && <Loading />}
      {bills.isError && <ErrorState error={bills.error} onRetry={() => void bills.refetch()} />}
      {bills.data && bills.data.items.length === 0 && <EmptyState title={t('payments.myBills.emptyTitle')}>{t('payments.myBills.empty')}</EmptyState>}
      {bills.data?.items.map((b) => <SavedBillCard key={b.id} bill={b} />)}
    </div>
  );
}

function SavedBillCard({ bill }: { bill: SavedBill }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: myBillsKey });
  const pay = useMutation({
    mutationFn: () => payBills(bill.service, bill.customerCode, bill.lookup!.bills.map((b) => b.billId)),
    onSuccess: (p) => navigate(`/payments/${p.id}`),
  });
  const remind = useMutation({ mutationFn: (on: boolean) => updateSavedBill(bill.id, { reminders: on }), onSuccess: refresh });
  const remove = useMutation({ mutationFn: () => removeSavedBill(bill.id), onSuccess: refresh });
  const due = bill.lookup?.bills ?? [];
  const total = due.reduce((s, b) => s + b.amountVnd, 0);
  return (
    <Card title={bill.label}>
      <p>
        {t(`payments.bills.${bill.service}`)} · {bill.customerCode}
        {bill.lookup && ` · ${bill.lookup.customerName}`}
      </p>
      {!bill.lookup && <Alert kind="info">{t('payments.myBills.unavailable')}</Alert>}
      {bill.lookup && due.length === 0 && <Alert kind="success">{t(bill.lookup.topUpAmounts ? 'payments.myBills.prepaid' : 'payments.bills.none')}</Alert>}
      {due.length > 0 && (
        <>
          <ul className="fee-list">
            {due.map((b) => (
              <li key={b.billId}>
                {t('payments.bills.line', { period: b.period, due: formatDate(b.dueDate) })}: <strong>{formatVnd(b.amountVnd)}</strong>
              </li>
            ))}
          </ul>
          {pay.isError && <Alert kind="error" live>{pay.error.message}</Alert>}
          <Button icon="check" onClick={() => pay.mutate()} busy={pay.isPending}>{t('payments.bills.payAll', { amount: formatVnd(total) })}</Button>
        </>
      )}
      <Switch
        checked={bill.reminders}
        onChange={(on) => remind.mutate(on)}
        disabled={remind.isPending}
        label={t('payments.myBills.reminders')}
        description={t('payments.myBills.remindersHint')}
      />
      {(remind.isError || remove.isError) && <Alert kind="error" live>{(remind.error ?? remove.error)?.message}</Alert>}
      <Button variant="secondary" icon="trash" onClick={() => remove.mutate()} busy={remove.isPending}>{t('payments.myBills.remove')}</Button>
    </Card>
  );
}
