// Leaders' payment figures: per Vietnam day, the share of dossiers whose fees were paid
// online (a Decision 766 input), also per agency and per commune, and the share of payments
// made without cash.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Card, DateField, ErrorState, Loading } from '../../ui/index.ts';
import { api } from '../../lib/api.ts';
import { formatDate, formatNumber, formatPercent, vietnamToday } from '../../lib/format.ts';
import { usePageTitle } from '../../app/installation.ts';
import { formatVnd, type PaymentFigures, type PaymentFiguresPlace } from './api.ts';

/** The server gives percentages with one decimal; the formatter takes a ratio. */
const pct = (share: number | null) => (share === null ? '—' : formatPercent(share / 100));
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function LeaderPaymentsPage() {
  const { t } = useTranslation();
  usePageTitle(t('payments.leader.title'));
  const today = vietnamToday();
  const [from, setFrom] = useState(new Date(Date.parse(`${today}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10));
  const [to, setTo] = useState(today);
  const data = useQuery({
    queryKey: ['payments', 'figures', from, to],
    queryFn: ({ signal }) => api<PaymentFigures>(`/api/payments/figures?from=${from}&to=${to}`, { signal }),
    enabled: DAY.test(from) && DAY.test(to),
  });
  const total = data.data?.total;
  return (
    <div className="stack">
      <h1>{t('payments.leader.title')}</h1>
      <div className="row wrap">
        <DateField label={t('payments.leader.from')} value={from} onChange={setFrom} />
        <DateField label={t('payments.leader.to')} value={to} onChange={setTo} />
      </div>
      {data.isPending && <Loading />}
      {data.isError && <ErrorState error={data.error} onRetry={() => void data.refetch()} />}
      {data.data && total && (
        <>
          <div className="tiles">
            <Card title={t('payments.leader.feesOnline')}>
              <p className="big-number">{pct(total.feesOnlineShare)}</p>
              <p className="muted">{t('payments.leader.ofDossiers', { n: formatNumber(total.feesPaidOnline), total: formatNumber(total.feesPaid) })}</p>
            </Card>
            <Card title={t('payments.leader.cashless')}>
              <p className="big-number">{pct(total.cashlessShare)}</p>
              <p className="muted">{t('payments.leader.ofPayments', { n: formatNumber(total.cashless), total: formatNumber(total.payments), amount: formatVnd(total.cashlessVnd) })}</p>
            </Card>
          </div>
          <Card title={t('payments.leader.perDay')}>
            <div className="table-scroll">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('payments.leader.day')}</th>
                    <th scope="col">{t('payments.leader.feesPaid')}</th>
                    <th scope="col">{t('payments.leader.feesOnline')}</th>
                    <th scope="col">{t('payments.leader.payments')}</th>
                    <th scope="col">{t('payments.leader.cashless')}</th>
                    <th scope="col">{t('payments.leader.cashlessVnd')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.data.days.map((d) => (
                    <tr key={d.day}>
                      <td>{formatDate(d.day)}</td>
                      <td>{formatNumber(d.feesPaid)}</td>
                      <td>{pct(d.feesOnlineShare)}</td>
                      <td>{formatNumber(d.payments)}</td>
                      <td>{pct(d.cashlessShare)}</td>
                      <td>{formatVnd(d.cashlessVnd)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
          <PlaceTable title={t('payments.leader.byAgency')} placeLabel={t('payments.leader.agency')} places={data.data.byAgency} />
          <PlaceTable title={t('payments.leader.byCommune')} placeLabel={t('payments.leader.commune')} places={data.data.byCommune} />
        </>
      )}
    </div>
  );
}

function PlaceTable({ title, placeLabel, places }: { title: string; placeLabel: string; places: PaymentFiguresPlace[] }) {
  const { t } = useTranslation();
  return (
    <Card title={title}>
      {places.length === 0 ? (
        <p className="muted">{t('payments.leader.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{placeLabel}</th>
                <th scope="col">{t('payments.leader.feesPaid')}</th>
                <th scope="col">{t('payments.leader.feesOnline')}</th>
              </tr>
            </thead>
            <tbody>
              {places.map((p) => (
                <tr key={p.key}>
                  <td>{p.name}</td>
                  <td>{formatNumber(p.feesPaid)}</td>
                  <td>{pct(p.feesOnlineShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
