import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, DateField, PageHeader, Select, TextField, useToast } from '../../ui/index.ts';
import { api } from '../../lib/api.ts';
import { useFormErrors, type FieldErrors } from '../../lib/forms.ts';
import type { Sex } from '@cds/contracts';
import type { Me, UserView } from '@cds/contracts/identity';
import { isPastDate, isValidPersonalId } from '../../lib/validate.ts';
import { meKey } from '../../app/auth.ts';
import { useInstallation, usePageTitle } from '../../app/installation.ts';
import { useCommunes } from './areas.ts';

const FIELDS = ['fullName', 'dateOfBirth', 'sex', 'personalId', 'communeCode', 'address'] as const;

interface Draft {
  fullName: string;
  dateOfBirth: string;
  sex: Sex | '';
  personalId: string;
  communeCode: string;
  address: string;
}

type ProfileChange = Partial<Record<keyof Draft, string | null>>;

function draftOf(me: UserView): Draft {
  return {
    fullName: me.fullName || '',
    dateOfBirth: me.dateOfBirth ?? '',
    sex: me.sex ?? '',
    personalId: '',
    communeCode: me.communeCode ?? '',
    address: me.address ?? '',
  };
}

/**
 * Only what the person changed is sent; a field emptied on purpose is sent as null (cleared).
 * An empty personal ID means "keep the one on file".
 */
export function profileChanges(me: Me, draft: Draft): ProfileChange {
  const before = draftOf(me);
  const change: ProfileChange = {};
  for (const key of ['fullName', 'dateOfBirth', 'sex', 'communeCode', 'address'] as const) {
    const value = draft[key].trim();
    if (value === before[key]) continue;
    if (value !== '') change[key] = value;
    else if (key !== 'fullName') change[key] = null;
  }
  if (draft.personalId.trim()) change.personalId = draft.personalId.trim();
  return change;
}

export function validateProfile(draft: Draft, t: (key: string) => string): FieldErrors {
  const found: FieldErrors = {};
  if (!draft.fullName.trim()) found.fullName = t('validation.nameRequired');
  if (draft.dateOfBirth && !isPastDate(draft.dateOfBirth)) found.dateOfBirth = t('validation.dateOfBirth');
  if (draft.personalId.trim() && !isValidPersonalId(draft.personalId)) found.personalId = t('validation.personalId');
  return found;
}

export function ProfilePage({ me }: { me: Me }) {
  const { t } = useTranslation();
  usePageTitle(t('account.profile.title'));
  const client = useQueryClient();
  const toast = useToast();
  const installation = useInstallation();
  const communes = useCommunes(installation.data?.province.code);
  const [draft, setDraft] = useState<Draft>(() => draftOf(me));
  const [saved, setSaved] = useState(false);
  const form = useFormErrors(FIELDS, 'profile');
  const set = (key: keyof Draft) => (value: string) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [key]: value }));
  };

  const save = useMutation({
    mutationFn: (change: ProfileChange) => api<UserView>('/api/me/profile', { method: 'PATCH', body: change }),
    onSuccess: (updated) => {
      // the reply is the profile alone: what the person may do (abilities) stays as it was
      client.setQueryData<Me | null>(meKey, (old) => (old ? { ...old, ...updated } : old));
      setDraft(draftOf(updated));
      form.clear();
      setSaved(true);
      toast.show(t('account.profile.saved'));
    },
    onError: form.fromServer,
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (!form.check(validateProfile(draft, t))) return;
    const change = profileChanges(me, draft);
    if (Object.keys(change).length === 0) {
      toast.show(t('account.profile.nothingChanged'));
      return;
    }
    save.mutate(change);
  };

  const communeOptions = [...(communes.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'vi')).map((c) => ({ value: c.code, label: c.name }));
  if (me.communeCode && !communeOptions.some((o) => o.value === me.communeCode)) {
    communeOptions.unshift({ value: me.communeCode, label: me.communeName ?? me.communeCode });
  }

  return (
    <div className="narrow stack">
      <PageHeader back={{ to: '/account', label: t('account.title') }} title={t('account.profile.title')} />
      {me.eidLinked && <Alert kind="info">{t('account.profile.eidNote')}</Alert>}
      <form className="stack" onSubmit={onSubmit} noValidate>
        {form.errors.form && <Alert kind="error" live>{form.errors.form}</Alert>}
        {saved && <Alert kind="success">{t('account.profile.saved')}</Alert>}
        <TextField id={form.id('fullName')} label={t('account.fields.fullName')} autoComplete="name" value={draft.fullName} onChange={(e) => set('fullName')(e.target.value)} error={form.errors.fields.fullName} />
        <DateField id={form.id('dateOfBirth')} label={t('account.fields.dateOfBirth')} autoComplete="bday" value={draft.dateOfBirth} onChange={set('dateOfBirth')} error={form.errors.fields.dateOfBirth} />
        <Select
          id={form.id('sex')}
          label={t('account.fields.sex')}
          value={draft.sex}
          onChange={(e) => set('sex')(e.target.value)}
          placeholder={t('account.fields.notSaid')}
          options={[
            { value: 'female', label: t('account.sex.female') },
            { value: 'male', label: t('account.sex.male') },
            { value: 'other', label: t('account.sex.other') },
          ]}
          error={form.errors.fields.sex}
        />
        <TextField
          id={form.id('personalId')}
          label={t('account.fields.personalId')}
          hint={me.personalIdMasked ? t('account.fields.personalIdSaved', { masked: me.personalIdMasked }) : t('account.fields.personalIdHint')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={20}
          value={draft.personalId}
          onChange={(e) => set('personalId')(e.target.value.replace(/\D/g, ''))}
          error={form.errors.fields.personalId}
        />
        <Select
          id={form.id('communeCode')}
          label={t('account.fields.commune')}
          hint={communes.isError ? t('account.fields.communeLoadFailed') : t('account.fields.communeHint')}
          value={draft.communeCode}
          onChange={(e) => set('communeCode')(e.target.value)}
          placeholder={communes.isPending ? t('ui.loading') : t('account.fields.choose')}
          options={communeOptions}
          error={form.errors.fields.communeCode}
        />
        <TextField id={form.id('address')} label={t('account.fields.address')} hint={t('account.fields.addressHint')} autoComplete="street-address" value={draft.address} onChange={(e) => set('address')(e.target.value)} error={form.errors.fields.address} />
        <Button type="submit" block busy={save.isPending}>
          {t('account.profile.save')}
        </Button>
      </form>
    </div>
  );
}
