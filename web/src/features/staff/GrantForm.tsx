import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Select, TextField, useToast } from '../../ui/index.ts';
import { api } from '../../lib/api.ts';
import { useFormErrors, type FieldErrors } from '../../lib/forms.ts';
import { AGENCY_BOUND_ROLES, STAFF_ROLES, type StaffRole } from '@cds/contracts';
import { useInstallation } from '../../app/installation.ts';
import { useCommunes } from '../account/areas.ts';
import { staffKeys, useAgencies } from './api.ts';

const FIELDS = ['role', 'agencyId', 'areaCode'] as const;
/** Roles that act for an agency; the rest act over an area or the whole system. */
const NEEDS_AGENCY: readonly StaffRole[] = AGENCY_BOUND_ROLES;

export interface GrantDraft {
  role: StaffRole | '';
  agencyId: string;
  areaCode: string;
}

export function validateGrant(draft: GrantDraft, t: (key: string) => string): FieldErrors {
  const found: FieldErrors = {};
  if (!draft.role) found.role = t('staff.grant.roleRequired');
  else if (NEEDS_AGENCY.includes(draft.role) && !draft.agencyId) found.agencyId = t('staff.grant.agencyRequired');
  else if (draft.role === 'leader' && !draft.areaCode) found.areaCode = t('staff.grant.areaRequired');
  return found;
}

export function GrantForm({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const toast = useToast();
  const installation = useInstallation();
  const province = installation.data?.province;
  const communes = useCommunes(province?.code);
  const [draft, setDraft] = useState<GrantDraft>({ role: '', agencyId: '', areaCode: '' });
  const [agencyQuery, setAgencyQuery] = useState('');
  const [chosenAgency, setChosenAgency] = useState<{ value: string; label: string } | null>(null);
  const agencies = useAgencies(draft.areaCode, agencyQuery.trim());
  const form = useFormErrors(FIELDS, 'grant');

  const grant = useMutation({
    mutationFn: () =>
      api('/api/admin/memberships', {
        method: 'POST',
        body: { userId, role: draft.role, ...(draft.agencyId ? { agencyId: draft.agencyId } : {}), ...(draft.areaCode ? { areaCode: draft.areaCode } : {}) },
      }),
    onSuccess: () => {
      toast.show(t('staff.grant.done'));
      form.clear();
      setDraft({ role: '', agencyId: '', areaCode: '' });
      void client.invalidateQueries({ queryKey: staffKeys.memberships(userId) });
      void client.invalidateQueries({ queryKey: staffKeys.audit(userId) });
    },
    onError: form.fromServer,
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (form.check(validateGrant(draft, t))) grant.mutate();
  };

  const areaOptions = [
    ...(province ? [{ value: province.code, label: t('staff.grant.wholeProvince', { name: province.name }) }] : []),
    ...[...(communes.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'vi')).map((c) => ({ value: c.code, label: c.name })),
  ];
  const agencyOptions = (agencies.data ?? []).map((a) => ({ value: a.id, label: a.name }));
  // a narrower search must not silently drop the agency already chosen
  if (chosenAgency && chosenAgency.value === draft.agencyId && !agencyOptions.some((o) => o.value === chosenAgency.value)) agencyOptions.unshift(chosenAgency);

  return (
    <Card title={t('staff.grant.title')}>
      <form className="stack form-narrow" onSubmit={onSubmit} noValidate>
        {form.errors.form && <Alert kind="error" live>{form.errors.form}</Alert>}
        <Select
          id={form.id('role')}
          label={t('staff.grant.role')}
          value={draft.role}
          onChange={(e) => setDraft((d) => ({ ...d, role: e.target.value as StaffRole | '' }))}
          placeholder={t('account.fields.choose')}
          options={STAFF_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          error={form.errors.fields.role}
        />
        <Select
          id={form.id('areaCode')}
          label={t('staff.grant.area')}
          hint={t('staff.grant.areaHint')}
          value={draft.areaCode}
          onChange={(e) => setDraft((d) => ({ ...d, areaCode: e.target.value, agencyId: '' }))}
          placeholder={t('staff.grant.noArea')}
          options={areaOptions}
          error={form.errors.fields.areaCode}
        />
        <TextField label={t('staff.grant.agencySearch')} type="search" value={agencyQuery} onChange={(e) => setAgencyQuery(e.target.value)} />
        <Select
          id={form.id('agencyId')}
          label={t('staff.grant.agency')}
          hint={agencies.isError ? agencies.error.message : t('staff.grant.agencyHint', { count: agencyOptions.length })}
          value={draft.agencyId}
          onChange={(e) => {
            const value = e.target.value;
            setChosenAgency(value ? { value, label: e.target.selectedOptions[0]?.text ?? value } : null);
            setDraft((d) => ({ ...d, agencyId: value }));
          }}
          placeholder={agencies.isPending ? t('ui.loading') : t('staff.grant.noAgency')}
          options={agencyOptions}
          error={form.errors.fields.agencyId}
        />
        <Button type="submit" icon="plus" busy={grant.isPending}>
          {t('staff.grant.submit')}
        </Button>
      </form>
    </Card>
  );
}
