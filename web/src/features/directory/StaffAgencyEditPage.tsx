// Console: edit one agency's directory entry (contacts, address, map point, counter, hours).
// The server checks the editor acts for this agency and records the change in the audit trail.
import { useEffect, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS, type OpeningHours, type Weekday } from '@cds/contracts';
import { Alert, Button, Checkbox, ErrorState, Loading, PageHeader, TextArea, TextField } from '../../ui/index.ts';
import { fieldErrorMap } from '../../lib/api.ts';
import { usePageTitle } from '../../app/installation.ts';
import { agencyKey, saveAgency, useAgency, type DirectoryEntry, type DirectoryEntryPatch } from './api.ts';

type Form = Record<'address' | 'phone' | 'email' | 'website' | 'counter' | 'note' | 'lat' | 'lon', string> & { days: Record<Weekday, string>; openOnHolidays: boolean };

function toForm(a: DirectoryEntry): Form {
  const days = Object.fromEntries(WEEKDAYS.map((d) => [d, a.hours.weekly[d].map((p) => `${p.from}-${p.to}`).join(', ')])) as Record<Weekday, string>;
  return {
    address: a.address ?? '', phone: a.phone ?? '', email: a.email ?? '', website: a.website ?? '', counter: a.counter ?? '', note: a.note ?? '',
    lat: a.lat?.toString() ?? '', lon: a.lon?.toString() ?? '', days, openOnHolidays: a.hours.openOnHolidays,
  };
}

/** "07:30-11:30, 13:30-17:00" → periods; the server checks the times and names a bad one. */
function periods(text: string): { from: string; to: string }[] {
  return text.split(/[,;]/).map((s) => s.trim()).filter(Boolean).map((s) => {
    const [from = '', to = ''] = s.split(/\s*[-–]\s*/);
    return { from, to };
  });
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
const num = (s: string) => (s.trim() === '' ? null : Number(s.replace(',', '.')));

export function StaffAgencyEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const agency = useAgency(id);
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Form | null>(null);
  usePageTitle(t('directory.staff.edit'));
  useEffect(() => {
    if (agency.data && !form) setForm(toForm(agency.data));
  }, [agency.data, form]);
  const save = useMutation({
    mutationFn: (patch: DirectoryEntryPatch) => saveAgency(id, patch),
    onSuccess: (saved) => {
      queryClient.setQueryData(agencyKey(id), saved);
      setForm(toForm(saved));
    },
  });
  const errors = fieldErrorMap(save.error);
  const back = { to: '/staff/directory', label: t('directory.staff.title') };
  if (agency.isPending || (agency.data && !form)) return <Loading />;
  if (agency.isError) return <div className="stack"><PageHeader title={t('directory.staff.edit')} back={back} /><ErrorState error={agency.error} onRetry={() => void agency.refetch()} /></div>;
  if (!form) return null;
  const set = (k: keyof Form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      address: orNull(form.address), phone: orNull(form.phone), email: orNull(form.email), website: orNull(form.website),
      counter: orNull(form.counter), note: orNull(form.note), lat: num(form.lat), lon: num(form.lon),
      hours: { weekly: Object.fromEntries(WEEKDAYS.map((d) => [d, periods(form.days[d])])) as OpeningHours['weekly'], openOnHolidays: form.openOnHolidays },
    });
  };
  const dayError = (d: Weekday) => Object.entries(errors).find(([k]) => k.startsWith(`hours.weekly.${d}`))?.[1] ?? null;
  return (
    <div className="stack narrow">
      <PageHeader title={agency.data.name} back={back} />
      <form className="stack" onSubmit={submit} noValidate>
        <TextField label={t('directory.staff.phone')} value={form.phone} onChange={set('phone')} inputMode="tel" error={errors.phone ?? null} />
        <TextField label={t('directory.agency.email')} value={form.email} onChange={set('email')} type="email" error={errors.email ?? null} />
        <TextField label={t('directory.agency.website')} value={form.website} onChange={set('website')} hint="https://…" error={errors.website ?? null} />
        <TextArea label={t('directory.agency.where')} value={form.address} onChange={set('address')} error={errors.address ?? null} />
        <TextField label={t('directory.staff.lat')} value={form.lat} onChange={set('lat')} inputMode="decimal" error={errors.lat ?? null} />
        <TextField label={t('directory.staff.lon')} value={form.lon} onChange={set('lon')} inputMode="decimal" error={errors.lon ?? null} />
        <TextField label={t('directory.agency.counter')} value={form.counter} onChange={set('counter')} error={errors.counter ?? null} />
        <TextArea label={t('directory.agency.note')} value={form.note} onChange={set('note')} error={errors.note ?? null} />
        <fieldset className="stack">
          <legend>{t('directory.agency.hours')}</legend>
          <p className="muted">{t('directory.staff.hoursHint')}</p>
          {WEEKDAYS.map((d) => (
            <TextField key={d} label={t(`directory.weekday.${d}`)} value={form.days[d]} onChange={(e) => setForm({ ...form, days: { ...form.days, [d]: e.target.value } })} error={dayError(d)} />
          ))}
          <Checkbox label={t('directory.staff.openOnHolidays')} checked={form.openOnHolidays} onChange={(e) => setForm({ ...form, openOnHolidays: e.target.checked })} />
        </fieldset>
        {save.isError && Object.keys(errors).length === 0 && <Alert kind="error" live>{save.error.message}</Alert>}
        {save.isSuccess && <Alert kind="success" live>{t('directory.staff.saved')}</Alert>}
        <Button type="submit" icon="check" busy={save.isPending}>{t('directory.staff.save')}</Button>
      </form>
    </div>
  );
}
