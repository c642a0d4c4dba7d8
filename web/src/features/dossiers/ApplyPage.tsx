// Applying online (nộp hồ sơ trực tuyến): the form drawn from the procedure's schema,
// prefilled from the profile, one file picker per required document, save as draft or
// submit. Without a network the application waits in the outbox and is sent once.
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Checkbox, DateField, ErrorState, FilePicker, Loading, PageHeader, Select, TextField } from '../../ui/index.ts';
import { api } from '../../lib/api.ts';
import { errorsFromServer } from '../../lib/forms.ts';
import type { Sex } from '@cds/contracts';
import type { Me } from '@cds/contracts/identity';
import { useInstallation, usePageTitle } from '../../app/installation.ts';
import { useCommunes } from '../account/areas.ts';
import { ACCEPTED_FILES, checkFile, fieldOrder, sendApplication, withoutPersonalIds, useDossier, usePrefill, useProcedure, type DossierDetail, type FileUpload, type FormField, type Prefill, type Procedure } from './api.ts';
import { fileToBase64 } from '../../lib/files.ts';
import { formMessages } from './fieldErrors.ts';

const PERSONAL_ID_FIELDS = ['applicantIdNumber', 'applicantPersonalId', 'personalId', 'idNumber', 'soDinhDanh'];
const SEX_FIELDS = ['applicantSex', 'sex', 'gender'];
const SEX_WORDS: Record<Sex, string> = { male: 'Nam', female: 'Nữ', other: 'Khác' };

/** The form's word for a sex, only when the field's choices have it. */
function sexValue(sex: Sex | null, field: FormField): string | null {
  const word = sex ? SEX_WORDS[sex] : null;
  return word && (!field.enum || field.enum.includes(word)) ? word : null;
}

/** Which profile value fills a form field, by the field's name; `prefill` (GET /api/me/prefill) adds the personal ID and sex. */
export function prefillFrom(me: Me, schema: Procedure['formSchema'], prefill: Prefill | null = null): Record<string, unknown> {
  const p = prefill ?? { ...me, personalId: null };
  const pick: Record<string, string | null> = {
    applicantName: p.fullName, fullName: p.fullName, applicantPhone: p.phone, phone: p.phone,
    applicantAddress: p.address, address: p.address, applicantBirthDate: p.dateOfBirth, dateOfBirth: p.dateOfBirth,
  };
  for (const key of PERSONAL_ID_FIELDS) pick[key] = prefill?.personalId ?? null;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.properties)) {
    const value = SEX_FIELDS.includes(key) ? sexValue(p.sex, field) : pick[key];
    if (value) out[key] = value;
  }
  return out;
}

/**
 * Form values another page hands over in the query string (the land sheet passes the
 * parcel's number, sheet, address and area): only fields the form has, typed as it wants.
 */
export function fieldsFromQuery(params: URLSearchParams, schema: Procedure['formSchema']): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.properties)) {
    const raw = params.get(key);
    if (raw === null || raw.trim() === '') continue;
    const numeric = field.type === 'integer' || field.type === 'number';
    if (numeric && !Number.isFinite(Number(raw))) continue;
    out[key] = numeric ? Number(raw) : raw.trim();
  }
  return out;
}

const storageKey = (procedureId: string) => `cds.dossier-form.${procedureId}`;

export function ApplyPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { procedureId = '' } = useParams();
  const [params] = useSearchParams();
  const draftId = params.get('draft');
  const procedure = useProcedure(procedureId);
  const draft = useDossier(draftId ?? '', !!draftId);
  // a new application only; without it (offline, error) the form falls back to the profile
  const prefill = usePrefill(!draftId && !hasSavedForm(procedureId));
  usePageTitle(procedure.data ? procedure.data.name : t('dossiers.apply.title'));
  if (procedure.isPending || (draftId && draft.isPending) || (prefill.fetchStatus === 'fetching' && prefill.isPending)) return <Loading />;
  if (procedure.isError) return <ErrorState error={procedure.error} onRetry={() => void procedure.refetch()} />;
  if (draftId && draft.isError) return <ErrorState error={draft.error} onRetry={() => void draft.refetch()} />;
  return <ApplyForm me={me} prefill={prefill.data ?? null} procedure={procedure.data} draft={draftId ? (draft.data ?? null) : null} given={fieldsFromQuery(params, procedure.data.formSchema)} />;
}

function hasSavedForm(procedureId: string): boolean {
  try {
    return localStorage.getItem(storageKey(procedureId)) !== null;
  } catch {
    return false;
  }
}

function ApplyForm({ me, prefill, procedure, draft, given }: { me: Me; prefill: Prefill | null; procedure: Procedure; draft: DossierDetail | null; given: Record<string, unknown> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const installation = useInstallation();
  const communes = useCommunes(installation.data?.province.code);
  const [data, setData] = useState<Record<string, unknown>>(() => {
    if (draft) return draft.formData;
    try {
      const saved = localStorage.getItem(storageKey(procedure.id));
      // a saved form holds no personal ID numbers: those come back from the profile
      if (saved) return { ...prefillFrom(me, procedure.formSchema, prefill), ...(JSON.parse(saved) as Record<string, unknown>), ...given };
    } catch {
      // nothing saved on this device
    }
    return { ...prefillFrom(me, procedure.formSchema, prefill), ...given };
  });
  const [communeCode, setCommuneCode] = useState(draft?.communeCode ?? me.communeCode ?? '');
  const attached = new Set(draft?.attachments.map((a) => a.docKey) ?? []);
  const [files, setFiles] = useState<Record<string, File | null>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'error' | 'info' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null);

  useEffect(() => {
    try {
      localStorage.setItem(storageKey(procedure.id), JSON.stringify(withoutPersonalIds(procedure.formSchema, data)));
    } catch {
      // storage full or private mode: the form still works
    }
  }, [data, procedure.id]);

  const set = (key: string, field: FormField) => (raw: string) => {
    const numeric = field.type === 'integer' || field.type === 'number';
    const value = field.type === 'boolean' ? raw === 'true' : numeric ? (raw === '' ? '' : Number(raw)) : raw;
    setData((d) => ({ ...d, [key]: value }));
  };

  const chooseFile = async (docKey: string, file: File | null) => {
    setErrors((e) => ({ ...e, [`doc-${docKey}`]: '' }));
    if (file) {
      const verdict = await checkFile(file);
      if (verdict !== 'ok') {
        setErrors((e) => ({ ...e, [`doc-${docKey}`]: t(verdict === 'size' ? 'dossiers.apply.fileTooLarge' : 'dossiers.apply.fileType') }));
        return;
      }
    }
    setFiles((f) => ({ ...f, [docKey]: file }));
  };

  const collect = async (): Promise<FileUpload[]> =>
    Promise.all(Object.entries(files).filter(([, f]) => f).map(async ([docKey, f]) => ({ docKey, fileName: f!.name, contentBase64: await fileToBase64(f!) })));

  const check = (submit: boolean): boolean => {
    const found: Record<string, string> = {};
    if (!communeCode) found.communeCode = t('dossiers.apply.communeRequired');
    if (submit) {
      for (const [key, m] of Object.entries(formMessages(procedure.formSchema, data))) found[key] = t(m.key, m.params);
      for (const doc of procedure.requiredDocuments) if (doc.required && !files[doc.key] && !attached.has(doc.key)) found[`doc-${doc.key}`] = t('dossiers.apply.documentRequired');
    }
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) document.getElementById(`apply-${first}`)?.focus();
    return !first;
  };

  const done = (dossier: DossierDetail) => {
    localStorage.removeItem(storageKey(procedure.id));
    navigate(`/dossiers/${dossier.id}`, { state: { justSubmitted: dossier.status === 1 } });
  };

  const showServerErrors = (err: unknown) => {
    const server = errorsFromServer(err, []);
    const map: Record<string, string> = {};
    if (err && typeof err === 'object' && 'fieldErrors' in err) {
      for (const f of (err as { fieldErrors: { field: string; message: string }[] }).fieldErrors) {
        const key = f.field.replace(/^formData\./, '').replace(/^attachments\./, 'doc-');
        map[key] = f.message;
      }
    }
    setErrors(map);
    setMessage({ kind: 'error', text: server.form ?? t('errors.generic') });
  };

  /** Brings a saved draft up to date: its answers, then any newly chosen files. */
  const updateDraft = async (d: DossierDetail): Promise<DossierDetail> => {
    let latest = await api<DossierDetail>(`/api/dossiers/${d.id}`, { method: 'PUT', body: { communeCode, formData: data } });
    for (const file of await collect()) latest = await api<DossierDetail>(`/api/dossiers/${d.id}/attachments`, { method: 'POST', body: file });
    return latest;
  };

  const saveDraft = async () => {
    if (!check(false)) return;
    setBusy('draft');
    setMessage(null);
    try {
      const dossier = draft
        ? await updateDraft(draft)
        : await api<DossierDetail>('/api/dossiers', { method: 'POST', body: { procedureId: procedure.id, communeCode, formData: data, attachments: await collect(), submit: false } });
      done(dossier);
    } catch (err) {
      showServerErrors(err);
    } finally {
      setBusy(null);
    }
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!check(true)) return;
    setBusy('submit');
    setMessage(null);
    try {
      if (draft) {
        await updateDraft(draft);
        done(await api<DossierDetail>(`/api/dossiers/${draft.id}/submit`, { method: 'POST' }));
        return;
      }
      const result = await sendApplication({ procedureId: procedure.id, communeCode, formData: data, attachments: await collect(), submit: true });
      if (result.kind === 'sent') done(result.dossier);
      else if (result.kind === 'queued') {
        localStorage.removeItem(storageKey(procedure.id));
        setMessage({ kind: 'info', text: t('dossiers.apply.queued') });
      } else setMessage({ kind: 'error', text: result.message || t('errors.generic') });
    } catch (err) {
      showServerErrors(err);
    } finally {
      setBusy(null);
    }
  };

  const communeOptions = [...(communes.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'vi')).map((c) => ({ value: c.code, label: c.name }));
  const required = new Set(procedure.formSchema.required ?? []);

  return (
    <div className="narrow stack">
      <PageHeader back={{ to: '/dossiers', label: t('dossiers.mine.title') }} title={procedure.name} />
      <p className="muted">
        {t('dossiers.apply.summary', { days: procedure.processingDays, fee: procedure.feeSummary, agency: procedure.agencyLabel })}
      </p>
      <form className="stack" onSubmit={(e) => void onSubmit(e)} noValidate aria-busy={busy !== null}>
        {message && <Alert kind={message.kind} live>{message.text}</Alert>}
        <Select
          id="apply-communeCode"
          label={t('dossiers.apply.commune')}
          value={communeCode}
          onChange={(e) => setCommuneCode(e.target.value)}
          options={[{ value: '', label: t('dossiers.apply.chooseCommune') }, ...communeOptions]}
          error={errors.communeCode}
        />
        <fieldset className="stack">
          <legend className="section-title">{procedure.formSchema.title ?? t('dossiers.apply.form')}</legend>
          {fieldOrder(procedure.formSchema).map((key) => {
            const field = procedure.formSchema.properties[key]!;
            return <FieldInput key={key} name={key} field={field} required={required.has(key)} value={data[key]} onChange={set(key, field)} error={errors[key]} />;
          })}
        </fieldset>
        <fieldset className="stack">
          <legend className="section-title">{t('dossiers.apply.documents')}</legend>
          <p className="muted">{t('dossiers.apply.documentsHint')}</p>
          {procedure.requiredDocuments.map((doc) => (
            <FilePicker
              key={doc.key}
              id={`apply-doc-${doc.key}`}
              label={
                <>
                  {docLabel(doc, t('dossiers.apply.requiredMark'), t('dossiers.apply.optionalMark'))}
                  {attached.has(doc.key) && ` — ${t('dossiers.apply.alreadyAttached')}`}
                </>
              }
              accept={ACCEPTED_FILES}
              camera
              chosen={files[doc.key] ? [{ key: doc.key, name: files[doc.key]!.name, size: files[doc.key]!.size, file: files[doc.key]! }] : []}
              onRemove={() => void chooseFile(doc.key, null)}
              onFiles={(chosen) => void chooseFile(doc.key, chosen[0] ?? null)}
              error={errors[`doc-${doc.key}`]}
            />
          ))}
        </fieldset>
        <div className="row">
          <Button type="submit" icon="check" busy={busy === 'submit'} disabled={busy !== null}>
            {t('dossiers.apply.submit')}
          </Button>
          <Button variant="secondary" onClick={() => void saveDraft()} busy={busy === 'draft'} disabled={busy !== null}>
            {t('dossiers.apply.saveDraft')}
          </Button>
        </div>
      </form>
    </div>
  );
}

/** A document's name with its mark once: catalogue names often say "(nếu có)" themselves. */
export function docLabel(doc: { name: string; required: boolean }, requiredMark: string, optionalMark: string): string {
  const mark = doc.required ? requiredMark : optionalMark;
  return doc.name.toLocaleLowerCase('vi').includes(mark.toLocaleLowerCase('vi')) ? doc.name : `${doc.name} (${mark})`;
}

function FieldInput({ name, field, required, value, onChange, error }: { name: string; field: FormField; required: boolean; value: unknown; onChange: (v: string) => void; error?: string }) {
  const { t } = useTranslation();
  const label = `${field.title}${required ? ' *' : ''}`;
  const id = `apply-${name}`;
  const text = value === undefined || value === null ? '' : String(value);
  if (field.enum) {
    return <Select id={id} label={label} value={text} onChange={(e) => onChange(e.target.value)} options={[{ value: '', label: t('dossiers.apply.choose') }, ...field.enum.map((v) => ({ value: v, label: v }))]} error={error} />;
  }
  if (field.type === 'boolean') {
    return <Checkbox id={id} label={label} checked={value === true} onChange={(e) => onChange(e.target.checked ? 'true' : '')} error={error} />;
  }
  if (field.format === 'date') return <DateField id={id} label={label} hint={field.description} value={text} onChange={onChange} error={error} />;
  const type = field.format === 'email' ? 'email' : field.type === 'string' ? 'text' : 'number';
  const inputMode = field.pattern?.includes('[0-9]') ? 'numeric' : undefined;
  return <TextField id={id} label={label} hint={field.description} type={type} inputMode={inputMode} value={text} onChange={(e) => onChange(e.target.value)} error={error} />;
}
