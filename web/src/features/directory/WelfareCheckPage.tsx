// "What might I be eligible for": a few questions, then the benefits worth asking the
// commune about, each with its procedure. Guidance only, said so on the page; nothing is stored.
import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DISABILITY_LEVELS, HOUSEHOLD_STATUSES } from '@cds/contracts';
import { Alert, Button, Checkbox, EmptyState, List, ListItem, PageHeader, Select, TextField } from '../../ui/index.ts';
import { ApiError } from '../../lib/api.ts';
import { usePageTitle } from '../../app/installation.ts';
import { checkWelfare, type WelfareAnswers } from './api.ts';

export function WelfareCheckPage() {
  const { t } = useTranslation();
  usePageTitle(t('directory.check.title'));
  const [age, setAge] = useState('');
  const [answers, setAnswers] = useState<Omit<WelfareAnswers, 'age'>>({ household: 'unknown', disability: 'none', hasPension: false, lostJobWithInsurance: false, noSupporter: false });
  const check = useMutation({ mutationFn: (a: WelfareAnswers) => checkWelfare(a) });
  const ageError = check.error instanceof ApiError ? (check.error.fieldErrors.find((f) => f.field === 'age')?.message ?? null) : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // an empty or odd age goes to the server as -1, so its answer names the field
    const n = /^\d{1,3}$/.test(age.trim()) ? Number(age) : -1;
    check.mutate({ ...answers, age: n });
  };
  const set = <K extends keyof typeof answers>(k: K, v: (typeof answers)[K]) => setAnswers((a) => ({ ...a, [k]: v }));
  return (
    <div className="narrow stack">
      <PageHeader title={t('directory.check.title')} back={{ to: '/welfare', label: t('directory.welfare.title') }} />
      <Alert kind="info">{t('directory.check.guidance')}</Alert>
      <form className="stack" onSubmit={submit} noValidate>
        <TextField label={t('directory.check.age')} inputMode="numeric" value={age} onChange={(e) => setAge(e.target.value)} error={ageError} required />
        <Select label={t('directory.check.household')} value={answers.household} onChange={(e) => set('household', e.target.value as WelfareAnswers['household'])}
          options={HOUSEHOLD_STATUSES.map((s) => ({ value: s, label: t(`directory.check.householdOption.${s}`) }))} />
        <Select label={t('directory.check.disability')} value={answers.disability} onChange={(e) => set('disability', e.target.value as WelfareAnswers['disability'])}
          options={DISABILITY_LEVELS.map((s) => ({ value: s, label: t(`directory.check.disabilityOption.${s}`) }))} />
        <Checkbox label={t('directory.check.hasPension')} checked={answers.hasPension} onChange={(e) => set('hasPension', e.target.checked)} />
        <Checkbox label={t('directory.check.noSupporter')} checked={answers.noSupporter} onChange={(e) => set('noSupporter', e.target.checked)} />
        <Checkbox label={t('directory.check.lostJob')} checked={answers.lostJobWithInsurance} onChange={(e) => set('lostJobWithInsurance', e.target.checked)} />
        <Button type="submit" icon="search" busy={check.isPending}>{t('directory.check.submit')}</Button>
      </form>
      {check.isError && !ageError && <Alert kind="error" live>{check.error.message}</Alert>}
      {check.data && check.data.benefits.length === 0 && <EmptyState title={t('directory.check.noneTitle')}>{t('directory.check.none')}</EmptyState>}
      {check.data && check.data.benefits.length > 0 && (
        <section className="stack" aria-live="polite">
          <h2>{t('directory.check.results')}</h2>
          <List label={t('directory.check.results')}>
            {check.data.benefits.map((b) => (
              <ListItem key={b.key} icon="users" title={b.name} description={b.procedures[0] ? t('directory.check.applyWith', { name: b.procedures[0].name }) : b.summary} to={`/welfare/${b.key}`} />
            ))}
          </List>
          <p>{t('directory.check.guidance')}</p>
        </section>
      )}
    </div>
  );
}
