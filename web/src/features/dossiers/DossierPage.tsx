// One dossier for its applicant: status, appointment, what is missing (and supplying it),
// letters as PDF, the result, withdrawing and rating.
import { useState, type FormEvent } from 'react';
import { useLocation, useParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ButtonAnchor, ButtonLink, Card, ErrorState, FilePicker, Loading, PageHeader, TextField } from '../../ui/index.ts';
import { api } from '../../lib/api.ts';
import { usePageTitle } from '../../app/installation.ts';
import { ACCEPTED_FILES, checkFile, dossierKey, useDossier, type DossierDetail } from './api.ts';
import { fileToBase64 } from '../../lib/files.ts';
import { Appointment, Letters, MissingList, StatusBadge, Timeline } from './parts.tsx';
import { PayFeeCard } from '../payments/PayFeeCard.tsx';

export function DossierPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const dossier = useDossier(id);
  usePageTitle(dossier.data?.code ?? t('dossiers.title'));
  if (dossier.isPending) return <Loading />;
  if (dossier.isError) return <ErrorState error={dossier.error} onRetry={() => void dossier.refetch()} />;
  const d = dossier.data;
  const justSubmitted = (location.state as { justSubmitted?: boolean } | null)?.justSubmitted;
  return (
    <div className="narrow stack">
      <PageHeader back={{ to: '/dossiers', label: t('dossiers.mine.title') }} title={d.procedureName} />
      {justSubmitted && <Alert kind="success" live>{t('dossiers.submitted', { code: d.code })}</Alert>}
      <Card title={d.code ? t('dossiers.codeLabel', { code: d.code }) : t('dossiers.draft')}>
        <p>
          <StatusBadge status={d.status} name={d.statusName} />
        </p>
        <p>
          <Appointment date={d.appointmentDate} deadline={d.deadline} />
        </p>
        {d.code && (
          <ButtonAnchor href={`/api/dossiers/${d.id}/receipt.pdf`} target="_blank" rel="noopener" icon="download" variant="secondary">
            {t('dossiers.receipt')}
          </ButtonAnchor>
        )}
      </Card>
      {d.status === 0 && <DraftActions dossier={d} />}
      <PayFeeCard dossier={d} />
      {d.status === 5 && <MissingList items={d.missingDocuments} />}
      {d.allowedActions.includes('supply_documents') && <SupplyForm dossier={d} />}
      {d.hasResult && d.status === 10 && (
        <ButtonAnchor href={`/api/dossiers/${d.id}/result`} icon="download">
          {t('dossiers.result')}
        </ButtonAnchor>
      )}
      <h2 className="section-title">{t('dossiers.letters')}</h2>
      <Letters dossier={d} />
      <h2 className="section-title">{t('dossiers.timeline')}</h2>
      <Timeline entries={d.timeline} />
      {[3, 8, 10].includes(d.status) && <RatingForm dossier={d} />}
      {d.allowedActions.includes('withdraw') && <WithdrawForm dossier={d} />}
    </div>
  );
}

function useDossierAction(d: DossierDetail, path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api<DossierDetail>(`/api/dossiers/${d.id}/${path}`, { method: 'POST', body }),
    onSuccess: (updated) => {
      client.setQueryData(dossierKey(d.id), updated);
      void client.invalidateQueries({ queryKey: ['dossiers'] });
    },
  });
}

function DraftActions({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const submit = useDossierAction(dossier, 'submit');
  return (
    <Card title={t('dossiers.draftTitle')}>
      {submit.isError && <Alert kind="error" live>{submit.error.message}</Alert>}
      <div className="row">
        <ButtonLink to={`/dossiers/apply/${dossier.procedureId}?draft=${dossier.id}`} icon="edit" variant="secondary">
          {t('dossiers.editDraft')}
        </ButtonLink>
        <Button icon="check" busy={submit.isPending} onClick={() => submit.mutate(undefined)}>
          {t('dossiers.apply.submit')}
        </Button>
      </div>
    </Card>
  );
}

function SupplyForm({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const supply = useDossierAction(dossier, 'supply');
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (files.length === 0) return setError(t('dossiers.supply.chooseFile'));
    for (const f of files) {
      const verdict = await checkFile(f);
      if (verdict !== 'ok') return setError(t(verdict === 'size' ? 'dossiers.apply.fileTooLarge' : 'dossiers.apply.fileType'));
    }
    const key = dossier.missingDocuments[0]?.key ?? 'other';
    supply.mutate({ attachments: await Promise.all(files.map(async (f) => ({ docKey: key, fileName: f.name, contentBase64: await fileToBase64(f) }))) });
  };
  return (
    <Card title={t('dossiers.supply.title')}>
      <form className="stack" onSubmit={(e) => void onSubmit(e)} noValidate>
        {(error || supply.isError) && <Alert kind="error" live>{error ?? supply.error?.message}</Alert>}
        <FilePicker id="supply-files" label={t('dossiers.supply.files')} multiple camera accept={ACCEPTED_FILES} onFiles={setFiles} />
        <Button type="submit" icon="check" busy={supply.isPending}>{t('dossiers.supply.send')}</Button>
      </form>
    </Card>
  );
}

function WithdrawForm({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const withdraw = useDossierAction(dossier, 'withdraw');
  const [reason, setReason] = useState('');
  return (
    <details className="card">
      <summary>{t('dossiers.withdraw.title')}</summary>
      <form className="stack" onSubmit={(e) => { e.preventDefault(); withdraw.mutate({ reason }); }}>
        {withdraw.isError && <Alert kind="error" live>{withdraw.error.message}</Alert>}
        <TextField label={t('dossiers.withdraw.reason')} value={reason} onChange={(e) => setReason(e.target.value)} minLength={3} />
        <Button type="submit" variant="danger" busy={withdraw.isPending}>{t('dossiers.withdraw.confirm')}</Button>
      </form>
    </details>
  );
}

function RatingForm({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const rate = useDossierAction(dossier, 'rating');
  return (
    <Card title={t('dossiers.rating.title')}>
      {dossier.rating && <p>{t('dossiers.rating.given', { rating: dossier.rating })}</p>}
      <div className="row" role="group" aria-label={t('dossiers.rating.title')}>
        {[1, 2, 3, 4, 5].map((n) => (
          <Button key={n} variant={dossier.rating === n ? 'primary' : 'secondary'} onClick={() => rate.mutate({ rating: n })} aria-pressed={dossier.rating === n}>
            <span className="star-glyphs" aria-hidden="true">{'★'.repeat(n)}</span> {t('dossiers.rating.stars', { count: n })}
          </Button>
        ))}
      </div>
    </Card>
  );
}
