// Service-quality indicators (Quyết định 766) for leaders: on-time rate, online
// submission, digitisation, share of procedures online, time per procedure.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Card, DateField, ErrorState, Loading } from '../../ui/index.ts';
import type { IndicatorsReply as Indicators } from '@cds/contracts/dossiers';
import { api } from '../../lib/api.ts';
import { usePageTitle } from '../../app/installation.ts';
import { formatPercent } from '../../lib/format.ts';
import { vietnamDay } from '@cds/contracts';

const today = () => vietnamDay(new Date());
const pct = (r: number | null) => (r === null ? '—' : formatPercent(r));

export function LeaderIndicatorsPage() {
  const { t } = useTranslation();
  usePageTitle(t('dossiers.indicators.title'));
  const [from, setFrom] = useState(`${today().slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today());
  const data = useQuery({
    queryKey: ['indicators', from, to],
    queryFn: ({ signal }) => api<Indicators>(`/api/indicators/services?from=${from}&to=${to}`, { signal }),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to),
  });
  const rates = data.data ? (['onTimeRate', 'onlineSubmissionRate', 'digitisationRate', 'onlineProcedureShare'] as const) : [];
  return (
    <div className="stack">
      <h1>{t('dossiers.indicators.title')}</h1>
      <div className="row wrap">
        <DateField label={t('dossiers.indicators.from')} value={from} onChange={setFrom} />
        <DateField label={t('dossiers.indicators.to')} value={to} onChange={setTo} />
      </div>
      {data.isPending && <Loading />}
      {data.isError && <ErrorState error={data.error} onRetry={() => void data.refetch()} />}
      {data.data && (
        <>
          <div className="tiles">
            {rates.map((k) => (
              <Card key={k} title={t(`dossiers.indicators.${k}`)}>
                <p className="big-number">{pct(data.data[k].rate)}</p>
                <p className="muted">
                  {t('dossiers.indicators.ofTotal', { n: data.data[k].numerator, total: data.data[k].denominator })}
                  {data.data[k].target !== null && ` · ${t('dossiers.indicators.target', { target: pct(data.data[k].target) })}`}
                </p>
              </Card>
            ))}
          </div>
          <p>{t('dossiers.indicators.late', { late: data.data.late, apologies: data.data.apologies })}</p>
          <Card title={t('dossiers.indicators.perProcedure')}>
            <table className="table">
              <thead>
                <tr><th scope="col">{t('dossiers.indicators.procedure')}</th><th scope="col">{t('dossiers.indicators.finished')}</th><th scope="col">{t('dossiers.indicators.days')}</th></tr>
              </thead>
              <tbody>
                {data.data.averageProcessingTime.map((p) => (
                  <tr key={p.procedureId}><td>{p.procedureName}</td><td>{p.finished}</td><td>{p.averageWorkingDays}</td></tr>
                ))}
              </tbody>
            </table>
          </Card>
        </>
      )}
    </div>
  );
}
