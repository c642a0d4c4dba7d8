// Household bills: pick the service (electricity, water, telecom, school fees), type the
// customer code printed on the bill (or the phone number), see the unpaid bills with amount
// and due date, and pay them together; a prepaid line offers top-up amounts instead. The
// amount comes from the biller through the server; the page only says which bills. A code
// can be kept in "my bills" with a label of one's own.
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Select, TextField } from '../../ui/index.ts';
import { api, ApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { usePageTitle } from '../../app/installation.ts';
import { formatVnd, myBillsKey, payBills, saveBill, topUp, type BillLookup } from './api.ts';

type Service = BillLookup['service'];

/** The services in the order the picker shows them (the contract's BillService). */
const SERVICES: readonly Service[] = ['electricity', 'water', 'telecom', 'school'];

export function BillsPage() {
  const { t } = useTranslation();
  usePageTitle(t('payments.bills.title'));
  const navigate = useNavigate();
  const [service, setService] = useState<Service>('electricity');
  const [code, setCode] = useState('');
  const lookup = useMutation({
    mutationFn: () => api<BillLookup>(`/api/payments/bills?service=${service}&customerCode=${encodeURIComponent(code)}`),
  });
  const pay = useMutation({
    mutationFn: (found: BillLookup) => payBills(found.service, found.customerCode, found.bills.map((b) => b.billId)),
    onSuccess: (p) => navigate(`/payments/${p.id}`),
  });
  // one request id per looked-up line: a double tap or a retry is the same top-up
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const top = useMutation({
    mutationFn: ({ customerCode, amount }: { customerCode: string; amount: number }) => topUp(customerCode, amount, requestId),
    onSuccess: (p) => navigate(`/payments/${p.id}`),
  });
  const codeError = lookup.error instanceof ApiError ? (lookup.error.fieldErrors.find((f) => f.field === 'customerCode')?.message ?? null) : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setRequestId(crypto.randomUUID());
    lookup.mutate();
  };
  const found = lookup.data;
  const total = found?.bills.reduce((s, b) => s + b.amountVnd, 0) ?? 0;
  return (
    <div className="narrow stack">
      <h1>{t('payments.bills.title')}</h1>
      <Link to="/payments/my-bills">{t('payments.myBills.link')}</Link>
      <form onSubmit={submit} className="stack" noValidate>
        <Select
          label={t('payments.bills.service')}
          value={service}
          onChange={(e) => setService(e.target.value as Service)}
          options={SERVICES.map((s) => ({ value: s, label: t(`payments.bills.${s}`) }))}
        />
        <TextField
          label={t(service === 'telecom' ? 'payments.bills.phone' : service === 'school' ? 'payments.bills.pupil' : 'payments.bills.code')}
          hint={t(`payments.bills.hint.${service}`)}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoCapitalize="characters"
          autoComplete="off"
          inputMode={service === 'telecom' ? 'tel' : undefined}
          error={codeError}
          required
        />
        <Button type="submit" icon="search" busy={lookup.isPending}>{t('payments.bills.lookup')}</Button>
      </form>
      {lookup.isError && !codeError && <Alert kind="error" live>{lookup.error.message}</Alert>}
      {found && (
        <Card title={`${found.customerName} — ${found.customerCode}`}>
          <p>{found.address}</p>
          <p>{found.billerName}</p>
          {found.topUpAmounts && (
            <div className="stack">
              <p>{t('payments.bills.topUpChoose')}</p>
              {top.isError && <Alert kind="error" live>{top.error.message}</Alert>}
              <div className="row wrap">
                {found.topUpAmounts.map((amount) => (
                  <Button key={amount} variant="secondary" onClick={() => top.mutate({ customerCode: found.customerCode, amount })} busy={top.isPending && top.variables?.amount === amount}>
                    {t('payments.bills.topUp', { amount: formatVnd(amount) })}
                  </Button>
                ))}
              </div>
            </div>
          )}
          {!found.topUpAmounts && found.bills.length === 0 && <Alert kind="success" live>{t('payments.bills.none')}</Alert>}
          {found.bills.length > 0 && (
            <>
              <ul className="fee-list">
                {found.bills.map((b) => (
                  <li key={b.billId}>
                    {t('payments.bills.line', { period: b.period, due: formatDate(b.dueDate) })}: <strong>{formatVnd(b.amountVnd)}</strong>
                  </li>
                ))}
              </ul>
              {pay.isError && <Alert kind="error" live>{pay.error.message}</Alert>}
              <Button icon="check" onClick={() => pay.mutate(found)} busy={pay.isPending}>
                {t('payments.bills.payAll', { amount: formatVnd(total) })}
              </Button>
            </>
          )}
          <SaveCode found={found} />
        </Card>
      )}
    </div>
  );
}

/** Keep this code in "my bills" under a label of one's own ("Điện nhà mẹ"). */
function SaveCode({ found }: { found: BillLookup }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [label, setLabel] = useState('');
  const save = useMutation({
    mutationFn: () => saveBill({ service: found.service, customerCode: found.customerCode, label }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: myBillsKey }),
  });
  const labelError = save.error instanceof ApiError ? (save.error.fieldErrors.find((f) => f.field === 'label')?.message ?? null) : null;
  if (save.isSuccess) return <Alert kind="success" live>{t('payments.myBills.saved', { label: save.data.label })} <Link to="/payments/my-bills">{t('payments.myBills.link')}</Link></Alert>;
  return (
    <form
      className="stack"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <TextField label={t('payments.myBills.label')} hint={t('payments.myBills.labelHint')} value={label} onChange={(e) => setLabel(e.target.value)} maxLength={60} error={labelError} />
      {save.isError && !labelError && <Alert kind="error" live>{save.error.message}</Alert>}
      <Button type="submit" variant="secondary" icon="plus" busy={save.isPending}>{t('payments.myBills.save')}</Button>
    </form>
  );
}
