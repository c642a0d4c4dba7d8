// One procedure in plain words: how long, how much, where, what to bring (with blank
// forms to download), the steps, the legal basis, and the button to apply online.
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, ButtonAnchor, ButtonLink, Card, ErrorState, List, ListItem, Loading } from '../../ui/index.ts';
import { useInstallation, usePageTitle } from '../../app/installation.ts';
import { formatNumber } from '../../lib/format.ts';
import { daysKey, useProcedureDetail, type ProcedureDetail } from './api.ts';
import './procedures.css';

export function ProcedurePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const procedure = useProcedureDetail(id);
  usePageTitle(procedure.data?.name ?? t('procedures.title'));
  if (procedure.isPending) return <Loading />;
  if (procedure.isError) return <ErrorState error={procedure.error} onRetry={() => void procedure.refetch()} />;
  return <Detail p={procedure.data} />;
}

function Detail({ p }: { p: ProcedureDetail }) {
  const { t } = useTranslation();
  const installation = useInstallation();
  const canApply = p.online && !!installation.data?.features.some((f) => f.key === 'dossiers');
  const days = daysKey(p.processingDays);
  return (
    <div className="stack">
      <ButtonLink to="/procedures" variant="ghost" icon="chevronLeft" className="back-link">{t('procedures.detail.back')}</ButtonLink>
      <header className="stack--tight">
        <h1>{p.name}</h1>
        <p className="muted">{p.sector} · {t('procedures.detail.code', { code: p.code })}</p>
      </header>

      <Card title={t('procedures.detail.summary')}>
        <dl className="procedure-summary">
          <div><dt>{t('procedures.detail.time')}</dt><dd>{t(days.key, { count: days.count })}{p.processingNote && <span className="muted"> — {p.processingNote}</span>}</dd></div>
          <div><dt>{t('procedures.detail.fee')}</dt><dd>{p.feeSummary}</dd></div>
          <div><dt>{t('procedures.detail.where')}</dt><dd>{p.agencyLabel}</dd></div>
          <div><dt>{t('procedures.detail.result')}</dt><dd>{p.result}</dd></div>
          <div><dt>{t('procedures.detail.who')}</dt><dd>{p.applicants}</dd></div>
          <div><dt>{t('procedures.detail.online')}</dt><dd>{t(`procedures.level.${p.level}`)}</dd></div>
        </dl>
        {canApply && (
          <ButtonLink to={`/dossiers/apply/${p.id}`} icon="document" block className="apply-button">{t('procedures.detail.apply')}</ButtonLink>
        )}
        {!p.online && p.externalUrl && (
          <>
            <Alert kind="info">{t('procedures.detail.elsewhere')}</Alert>
            <ButtonAnchor href={p.externalUrl} target="_blank" rel="noopener noreferrer" variant="secondary" icon="globe" block>{t('procedures.detail.openPortal')}</ButtonAnchor>
          </>
        )}
      </Card>

      <Card title={t('procedures.detail.documents')}>
        <List>
          {p.requiredDocuments.map((d) => (
            <ListItem
              key={d.key}
              icon={d.templateUrl ? 'download' : 'document'}
              title={d.name}
              description={[
                d.required ? t('procedures.detail.required') : t('procedures.detail.optional'),
                d.originals ? t('procedures.detail.originals', { count: d.originals }) : '',
                d.copies ? t('procedures.detail.copies', { count: d.copies }) : '',
                d.templateUrl ? t('procedures.detail.downloadTemplate') : '',
              ].filter(Boolean).join(' · ')}
              href={d.templateUrl ?? undefined}
              download={!!d.templateUrl}
            />
          ))}
        </List>
      </Card>

      {p.fees.some((f) => f.amountVnd > 0 || f.note) && (
        <Card title={t('procedures.detail.fees')}>
          <ul className="plain-list">
            {p.fees.map((f) => (
              <li key={f.name}>
                <strong>{f.name}:</strong> {f.amountVnd > 0 ? t('procedures.detail.amount', { amount: formatNumber(f.amountVnd) }) : t('procedures.detail.free')}
                {f.note && <span className="muted"> — {f.note}</span>}
              </li>
            ))}
          </ul>
        </Card>
      )}

      <Card title={t('procedures.detail.steps')}>
        <ol className="procedure-steps">{p.steps.map((s) => <li key={s}>{s}</li>)}</ol>
      </Card>

      <Card title={t('procedures.detail.legal')}>
        <ul className="plain-list">{p.legalBasis.map((l) => <li key={l}>{l}</li>)}</ul>
      </Card>
    </div>
  );
}
