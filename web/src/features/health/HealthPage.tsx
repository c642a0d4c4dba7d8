// Sổ sức khỏe điện tử: sign in with VNeID, consent, then the summary of the person's
// electronic health record (vaccinations, visits) read now from the health system.
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { HEALTH_CONSENT_VERSION } from '@cds/contracts';
import { Alert, Button, ButtonAnchor, Card, Checkbox, EmptyState, ErrorState, List, ListItem, Loading } from '../../ui/index.ts';
import { formatDate } from '../../lib/format.ts';
import { usePageTitle } from '../../app/installation.ts';
import { EID_START, giveConsent, statusKey, useHealthRecord, useHealthStatus, withdrawConsent, type HealthRecord } from './api.ts';

/** A FHIR date may be a year, a month or a day; show what there is. */
function showDate(value: string | null): string {
  if (!value) return '—';
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value.split('-').reverse().join('/');
}

export function HealthPage() {
  const { t } = useTranslation();
  usePageTitle(t('health.title'));
  const queryClient = useQueryClient();
  const status = useHealthStatus();
  const [agreed, setAgreed] = useState(false);
  const ready = !!status.data?.eid && !!status.data.consented;
  const record = useHealthRecord(ready);
  const consent = useMutation({
    mutationFn: () => giveConsent(HEALTH_CONSENT_VERSION),
    onSuccess: (s) => queryClient.setQueryData(statusKey, s),
  });
  const withdraw = useMutation({
    mutationFn: withdrawConsent,
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: ['health-book', 'record'] });
      void queryClient.invalidateQueries({ queryKey: statusKey });
      setAgreed(false);
    },
  });

  return (
    <div className="narrow stack">
      <h1>{t('health.title')}</h1>
      {status.isPending && <Loading />}
      {status.isError && <ErrorState error={status.error} onRetry={() => void status.refetch()} />}
      {status.data && !status.data.eid && (
        <Card title={t('health.eid.title')}>
          <p>{t('health.eid.body')}</p>
          <ButtonAnchor href={EID_START} icon="idCard" block>{t('health.eid.button')}</ButtonAnchor>
        </Card>
      )}
      {status.data?.eid && !status.data.consented && (
        <Card title={t('health.consent.title')}>
          <p>{t('health.consent.body')}</p>
          <ul>
            <li>{t('health.consent.what')}</li>
            <li>{t('health.consent.noStore')}</li>
            <li>{t('health.consent.audit')}</li>
            <li>{t('health.consent.withdraw')}</li>
          </ul>
          <Checkbox label={t('health.consent.agree')} checked={agreed} onChange={(e) => setAgreed(e.target.checked)} />
          {consent.isError && <Alert kind="error" live>{consent.error.message}</Alert>}
          <Button icon="check" disabled={!agreed} busy={consent.isPending} onClick={() => consent.mutate()}>{t('health.consent.button')}</Button>
        </Card>
      )}
      {ready && (
        <>
          {record.isPending && <Loading />}
          {record.isError && <ErrorState error={record.error} onRetry={() => void record.refetch()} />}
          {record.data && <RecordView record={record.data} />}
          <Button variant="secondary" icon="close" busy={withdraw.isPending} onClick={() => withdraw.mutate()}>{t('health.withdraw')}</Button>
        </>
      )}
    </div>
  );
}

function RecordView({ record }: { record: HealthRecord }) {
  const { t } = useTranslation();
  const gender = record.patient.gender === 'male' || record.patient.gender === 'female' ? t(`health.gender.${record.patient.gender}`) : null;
  return (
    <>
      <p className="muted">{t('health.source', { source: record.source })}</p>
      {(record.patient.birthDate || gender) && (
        <p>{[record.patient.name, record.patient.birthDate ? t('health.born', { date: showDate(record.patient.birthDate) }) : null, gender].filter(Boolean).join(' · ')}</p>
      )}
      <section className="stack">
        <h2>{t('health.vaccinations')}</h2>
        {record.vaccinations.length === 0
          ? <EmptyState title={t('health.noVaccinations')} />
          : (
            <List label={t('health.vaccinations')}>
              {record.vaccinations.map((v, i) => (
                <ListItem key={i} icon="shield" title={v.dose ? t('health.dose', { vaccine: v.vaccine, dose: v.dose }) : v.vaccine}
                  description={[showDate(v.date), v.performer].filter(Boolean).join(' · ')} />
              ))}
            </List>
          )}
      </section>
      <section className="stack">
        <h2>{t('health.visits')}</h2>
        {record.visits.length === 0
          ? <EmptyState title={t('health.noVisits')} />
          : (
            <List label={t('health.visits')}>
              {record.visits.map((v, i) => (
                <ListItem key={i} icon="document" title={`${showDate(v.date)} — ${v.kind}`} description={[v.reason, v.place].filter(Boolean).join(' · ')} />
              ))}
            </List>
          )}
      </section>
    </>
  );
}
