// Writing and reviewing one item: the text (Vietnamese, English optional), topics, where it
// goes (the whole province or some communes), cover and PDF attachments, the publish time;
// then send for review, approve or return (another editor), withdraw; and the history.
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ButtonLink, Card, ErrorState, Loading, Select, TextField } from '../../ui/index.ts';
import { useInstallation, usePageTitle } from '../../app/installation.ts';
import { fieldErrorMap } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useCommunes } from '../account/areas.ts';
import { uploadFile, useDeskItem, useItemAction, useSaveItem, useTopics, type EditorNewsItem, type NewsFile, type NewsInput } from './api.ts';
import './news.css';

export function DeskItemPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const isNew = !id || id === 'new';
  const item = useDeskItem(isNew ? undefined : id);
  usePageTitle(isNew ? t('news.desk.new') : item.data?.texts.vi.title ?? t('news.desk.title'));
  if (!isNew && item.isPending) return <Loading />;
  if (!isNew && item.isError) return <ErrorState error={item.error} onRetry={() => void item.refetch()} />;
  const data = isNew ? undefined : item.data;
  return (
    <div className="stack">
      <ButtonLink to="/news/desk" variant="ghost" icon="chevronLeft" className="back-link">{t('news.desk.back')}</ButtonLink>
      <h1>{data ? data.texts.vi.title : t('news.desk.new')}</h1>
      {data && <StatusCard item={data} />}
      {(!data || data.actions.includes('edit')) && <ItemForm key={data?.updatedAt ?? 'new'} item={data} />}
      {data && <History item={data} />}
    </div>
  );
}

function StatusCard({ item }: { item: EditorNewsItem }) {
  const { t } = useTranslation();
  const action = useItemAction(item.id);
  const [note, setNote] = useState('');
  const needsNote = item.actions.includes('return') || item.actions.includes('withdraw');
  const errors = fieldErrorMap(action.error);
  return (
    <Card title={t('news.desk.statusTitle')}>
      <p className="news-status" data-testid="news-status">{t(`news.status.${item.status}`)}</p>
      <p className="muted">{item.agencyName} · {item.areaLabel} · {t('news.desk.by', { name: item.authorName })}</p>
      {item.publishAt && <p>{t('news.desk.publishAtShown', { at: formatDateTime(item.publishAt) })}</p>}
      {item.reviewNote && <Alert kind="info">{t('news.desk.reviewNote', { note: item.reviewNote })}</Alert>}
      {item.status === 'in_review' && !item.actions.includes('approve') && <Alert kind="info">{t('news.desk.waitingOther')}</Alert>}
      {item.pendingUpdate && (
        <section className="stack" aria-label={t('news.desk.pendingTitle')} data-testid="news-pending-update">
          <Alert kind="info">
            <strong>{t('news.desk.pendingTitle')}</strong> {t('news.desk.pendingBy', { name: item.pendingUpdate.editorName, at: formatDateTime(item.pendingUpdate.at) })}
          </Alert>
          <h3>{item.pendingUpdate.texts.vi.title}</h3>
          <p>{item.pendingUpdate.texts.vi.summary}</p>
          <p className="news-body">{item.pendingUpdate.texts.vi.body}</p>
        </section>
      )}
      {action.isError && !errors.note && <Alert kind="error" live>{action.error.message}</Alert>}
      {needsNote && <TextField label={t('news.desk.note')} value={note} onChange={(e) => setNote(e.target.value)} error={errors.note} maxLength={500} />}
      <div className="row">
        {item.actions.includes('submit') && <Button icon="check" busy={action.isPending} onClick={() => action.mutate({ action: 'submit' })}>{t('news.desk.submit')}</Button>}
        {item.actions.includes('approve') && <Button icon="check" busy={action.isPending} onClick={() => action.mutate({ action: 'approve' })}>{t('news.desk.approve')}</Button>}
        {item.actions.includes('return') && <Button variant="secondary" busy={action.isPending} onClick={() => action.mutate({ action: 'return', note })}>{t('news.desk.return')}</Button>}
        {item.actions.includes('withdraw') && <Button variant="secondary" icon="close" busy={action.isPending} onClick={() => action.mutate({ action: 'withdraw', note })}>{t('news.desk.withdraw')}</Button>}
        {(item.status === 'published' || item.status === 'withdrawn') && <ButtonLink to={`/news/${item.id}`} variant="ghost" icon="globe">{t('news.desk.view')}</ButtonLink>}
      </div>
    </Card>
  );
}

function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function ItemForm({ item }: { item?: EditorNewsItem }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const installation = useInstallation();
  const communes = useCommunes(installation.data?.province.code);
  const topics = useTopics();
  const save = useSaveItem(item?.id);
  const published = item?.status === 'published';
  const [kind, setKind] = useState<string>(item?.kind ?? 'news');
  // with a major update waiting, the editor goes on with it, not with the published texts
  const texts = item?.pendingUpdate?.texts ?? item?.texts;
  const [vi, setVi] = useState(texts?.vi ?? { title: '', summary: '', body: '' });
  const [en, setEn] = useState(texts?.en ?? { title: '', summary: '', body: '' });
  const [chosenTopics, setTopics] = useState<string[]>(item?.topics ?? []);
  const [wholeProvince, setWholeProvince] = useState(item ? item.targetCommunes.length === 0 : true);
  const [targets, setTargets] = useState<string[]>(item?.targetCommunes ?? []);
  const [filter, setFilter] = useState('');
  const [cover, setCover] = useState<NewsFile | null>(item?.cover ?? null);
  const [attachments, setAttachments] = useState<NewsFile[]>(item?.attachments ?? []);
  const [publishAt, setPublishAt] = useState(toLocalInput(item?.publishAt ?? null));
  const [change, setChange] = useState<'major' | 'minor'>('minor');
  const [note, setNote] = useState('');
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const errors = fieldErrorMap(save.error);

  const upload = async (files: FileList | null, asCover: boolean) => {
    if (!files?.length) return;
    setUploadError(null);
    setUploading(true);
    try {
      for (const f of Array.from(files)) {
        const stored = await uploadFile(f);
        if (asCover) setCover(stored);
        else setAttachments((a) => [...a, stored]);
      }
    } catch (err) {
      setUploadError(err instanceof Error ? err.message : String(err));
    } finally {
      setUploading(false);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const hasEn = en.title.trim() || en.body.trim();
    const body = {
      kind: kind as NewsInput['kind'],
      texts: { vi, ...(hasEn ? { en } : {}) },
      topics: chosenTopics as NewsInput['topics'],
      targetCommunes: wholeProvince ? [] : targets,
      coverFileId: cover?.id ?? null,
      attachmentIds: attachments.map((a) => a.id),
      ...(published ? { change, ...(note.trim() ? { note: note.trim() } : {}) } : { publishAt: publishAt ? new Date(publishAt).toISOString() : null }),
    };
    save.mutate(body, { onSuccess: (saved) => { if (!item) navigate(`/news/desk/${saved.id}`, { replace: true }); } });
  };

  const shown = (communes.data ?? []).filter((c) => !filter.trim() || c.name.toLowerCase().includes(filter.trim().toLowerCase()) || targets.includes(c.code));
  return (
    <Card title={published ? t('news.desk.editPublished') : t('news.desk.write')}>
      <form className="stack news-form" onSubmit={onSubmit} noValidate>
        <Select label={t('news.desk.kind')} value={kind} onChange={(e) => setKind(e.target.value)} options={[{ value: 'news', label: t('news.kind.news') }, { value: 'announcement', label: t('news.kind.announcement') }]} error={errors.kind} />
        <TextField label={t('news.desk.titleVi')} value={vi.title} onChange={(e) => setVi({ ...vi, title: e.target.value })} error={errors['texts.vi.title'] ?? errors['texts.vi']} maxLength={200} required />
        <TextField label={t('news.desk.summaryVi')} value={vi.summary} onChange={(e) => setVi({ ...vi, summary: e.target.value })} error={errors['texts.vi.summary']} maxLength={500} />
        <div className="field">
          <label className="field__label" htmlFor="news-body-vi">{t('news.desk.bodyVi')}</label>
          <textarea id="news-body-vi" className="input" rows={8} maxLength={20000} value={vi.body} onChange={(e) => setVi({ ...vi, body: e.target.value })} aria-invalid={errors['texts.vi.body'] ? true : undefined} />
          {errors['texts.vi.body'] && <span className="field__error">{errors['texts.vi.body']}</span>}
        </div>
        <details>
          <summary>{t('news.desk.english')}</summary>
          <div className="stack">
            <TextField label={t('news.desk.titleEn')} value={en.title} onChange={(e) => setEn({ ...en, title: e.target.value })} error={errors['texts.en.title']} maxLength={200} />
            <TextField label={t('news.desk.summaryEn')} value={en.summary} onChange={(e) => setEn({ ...en, summary: e.target.value })} maxLength={500} />
            <div className="field">
              <label className="field__label" htmlFor="news-body-en">{t('news.desk.bodyEn')}</label>
              <textarea id="news-body-en" className="input" rows={6} maxLength={20000} value={en.body} onChange={(e) => setEn({ ...en, body: e.target.value })} />
              {errors['texts.en.body'] && <span className="field__error">{errors['texts.en.body']}</span>}
            </div>
          </div>
        </details>

        <fieldset className="news-topics">
          <legend className="field__label">{t('news.desk.topics')}</legend>
          {(topics.data?.topics ?? []).map((x) => (
            <label key={x} className="check">
              <input type="checkbox" checked={chosenTopics.includes(x)} onChange={() => setTopics(chosenTopics.includes(x) ? chosenTopics.filter((y) => y !== x) : [...chosenTopics, x])} /> {t(`news.topic.${x}`)}
            </label>
          ))}
        </fieldset>
        {(errors.topics ?? errors['topics.0']) && <Alert kind="error">{errors.topics ?? errors['topics.0']}</Alert>}

        <fieldset>
          <legend className="field__label">{t('news.desk.target')}</legend>
          <label className="check"><input type="radio" name="target" checked={wholeProvince} onChange={() => setWholeProvince(true)} /> {t('news.desk.wholeProvince')}</label>
          <label className="check"><input type="radio" name="target" checked={!wholeProvince} onChange={() => setWholeProvince(false)} /> {t('news.desk.someCommunes')}</label>
          {!wholeProvince && (
            <div className="stack--tight">
              <TextField label={t('news.desk.findCommune')} value={filter} onChange={(e) => setFilter(e.target.value)} />
              <div className="news-topics" role="group" aria-label={t('news.desk.someCommunes')}>
                {shown.map((c) => (
                  <label key={c.code} className="check">
                    <input type="checkbox" checked={targets.includes(c.code)} onChange={() => setTargets(targets.includes(c.code) ? targets.filter((x) => x !== c.code) : [...targets, c.code])} /> {c.name}
                  </label>
                ))}
              </div>
            </div>
          )}
          {(errors.targetCommunes ?? errors['targetCommunes.0']) && <Alert kind="error">{errors.targetCommunes ?? errors['targetCommunes.0']}</Alert>}
        </fieldset>

        <div className="field">
          <label className="field__label" htmlFor="news-cover">{t('news.desk.cover')}</label>
          <input id="news-cover" type="file" accept="image/jpeg,image/png,image/webp" onChange={(e) => void upload(e.target.files, true)} />
          {cover && <span>{cover.name} <Button variant="ghost" onClick={() => setCover(null)}>{t('news.desk.remove')}</Button></span>}
        </div>
        <div className="field">
          <label className="field__label" htmlFor="news-pdf">{t('news.desk.attachments')}</label>
          <input id="news-pdf" type="file" accept="application/pdf" multiple onChange={(e) => void upload(e.target.files, false)} />
          {attachments.map((a) => (
            <span key={a.id}>{a.name} <Button variant="ghost" onClick={() => setAttachments(attachments.filter((x) => x.id !== a.id))}>{t('news.desk.remove')}</Button></span>
          ))}
        </div>
        {uploading && <Loading label={t('news.desk.uploading')} />}
        {uploadError && <Alert kind="error" live>{uploadError}</Alert>}

        {published ? (
          <fieldset>
            <legend className="field__label">{t('news.desk.changeKind')}</legend>
            <label className="check"><input type="radio" name="change" checked={change === 'minor'} onChange={() => setChange('minor')} /> {t('news.desk.minor')}</label>
            <label className="check"><input type="radio" name="change" checked={change === 'major'} onChange={() => setChange('major')} /> {t('news.desk.major')}</label>
            <TextField label={t('news.desk.changeNote')} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
          </fieldset>
        ) : (
          <TextField type="datetime-local" label={t('news.desk.publishAt')} hint={t('news.desk.publishAtHint')} value={publishAt} onChange={(e) => setPublishAt(e.target.value)} error={errors.publishAt} />
        )}

        {save.isError && <Alert kind="error" live>{save.error.message}</Alert>}
        {save.isSuccess && <Alert kind="success" live>{t('news.desk.saved')}</Alert>}
        <Button type="submit" icon="check" busy={save.isPending} disabled={uploading}>{t('news.desk.save')}</Button>
      </form>
    </Card>
  );
}

function History({ item }: { item: EditorNewsItem }) {
  const { t } = useTranslation();
  return (
    <Card title={t('news.desk.history')}>
      <ol className="news-history">
        {item.revisions.map((r, i) => (
          <li key={i}>
            <strong>{t(`news.change.${r.change}`)}</strong> · {formatDateTime(r.at)}{r.editorName ? ` · ${r.editorName}` : ''}
            {r.title && <div className="muted">{r.title}</div>}
            {r.note && <div className="muted">{r.note}</div>}
          </li>
        ))}
      </ol>
    </Card>
  );
}
