// The editors' page of the assistant: questions it could not answer and answers rated
// unhelpful, grouped by their words; an answer written here is used from the next question
// on and takes its questions off the list.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssistantQuestionFilter } from '@cds/contracts';
import { usePageTitle } from '../../app/installation.ts';
import { ApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { Alert, Button, Card, EmptyState, ErrorState, Loading, Tabs, TextArea, TextField } from '../../ui/index.ts';
import { useDeleteFaq, useFaqs, useQuestions, useSaveFaq, type Faq, type QuestionGroup } from './api.ts';

interface Draft {
  id?: string;
  question: string;
  phrasings: string;
  answer: string;
  linkTitle: string;
  linkHref: string;
  resolves: string[];
}

const EMPTY: Draft = { question: '', phrasings: '', answer: '', linkTitle: '', linkHref: '', resolves: [] };

function Questions({ filter, onAnswer }: { filter: AssistantQuestionFilter; onAnswer: (g: QuestionGroup) => void }) {
  const { t } = useTranslation();
  const q = useQuestions(filter);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState onRetry={() => void q.refetch()} />;
  if (!q.data.items.length) return <EmptyState title={t(`assistant.staff.empty.${filter}`)} />;
  return (
    <ul className="stack">
      {q.data.items.map((g) => (
        <li key={g.key}>
          <Card>
            <div className="assistant-staff__group">
              <div>
                <p className="card__title">“{g.example}”</p>
                <p>{t('assistant.staff.asked', { count: g.count, at: formatDateTime(g.lastAskedAt) })}{g.notHelpful > 0 ? ` · ${t('assistant.staff.notHelpful', { count: g.notHelpful })}` : ''}</p>
              </div>
              <Button variant="secondary" icon="edit" onClick={() => onAnswer(g)}>
                {t('assistant.staff.answer')}
              </Button>
            </div>
          </Card>
        </li>
      ))}
    </ul>
  );
}

function FaqForm({ draft, onDone }: { draft: Draft; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveFaq();
  const [f, setF] = useState(draft);
  const fieldError = (name: string) => (save.error instanceof ApiError ? save.error.fieldErrors.find((e) => e.field === name || e.field.startsWith(`${name}.`))?.message : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      id: f.id,
      input: {
        question: f.question,
        phrasings: f.phrasings.split('\n').map((p) => p.trim()).filter(Boolean),
        answer: f.answer,
        linkTitle: f.linkTitle.trim() || null,
        linkHref: f.linkHref.trim() || null,
        resolves: f.resolves,
      },
    }, { onSuccess: onDone });
  };
  return (
    <Card>
      <form onSubmit={submit} className="stack">
        <h2>{f.id ? t('assistant.staff.editTitle') : t('assistant.staff.newTitle')}</h2>
        <TextField label={t('assistant.staff.question')} value={f.question} onChange={(e) => setF({ ...f, question: e.target.value })} error={fieldError('question')} required maxLength={200} />
        <TextArea label={t('assistant.staff.phrasings')} hint={t('assistant.staff.phrasingsHint')} value={f.phrasings} onChange={(e) => setF({ ...f, phrasings: e.target.value })} error={fieldError('phrasings')} rows={3} />
        <TextArea label={t('assistant.staff.answerText')} value={f.answer} onChange={(e) => setF({ ...f, answer: e.target.value })} error={fieldError('answer')} required rows={5} maxLength={2000} />
        <TextField label={t('assistant.staff.linkTitle')} value={f.linkTitle} onChange={(e) => setF({ ...f, linkTitle: e.target.value })} error={fieldError('linkTitle')} maxLength={100} />
        <TextField label={t('assistant.staff.linkHref')} hint={t('assistant.staff.linkHrefHint')} value={f.linkHref} onChange={(e) => setF({ ...f, linkHref: e.target.value })} error={fieldError('linkHref')} maxLength={300} />
        {save.isError && !(save.error instanceof ApiError && save.error.fieldErrors.length) && <Alert kind="error">{save.error.message}</Alert>}
        <div className="row">
          <Button type="submit" busy={save.isPending}>{t('assistant.staff.save')}</Button>
          <Button variant="ghost" onClick={onDone}>{t('assistant.staff.cancel')}</Button>
        </div>
      </form>
    </Card>
  );
}

function FaqList({ onEdit }: { onEdit: (f: Faq) => void }) {
  const { t } = useTranslation();
  const faqs = useFaqs();
  const remove = useDeleteFaq();
  if (faqs.isPending) return <Loading />;
  if (faqs.isError) return <ErrorState onRetry={() => void faqs.refetch()} />;
  if (!faqs.data.items.length) return <EmptyState title={t('assistant.staff.noFaqs')} />;
  return (
    <ul className="stack">
      {faqs.data.items.map((f) => (
        <li key={f.id}>
          <Card>
            <p className="card__title">{f.question}</p>
            <p>{f.answer}</p>
            <div className="row">
              <Button variant="secondary" icon="edit" onClick={() => onEdit(f)}>{t('assistant.staff.edit')}</Button>
              <Button variant="danger" icon="trash" busy={remove.isPending && remove.variables === f.id} onClick={() => remove.mutate(f.id)}>{t('assistant.staff.delete')}</Button>
            </div>
          </Card>
        </li>
      ))}
    </ul>
  );
}

export function StaffAssistantPage() {
  const { t } = useTranslation();
  usePageTitle(t('assistant.staff.title'));
  const [tab, setTab] = useState('unanswered');
  const [draft, setDraft] = useState<Draft | null>(null);
  const answer = (g: QuestionGroup) => setDraft({ ...EMPTY, question: g.example, resolves: [g.key] });
  const edit = (f: Faq) => setDraft({ id: f.id, question: f.question, phrasings: f.phrasings.join('\n'), answer: f.answer, linkTitle: f.linkTitle ?? '', linkHref: f.linkHref ?? '', resolves: [] });
  return (
    <div className="stack">
      <h1>{t('assistant.staff.title')}</h1>
      <p>{t('assistant.staff.intro')}</p>
      {draft ? (
        <FaqForm key={draft.id ?? draft.resolves.join()} draft={draft} onDone={() => setDraft(null)} />
      ) : (
        <Button icon="plus" onClick={() => setDraft(EMPTY)}>{t('assistant.staff.new')}</Button>
      )}
      <Tabs
        label={t('assistant.staff.tabs')}
        selected={tab}
        onSelect={setTab}
        items={[
          { key: 'unanswered', label: t('assistant.staff.unanswered'), panel: <Questions filter="unanswered" onAnswer={answer} /> },
          { key: 'low_rated', label: t('assistant.staff.lowRated'), panel: <Questions filter="low_rated" onAnswer={answer} /> },
          { key: 'faqs', label: t('assistant.staff.faqs'), panel: <FaqList onEdit={edit} /> },
        ]}
      />
    </div>
  );
}
