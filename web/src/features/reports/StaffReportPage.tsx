// A report for staff: who filed it, the map, photos (to approve), history with internal
// notes, and the workflow actions the current status allows.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, ErrorState, Loading, Select, TextField } from '../../ui/index.ts';
import { api, ApiError } from '../../lib/api.ts';
import { usePageTitle } from '../../app/installation.ts';
import { useStaffReport, useTemplates, type ReportAction, type StaffReport } from './api.ts';
import { StatusBadge, Timeline } from './parts.tsx';
import { ReportMap } from './ReportMap.tsx';
import './reports.css';

export function StaffReportPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  usePageTitle(code);
  const report = useStaffReport(code);
  if (report.isPending) return <Loading />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  const r = report.data;
  return (
    <div className="stack">
      <h1>
        {r.trackingCode} · {r.category.name}
      </h1>
      <p>
        <StatusBadge status={r.status} label={r.statusLabel} /> {t('reports.detail.due')}: {r.dueDate}
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
      <PhotosCard report={r} />
      <ActionsCard report={r} />
      <Card title={t('reports.detail.timeline')}>
        <Timeline entries={r.timeline} />
      </Card>
    </div>
  );
}

function useRun(code: string) {
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
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
  void code;
  return { run, error, busy };
}

function PhotosCard({ report: r }: { report: StaffReport }) {
  const { t } = useTranslation();
  const { run, error, busy } = useRun(r.trackingCode);
  if (r.photos.length === 0) return null;
  return (
    <Card title={t('reports.detail.photos')}>
      {error && <Alert kind="error" live>{error}</Alert>}
      <div className="report-photos">
        {r.photos.map((p) => (
          <figure key={p.id}>
            <img src={p.thumbUrl} alt={t('reports.detail.photos')} />
            <figcaption>
              {p.moderation === 'pending' && <span className="badge badge--warn">{t('reports.staff.pending')}</span>}
              {p.moderation !== 'approved' && <Button variant="ghost" busy={busy} onClick={() => void run(`/api/staff/report-photos/${p.id}/moderation`, { decision: 'approved' })}>{t('reports.staff.approve')}</Button>}
              {p.moderation !== 'hidden' && <Button variant="ghost" busy={busy} onClick={() => void run(`/api/staff/report-photos/${p.id}/moderation`, { decision: 'hidden' })}>{t('reports.staff.hide')}</Button>}
            </figcaption>
          </figure>
        ))}
      </div>
    </Card>
  );
}

function ActionsCard({ report: r }: { report: StaffReport }) {
  const { t } = useTranslation();
  const { run, error, busy } = useRun(r.trackingCode);
  const templates = useTemplates(r.category.code);
  const [text, setText] = useState('');
  const [extra, setExtra] = useState('');
  const act = (action: string, fields: Record<string, string> = {}) =>
    void run(`/api/staff/reports/${r.trackingCode}/actions`, { action, ...fields }).then((ok) => ok && (setText(''), setExtra('')));
  const has = (a: ReportAction) => r.actions.includes(a);
  return (
    <Card title={t('reports.staff.actions')}>
      {error && <Alert kind="error" live>{error}</Alert>}
      <TextField label={`${t('reports.staff.answer')} / ${t('reports.staff.reason')}`} value={text} onChange={(e) => setText(e.target.value)} />
      {(templates.data ?? []).length > 0 && (
        <Select label={t('reports.staff.template')} placeholder="—" value="" onChange={(e) => setText(templates.data?.find((x) => x.id === e.target.value)?.body ?? text)}
          options={(templates.data ?? []).map((x) => ({ value: x.id, label: x.title }))} />
      )}
      <div className="row">
        {has('accept') && <Button busy={busy} onClick={() => act('accept')}>{t('reports.staff.accept')}</Button>}
        {has('reject') && <Button variant="danger" busy={busy} onClick={() => act('reject', { reason: text })}>{t('reports.staff.reject')}</Button>}
        {has('assign') && <Button busy={busy} onClick={() => act('assign')}>{t('reports.staff.assignMe')}</Button>}
        {has('start') && <Button busy={busy} onClick={() => act('start')}>{t('reports.staff.start')}</Button>}
        {has('request_info') && <Button variant="secondary" busy={busy} onClick={() => act('request_info', { question: text })}>{t('reports.staff.requestInfo')}</Button>}
        {has('resume') && <Button busy={busy} onClick={() => act('resume')}>{t('reports.staff.resume')}</Button>}
        {has('resolve') && <Button busy={busy} onClick={() => act('resolve', { answer: text })}>{t('reports.staff.resolve')}</Button>}
      </div>
      {(has('transfer') || has('merge')) && (
        <div className="row">
          <TextField label={`${t('reports.staff.agencyCode')} / ${t('reports.staff.target')}`} value={extra} onChange={(e) => setExtra(e.target.value)} />
          {has('transfer') && <Button variant="secondary" busy={busy} onClick={() => act('transfer', { agencyCode: extra, reason: text })}>{t('reports.staff.transfer')}</Button>}
          {has('merge') && <Button variant="secondary" busy={busy} onClick={() => act('merge', { targetId: extra })}>{t('reports.staff.merge')}</Button>}
        </div>
      )}
      <div className="row">
        <Button variant="ghost" busy={busy} disabled={!text.trim()} onClick={() => void run(`/api/staff/reports/${r.trackingCode}/notes`, { text }).then((ok) => ok && setText(''))}>{t('reports.staff.addNote')}</Button>
        <Button variant="ghost" busy={busy} disabled={!text.trim()} onClick={() => void run(`/api/staff/reports/${r.trackingCode}/replies`, { text }).then((ok) => ok && setText(''))}>{t('reports.staff.sendReply')}</Button>
      </div>
    </Card>
  );
}
