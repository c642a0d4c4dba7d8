// A report for staff: who filed it, the map, photos (to approve), history with internal
// notes, and the workflow actions the current status allows.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useIsFetching, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, ErrorState, Loading, Select, TextField } from '../../ui/index.ts';
import { api, ApiError } from '../../lib/api.ts';
import { usePageTitle } from '../../app/installation.ts';
import { useDraft } from '../../lib/drafts.ts';
import { formatDate } from '../../lib/format.ts';
import { useAgencies, useStaffReport, useTemplates, type ReportAction, type StaffReport } from './api.ts';
import { foldVietnamese } from '@cds/contracts';
import { StatusBadge, Timeline } from './parts.tsx';
import { ReportMap } from './ReportMap.tsx';
import './reports.css';

export function StaffReportPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  usePageTitle(code);
  const report = useStaffReport(code);
  const actions = useRun(code);
  if (report.isPending) return <Loading />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  const r = report.data;
  return (
    <div className="stack">
      <h1>
        {r.trackingCode} · {r.category.name}
      </h1>
      <p>
        <StatusBadge status={r.status} label={r.statusLabel} /> {t('reports.detail.due')}: {formatDate(r.dueDate)}
        {r.urgency && r.urgency !== 'ok' && <span className={`badge ${r.urgency === 'overdue' ? 'badge--danger' : 'badge--warn'}`}> {t(`reports.staff.urgency.${r.urgency}`)}</span>}
      </p>
      <Card>
        <p>{r.description}</p>
        <p>
          {t('reports.staff.reporter')}: {r.reporter?.name ?? '—'} {r.reporter?.phone ?? ''} {r.anonymous && <span className="badge badge--muted">{t('reports.staff.anonymousFlag')}</span>}
        </p>
        <p>{[r.address, r.communeName].filter(Boolean).join(', ')} · {r.agencyName}</p>
        <ReportMap label={t('reports.detail.place')} center={[r.lon, r.lat]} zoom={14} pin={{ lat: r.lat, lon: r.lon }} showReports={false} />
      </Card>
      {actions.error && <Alert kind="error" live>{actions.error}</Alert>}
      <PhotosCard report={r} actions={actions} />
      <ActionsCard report={r} actions={actions} />
      <Card title={t('reports.detail.timeline')}>
        <Timeline entries={r.timeline} />
      </Card>
    </div>
  );
}

/**
 * Sends one staff action and waits until the report on screen reflects it. While a request or
 * any reload of this report runs, every action button is disabled, so a click can never act on
 * a page that is about to change under it (an officer on a slow connection clicks exactly then).
 */
function useRun(code: string) {
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reloading = useIsFetching({ queryKey: ['reports', 'staff', code] }) > 0;
  async function run(path: string, body: unknown): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      await api(path, { method: 'POST', body });
      await client.invalidateQueries({ queryKey: ['reports'] });
      return true;
    } catch (err) {
      setError(err instanceof ApiError ? [err.message, ...err.fieldErrors.map((f) => `${f.field}: ${f.message}`)].join(' — ') : String(err));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { run, error, busy, locked: busy || reloading };
}

type Run = ReturnType<typeof useRun>;

function PhotosCard({ report: r, actions }: { report: StaffReport; actions: Run }) {
  const { t } = useTranslation();
  const { run, busy, locked } = actions;
  if (r.photos.length === 0) return null;
  return (
    <Card title={t('reports.detail.photos')}>
      <div className="report-photos">
        {r.photos.map((p) => (
          <figure key={p.id}>
            <img src={p.thumbUrl} alt={t('reports.detail.photos')} />
            <figcaption>
              {p.moderation === 'pending' && <span className="badge badge--warn">{t('reports.staff.pending')}</span>}
              {p.moderation !== 'approved' && <Button variant="ghost" busy={busy} disabled={locked} onClick={() => void run(`/api/staff/report-photos/${p.id}/moderation`, { decision: 'approved' })}>{t('reports.staff.approve')}</Button>}
              {p.moderation !== 'hidden' && <Button variant="ghost" busy={busy} disabled={locked} onClick={() => void run(`/api/staff/report-photos/${p.id}/moderation`, { decision: 'hidden' })}>{t('reports.staff.hide')}</Button>}
            </figcaption>
          </figure>
        ))}
      </div>
    </Card>
  );
}

function ActionsCard({ report: r, actions }: { report: StaffReport; actions: Run }) {
  const { t } = useTranslation();
  const { run, busy, locked } = actions;
  const templates = useTemplates(r.category.code);
  // drafts per report: a reload of the report (after an action, or in the background) and a
  // reload of the page keep what the officer is typing
  const text = useDraft(`staff-report:${r.trackingCode}:text`);
  const extra = useDraft(`staff-report:${r.trackingCode}:extra`);
  /** `uses` names the drafts the action sends; only those are emptied, and only if unchanged since. */
  const send = (path: string, body: Record<string, string>, uses: { text?: boolean; extra?: boolean } = {}) => {
    const sentText = text.value;
    const sentExtra = extra.value;
    void run(path, body).then((ok) => {
      if (!ok) return;
      if (uses.text) text.consumed(sentText);
      if (uses.extra) extra.consumed(sentExtra);
    });
  };
  const actionPath = `/api/staff/reports/${r.trackingCode}/actions`;
  const act = (action: ReportAction, fields: Record<string, string> = {}, uses: { text?: boolean; extra?: boolean } = {}) =>
    send(actionPath, { action, ...fields }, uses);
  const has = (a: ReportAction) => r.actions.includes(a);
  const [assignee, setAssignee] = useState('');
  const button = (a: ReportAction, label: string, onClick: () => void, variant?: 'secondary' | 'danger') =>
    has(a) && <Button variant={variant} busy={busy} disabled={locked} onClick={onClick}>{label}</Button>;
  return (
    <Card title={t('reports.staff.actions')}>
      <TextField label={`${t('reports.staff.answer')} / ${t('reports.staff.reason')}`} value={text.value} onChange={(e) => text.set(e.target.value)} />
      {(templates.data ?? []).length > 0 && (
        <Select label={t('reports.staff.template')} placeholder="—" value="" onChange={(e) => text.set(templates.data?.find((x) => x.id === e.target.value)?.body ?? text.value)}
          options={(templates.data ?? []).map((x) => ({ value: x.id, label: x.title }))} />
      )}
      <div className="row">
        {button('accept', t('reports.staff.accept'), () => act('accept'))}
        {button('reject', t('reports.staff.reject'), () => act('reject', { reason: text.value }, { text: true }), 'danger')}
        {button('start', t('reports.staff.start'), () => act('start'))}
        {button('request_info', t('reports.staff.requestInfo'), () => act('request_info', { question: text.value }, { text: true }), 'secondary')}
        {button('resume', t('reports.staff.resume'), () => act('resume'))}
        {button('resolve', t('reports.staff.resolve'), () => act('resolve', { answer: text.value }, { text: true }))}
      </div>
      {has('assign') && (
        <div className="row">
          <Select id="report-assignee" label={t('reports.staff.assignee')} value={assignee} onChange={(e) => setAssignee(e.target.value)}
            options={[{ value: '', label: t('reports.staff.assignMe') }, ...r.assignees.map((a) => ({ value: a.id, label: a.name }))]} />
          {button('assign', t('reports.staff.assign'), () => act('assign', assignee ? { assigneeId: assignee } : {}))}
        </div>
      )}
      {has('transfer') && <TransferPicker report={r} locked={locked} busy={busy} onTransfer={(agencyCode, reason) => act('transfer', { agencyCode, reason })} />}
      {has('merge') && (
        <div className="row">
          <TextField label={t('reports.staff.target')} value={extra.value} onChange={(e) => extra.set(e.target.value)} />
          {button('merge', t('reports.staff.merge'), () => act('merge', { targetId: extra.value }, { extra: true }), 'secondary')}
        </div>
      )}
      <div className="row">
        <Button variant="ghost" busy={busy} disabled={locked || !text.value.trim()} onClick={() => send(`/api/staff/reports/${r.trackingCode}/notes`, { text: text.value }, { text: true })}>{t('reports.staff.addNote')}</Button>
        <Button variant="ghost" busy={busy} disabled={locked || !text.value.trim()} onClick={() => send(`/api/staff/reports/${r.trackingCode}/replies`, { text: text.value }, { text: true })}>{t('reports.staff.sendReply')}</Button>
      </div>
    </Card>
  );
}

/**
 * Transfer (chuyển cơ quan) by name: the officer types a few words and picks the agency,
 * instead of knowing its code. The list is the public agency directory, without the
 * report's own agency.
 */
function TransferPicker({ report: r, locked, busy, onTransfer }: { report: StaffReport; locked: boolean; busy: boolean; onTransfer: (agencyCode: string, reason: string) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState('');
  const reason = useDraft(`staff-report:${r.trackingCode}:transfer-reason`);
  const agencies = useAgencies();
  const words = foldVietnamese(query).split(/\s+/).filter(Boolean);
  const matches = (agencies.data ?? [])
    .filter((a) => a.name !== r.agencyName)
    .filter((a) => words.every((w) => foldVietnamese(`${a.name} ${a.shortName} ${a.areaName ?? ''}`).includes(w)))
    .slice(0, 50);
  return (
    <div className="stack">
      <TextField id="transfer-search" type="search" label={t('reports.staff.transferSearch')} value={query} onChange={(e) => setQuery(e.target.value)} />
      <Select id="transfer-agency" label={t('reports.staff.transferTo')} placeholder={t('reports.staff.transferChoose', { count: matches.length })} value={chosen} onChange={(e) => setChosen(e.target.value)}
        options={matches.map((a) => ({ value: a.code, label: a.name }))} />
      <TextField id="transfer-reason" label={t('reports.staff.transferReason')} value={reason.value} onChange={(e) => reason.set(e.target.value)} />
      <Button variant="secondary" busy={busy} disabled={locked || !chosen || !reason.value.trim()} onClick={() => onTransfer(chosen, reason.value.trim())}>{t('reports.staff.transfer')}</Button>
    </div>
  );
}
