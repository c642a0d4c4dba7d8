// One dossier at the one-stop counter: what the applicant sent, the process-control sheet,
// and the actions the transition table allows now.
import { useRef, useState, type FormEvent } from 'react';
import { useDraft } from '../../lib/drafts.ts';
import { useParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ButtonAnchor, Card, DateField, ErrorState, FilePicker, List, ListItem, Loading, PageHeader, TextArea, TextField } from '../../ui/index.ts';
import { api } from '../../lib/api.ts';
import { formatNumber } from '../../lib/format.ts';
import { usePageTitle } from '../../app/installation.ts';
import { ACCEPTED_FILES, checkFile, dossierKey, fieldOrder, useDossier, useProcedure, type DossierDetail } from './api.ts';
import { fileToBase64 } from '../../lib/files.ts';
import { Appointment, Letters, MissingList, StatusBadge, Timeline } from './parts.tsx';

const STAFF_ACTIONS = ['accept', 'assign', 'forward', 'request_documents', 'request_payment', 'mark_paid', 'complete', 'return_result', 'apologize', 'refuse', 'stop'] as const;
type StaffAction = (typeof STAFF_ACTIONS)[number];

export function StaffDossierPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const dossier = useDossier(id);
  const procedure = useProcedure(dossier.data?.procedureId ?? '', !!dossier.data);
  usePageTitle(dossier.data?.code ?? t('dossiers.title'));
  if (dossier.isPending) return <Loading />;
  if (dossier.isError) return <ErrorState error={dossier.error} onRetry={() => void dossier.refetch()} />;
  const d = dossier.data;
  const actions = STAFF_ACTIONS.filter((a) => d.allowedActions.includes(a));
  // an attachment under the procedure's own name for the document, never its internal key
  const docName = (key: string) => procedure.data?.requiredDocuments.find((r) => r.key === key)?.name ?? t('dossiers.staff.otherDocument');
  return (
    <div className="stack">
      <PageHeader back={{ to: '/staff/dossiers', label: t('dossiers.queue.title') }} title={`${d.code} — ${d.procedureName}`} />
      <Card title={d.applicantName}>
        <p><StatusBadge status={d.status} name={d.statusName} /> <Appointment date={d.appointmentDate} deadline={d.deadline} /></p>
        <p>{t('dossiers.staff.phone', { phone: d.applicantPhone })}</p>
        <p>{t('dossiers.staff.step', { step: d.steps.find((s) => s.key === d.currentStep)?.name ?? '—' })}</p>
        <ButtonAnchor href={`/api/dossiers/${d.id}/control-sheet.pdf`} target="_blank" rel="noopener" variant="secondary" icon="download">{t('dossiers.controlSheet')}</ButtonAnchor>
      </Card>
      <FormAnswers dossier={d} />
      <Card title={t('dossiers.staff.attachments')}>
        <List>
          {d.attachments.map((a) => (
            <ListItem key={a.id} icon="document" title={a.fileName} description={`${docName(a.docKey)}${a.round ? ` · ${t('dossiers.staff.round', { round: a.round })}` : ''}`} href={`/api/dossiers/${d.id}/attachments/${a.id}`} />
          ))}
        </List>
      </Card>
      {d.fees.length > 0 && (
        <Card title={t('dossiers.staff.fees')}>
          <ul>{d.fees.map((f) => <li key={f.id}>{f.name}: {formatNumber(f.amountVnd)} đ {f.paidAt ? `✓ ${t('dossiers.staff.paid')}` : ''}</li>)}</ul>
        </Card>
      )}
      <MissingList items={d.missingDocuments} />
      {actions.length > 0 && <ActionPanel dossier={d} actions={actions} />}
      <h2 className="section-title">{t('dossiers.letters')}</h2>
      <Letters dossier={d} />
      <h2 className="section-title">{t('dossiers.timeline')}</h2>
      <Timeline entries={d.timeline} showActors />
    </div>
  );
}

/** The applicant's answers under the form's own labels, in the form's order. */
function FormAnswers({ dossier }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const procedure = useProcedure(dossier.procedureId);
  const schema = procedure.data?.formSchema;
  const keys = schema ? [...fieldOrder(schema), ...Object.keys(dossier.formData).filter((k) => !(k in schema.properties))] : Object.keys(dossier.formData);
  return (
    <Card title={t('dossiers.staff.form')}>
      <dl className="facts">
        {keys.filter((k) => dossier.formData[k] !== undefined && dossier.formData[k] !== '').map((k) => (
          <div key={k}><dt>{schema?.properties[k]?.title ?? k}</dt><dd>{String(dossier.formData[k])}</dd></div>
        ))}
      </dl>
    </Card>
  );
}

function ActionPanel({ dossier, actions }: { dossier: DossierDetail; actions: StaffAction[] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [action, setAction] = useState<StaffAction | null>(null);
  // one draft per dossier and action, so a note typed for "refuse" never rides along with "accept"
  const note = useDraft(`dossier:${dossier.id}:${action ?? 'none'}`);
  const [missing, setMissing] = useState('');
  const [date, setDate] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sent = useRef('');
  const run = useMutation({
    mutationFn: (body: Record<string, unknown>) => api<DossierDetail>(`/api/dossiers/${dossier.id}/${action!.replace(/_/g, '-')}`, { method: 'POST', body }),
    onSuccess: (updated) => {
      client.setQueryData(dossierKey(dossier.id), updated);
      void client.invalidateQueries({ queryKey: ['dossiers'] });
      note.consumed(sent.current);
      setAction(null);
      setMissing('');
      setFile(null);
    },
    onError: (err) => setError(err.message),
  });
  const needsReason = action === 'refuse' || action === 'stop' || action === 'apologize';

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const body: Record<string, unknown> = {};
    sent.current = note.value;
    if (needsReason) body.reason = note.value;
    else if (note.value) body.note = note.value;
    if (action === 'request_documents') body.missing = missing.split('\n').map((s) => s.trim()).filter(Boolean).map((name) => ({ name }));
    if (action === 'apologize') body.newAppointmentDate = date;
    if ((action === 'complete' || action === 'return_result') && file) {
      if ((await checkFile(file)) !== 'ok') return setError(t('dossiers.apply.fileType'));
      body.result = { fileName: file.name, contentBase64: await fileToBase64(file) };
    }
    run.mutate(body);
  };

  return (
    <Card title={t('dossiers.staff.actions')}>
      <div className="row wrap">
        {actions.map((a) => (
          <Button key={a} variant={a === 'refuse' || a === 'stop' ? 'danger' : action === a ? 'primary' : 'secondary'} onClick={() => { setAction(a); setError(null); }} aria-pressed={action === a}>
            {t(`dossiers.actions.${a}`)}
          </Button>
        ))}
      </div>
      {action && (
        <form className="stack" onSubmit={(e) => void onSubmit(e)} noValidate>
          <h3>{t(`dossiers.actions.${action}`)}</h3>
          {error && <Alert kind="error" live>{error}</Alert>}
          {action === 'request_documents' && (
            <TextArea id="action-missing" label={t('dossiers.staff.missingList')} rows={3} value={missing} onChange={(e) => setMissing(e.target.value)} />
          )}
          {action === 'apologize' && <DateField label={t('dossiers.staff.newDate')} value={date} onChange={setDate} />}
          {(action === 'complete' || action === 'return_result') && (
            <FilePicker id="action-result" label={t('dossiers.staff.resultFile')} accept={ACCEPTED_FILES} onFiles={(files) => setFile(files[0] ?? null)} />
          )}
          <TextField id="action-note" label={needsReason ? t('dossiers.staff.reason') : t('dossiers.staff.note')} value={note.value} onChange={(e) => note.set(e.target.value)} />
          <Button type="submit" icon="check" busy={run.isPending}>{t('dossiers.staff.confirm')}</Button>
        </form>
      )}
    </Card>
  );
}
