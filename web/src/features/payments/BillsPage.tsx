// Household bills: pick the service, type the customer code printed on the bill, see the
// unpaid bills with amount and due date, and pay them together. The amount comes from the
// biller through the server; the page only says which bills.
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Select, TextField } from '../../ui/index.ts';
import { api, ApiError } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import { usePageTitle } from '../../app/installation.ts';
import { formatVnd, payBills, type BillLookup } from './api.ts';

type Service = BillLookup['service'];

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
  const codeError = lookup.error instanceof ApiError ? (lookup.error.fieldErrors.find((f) => f.field === 'customerCode')?.message ?? null) : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    lookup.mutate();
  };
  const found = lookup.data;
  const total = found?.bills.reduce((s, b) => s + b.amountVnd, 0) ?? 0;
  return (
    <div className="narrow stack">
      <h1>{t('payments.bills.title')}</h1>
      <form onSubmit={submit} className="stack" noValidate>
        <Select
          label={t('payments.bills.service')}
          value={service}
          onChange={(e) => setService(e.target.value as Service)}
          options={[{ value: 'electricity', label: t('payments.bills.electricity') }, { value: 'water', label: t('payments.bills.water') }]}
        />
        <TextField
          label={t('payments.bills.code')}
          hint={t('payments.bills.codeHint')}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoCapitalize="characters"
          autoComplete="off"
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
          {found.bills.length === 0 && <Alert kind="success" live>{t('payments.bills.none')}</Alert>}
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
        </Card>
      )}
    </div>
  );
}
