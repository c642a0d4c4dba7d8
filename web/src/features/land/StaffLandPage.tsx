// Land officers' page (cán bộ địa chính): import parcels or zoning zones from a GeoJSON or a
// zipped Shapefile in VN-2000, watch the upload move and then the server's count of features
// read (also after a reload), read the result with every rejected feature and why, and the
// latest imports; then the plans, where a second officer publishes a draft with its
// approving decision so citizens see it.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { VN2000_ZONES } from '@cds/contracts';
import { usePageTitle } from '../../app/installation.ts';
import { ApiError, fieldErrorMap } from '../../lib/api.ts';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.ts';
import { Alert, Button, Card, DateField, EmptyState, ErrorState, FilePicker, Loading, Select, TextField } from '../../ui/index.ts';
import { uploadImport, useImportRun, useImportRuns, usePublishPlan, useStaffPlans, type ImportReply, type ImportRequest, type ImportRunSummary, type ZoningPlan } from './api.ts';
import './land.css';

const EMPTY: ImportRequest = { kind: 'parcels', srid: '', planName: '', decisionNumber: '', decisionDate: '' };

/** "107°15′" from 107.25 */
const meridian = (deg: number) => `${Math.floor(deg)}°${String(Math.round((deg % 1) * 60)).padStart(2, '0')}′`;

export function StaffLandPage() {
  const { t } = useTranslation();
  usePageTitle(t('land.staff.title'));
  return (
    <div className="stack">
      <h1>{t('land.staff.title')}</h1>
      <ImportCard />
      <RecentRuns />
      <PlansCard />
    </div>
  );
}

/** New parcels and a new draft plan: the plans, the runs and any parcel already read are stale; the ended run is not. */
const invalidateAfterImport = (client: QueryClient) => client.invalidateQueries({ queryKey: ['land'], predicate: (q) => q.queryKey[1] !== 'import-run' });

function ImportCard() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [req, setReq] = useState<ImportRequest>(EMPTY);
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<ImportShown | null>(null);
  // the run the page follows: its own upload's, or (resumed) one the server is still reading
  // after a reload or after the answer to the upload was lost
  const [runId, setRunId] = useState<string | null>(null);
  const [resumed, setResumed] = useState(false);
  // runs whose end the page has shown: a list fetched before they ended must not bring them back
  const [shown, setShown] = useState<string[]>([]);
  const recent = useImportRuns();
  const sending = progress !== null;
  const run = useImportRun(runId, sending && progress < 1);

  const stillReading = recent.data?.items.find((r) => r.state === 'reading' && !shown.includes(r.id));
  useEffect(() => {
    if (stillReading && runId === null && !sending && result === null) {
      setRunId(stillReading.id);
      setResumed(true);
    }
  }, [stillReading, runId, sending, result]);

  // a resumed run has no open upload to answer it: its end comes from the run itself
  const ended = resumed && run.data && run.data.state !== 'reading' ? run.data : null;
  useEffect(() => {
    if (!ended) return;
    if (ended.state === 'done' && ended.report) setResult({ reply: ended.report, kind: ended.kind, name: ended.fileName });
    else setMessage(ended.failure ?? t('errors.generic'));
    setShown((ids) => [...ids, ended.id]);
    setRunId(null);
    setResumed(false);
    void invalidateAfterImport(client);
  }, [ended, client, t]);

  const sridOptions = [
    { value: '', label: t('land.staff.import.sridFromPrj') },
    ...Object.entries(VN2000_ZONES).map(([srid, z]) => ({ value: srid, label: t('land.staff.import.sridZone', { province: z.province, meridian: meridian(z.centralMeridian), srid }) })),
    { value: '4326', label: t('land.staff.import.sridWgs84') },
  ];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    setResult(null);
    const problems: Record<string, string> = {};
    if (!file) problems.file = t('land.staff.import.needFile');
    // a GeoJSON carries no .prj: the officer must say which zone its coordinates are in
    else if (!/\.zip$/i.test(file.name) && !req.srid) problems.srid = t('land.staff.import.needSrid');
    if (req.kind === 'zones') {
      if (!req.planName.trim()) problems.planName = t('land.staff.import.needPlanName');
      if (!req.decisionNumber.trim()) problems.decisionNumber = t('land.staff.import.needDecision');
      if (!req.decisionDate) problems.decisionDate = t('land.staff.import.needDate');
    }
    setErrors(problems);
    if (Object.keys(problems).length > 0 || !file) return;
    const id = crypto.randomUUID();
    setRunId(id);
    setResumed(false);
    setProgress(0);
    let sent = false;
    try {
      const reply = await uploadImport(file, req, id, (p) => {
        sent = p >= 1;
        setProgress(p);
      });
      setResult({ reply, kind: req.kind, name: file.name });
      setShown((ids) => [...ids, id]);
      setRunId(null);
      void invalidateAfterImport(client);
    } catch (err) {
      if (sent && err instanceof ApiError && (err.isNetwork || err.status === 502 || err.status === 504)) {
        // the file reached the server and the answer was lost (a dropped line, a proxy's time limit): the server goes on reading
        setResumed(true);
        return;
      }
      setShown((ids) => [...ids, id]);
      setRunId(null);
      setErrors(fieldErrorMap(err));
      setMessage(err instanceof ApiError ? err.message : t('errors.generic'));
    } finally {
      setProgress(null);
    }
  };

  const set = (patch: Partial<ImportRequest>) => setReq({ ...req, ...patch });
  const following = resumed && runId !== null;

  return (
    <Card title={t('land.staff.import.title')}>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <p className="muted">{t('land.staff.import.hint')}</p>
        <Select label={t('land.staff.import.kind')} value={req.kind} onChange={(e) => set({ kind: e.target.value as ImportRequest['kind'] })}
          options={[{ value: 'parcels', label: t('land.staff.import.kindParcels') }, { value: 'zones', label: t('land.staff.import.kindZones') }]} />
        {req.kind === 'zones' && (
          <>
            <TextField label={t('land.staff.import.planName')} value={req.planName} error={errors.planName} onChange={(e) => set({ planName: e.target.value })} />
            <TextField label={t('land.staff.import.decisionNumber')} hint={t('land.staff.import.decisionHint')} value={req.decisionNumber} error={errors.decisionNumber} onChange={(e) => set({ decisionNumber: e.target.value })} />
            <DateField label={t('land.staff.import.decisionDate')} value={req.decisionDate} error={errors.decisionDate} onChange={(v) => set({ decisionDate: v })} />
          </>
        )}
        <FilePicker id="land-import-file" label={t('land.staff.import.file')} hint={t('land.staff.import.fileHint')} accept=".zip,.geojson,.json,application/zip,application/geo+json,application/json"
          error={errors.file} onFiles={(files) => setFile(files[0] ?? null)} />
        <Select label={t('land.staff.import.srid')} hint={t('land.staff.import.sridHint')} value={req.srid} error={errors.srid} onChange={(e) => set({ srid: e.target.value })} options={sridOptions} />
        {message && <Alert kind="error" live>{message}</Alert>}
        {(sending || following) && <ImportProgress sent={following || run.data ? null : progress} run={run.data ?? null} />}
        <Button type="submit" icon="document" busy={sending || following}>{t('land.staff.import.submit')}</Button>
      </form>
      {result && <ImportResult {...result} />}
    </Card>
  );
}

interface ImportShown {
  reply: ImportReply;
  kind: ImportRequest['kind'];
  name: string;
}

/** "Đã đọc 12.500 thửa — 12.300 thêm mới, 150 cập nhật, 50 bị từ chối" */
function useCountText() {
  const { t } = useTranslation();
  return (r: Pick<ImportRunSummary, 'kind' | 'read' | 'inserted' | 'updated' | 'rejected'>) => t(`land.staff.import.count.${r.kind}`, {
    count: r.read, read: formatNumber(r.read), inserted: formatNumber(r.inserted), updated: formatNumber(r.updated), rejected: formatNumber(r.rejected),
  });
}

/**
 * The upload's share sent, then how far the server is with the file: a province's file takes
 * minutes to read, and the count shows it is moving. `sent` null: the server has the file
 * (its run has started), or a run followed without its upload (after a reload).
 */
function ImportProgress({ sent, run }: { sent: number | null; run: ImportRunSummary | null }) {
  const { t } = useTranslation();
  const countText = useCountText();
  const uploading = sent !== null && sent < 1;
  return (
    <div className="land-progress" role="status">
      <progress max={1} value={uploading ? sent : undefined} aria-label={t('land.staff.import.progressLabel')} />
      {uploading ? <p>{t('land.staff.import.sending', { percent: Math.round(sent * 100) })}</p> : (
        <>
          {/* changes every second: read on demand, not announced each time */}
          {run && <p className="land-progress__count" aria-live="off">{countText(run)}</p>}
          <p>{t('land.staff.import.reading')}</p>
          {run && <p className="muted">{t('land.staff.import.runOf', { name: run.fileName, time: formatDateTime(run.startedAt) })}</p>}
        </>
      )}
    </div>
  );
}

/** Lần nhập gần đây: the officer's latest imports, so one that ended while away is still told. */
function RecentRuns() {
  const { t } = useTranslation();
  const countText = useCountText();
  const recent = useImportRuns();
  const items = recent.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card title={t('land.staff.runs.title')}>
      <ul className="land-runs">
        {items.map((r) => (
          <li key={r.id} className="land-run">
            <p><strong>{r.fileName}</strong>{' · '}{formatDateTime(r.startedAt)}</p>
            <p>
              <span className={`land-run__state land-run__state--${r.state}`}>
                {r.state === 'failed' ? t('land.staff.runs.failed', { why: r.failure ?? '' }) : t(`land.staff.runs.${r.state}`)}
              </span>
            </p>
            <p className="muted">{countText(r)}</p>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function ImportResult({ reply, kind, name }: ImportShown) {
  const { t } = useTranslation();
  const rejected = reply.read - reply.inserted - reply.updated;
  return (
    <div className="stack land-import-result" aria-live="polite">
      <Alert kind={reply.inserted + reply.updated > 0 ? 'success' : 'error'} live>
        <strong>{t('land.staff.result.title', { name })}</strong>
        <ul>
          <li>{t('land.staff.result.read', { count: reply.read, n: formatNumber(reply.read) })}</li>
          <li>{t('land.staff.result.inserted', { n: formatNumber(reply.inserted) })}</li>
          <li>{t('land.staff.result.updated', { n: formatNumber(reply.updated) })}</li>
          <li>{t('land.staff.result.rejected', { n: formatNumber(rejected) })}</li>
        </ul>
        <p className="muted">{t('land.staff.result.srid', { srid: reply.srid })}</p>
      </Alert>
      {kind === 'zones' && reply.inserted + reply.updated > 0 && <Alert kind="info">{t('land.staff.result.draft')}</Alert>}
      {reply.rejected.length > 0 && (
        <div className="land-table-wrap">
          <table className="land-table">
            <caption>{t('land.staff.result.rejectedTitle', { shown: formatNumber(reply.rejected.length), total: formatNumber(rejected) })}</caption>
            <thead>
              <tr><th scope="col">{t('land.staff.result.feature')}</th><th scope="col">{t('land.staff.result.key')}</th><th scope="col">{t('land.staff.result.reason')}</th></tr>
            </thead>
            <tbody>
              {reply.rejected.map((r) => (
                <tr key={r.feature}><td>{r.feature}</td><td>{r.key ?? '–'}</td><td>{r.reason}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function PlansCard() {
  const { t } = useTranslation();
  const plans = useStaffPlans();
  return (
    <Card title={t('land.staff.plans.title')}>
      <p className="muted">{t('land.staff.plans.hint')}</p>
      {plans.isPending ? <Loading /> : plans.isError ? <ErrorState onRetry={() => void plans.refetch()} /> : plans.data.items.length === 0 ? (
        <EmptyState title={t('land.staff.plans.none')} />
      ) : (
        <ul className="land-plans">
          {plans.data.items.map((p) => <PlanItem key={p.id} plan={p} />)}
        </ul>
      )}
    </Card>
  );
}

function PlanItem({ plan }: { plan: ZoningPlan }) {
  const { t } = useTranslation();
  const publish = usePublishPlan();
  const [decisionNumber, setDecisionNumber] = useState(plan.decisionNumber);
  const [decisionDate, setDecisionDate] = useState(plan.decisionDate);
  const errors = fieldErrorMap(publish.error);
  const onPublish = (e: FormEvent) => {
    e.preventDefault();
    publish.mutate({ id: plan.id, body: { decisionNumber: decisionNumber.trim(), decisionDate } });
  };
  return (
    <li className="land-plan" data-testid={`plan-${plan.id}`}>
      <h3>{plan.name}</h3>
      <p>
        <span className={`land-plan__status land-plan__status--${plan.status}`}>
          {plan.status === 'published' ? t('land.staff.plans.published', { date: formatDate(plan.publishedAt) }) : t('land.staff.plans.draft')}
        </span>
        {' · '}{t('land.staff.plans.zones', { count: plan.zones })}
      </p>
      <p className="muted">{t('land.sheet.plan', { name: '', number: plan.decisionNumber, date: formatDate(plan.decisionDate) }).replace(/^ – /, '')}</p>
      {plan.status === 'draft' && (
        <form className="stack--tight" onSubmit={onPublish} noValidate>
          <TextField label={t('land.staff.import.decisionNumber')} value={decisionNumber} error={errors.decisionNumber} onChange={(e) => setDecisionNumber(e.target.value)} />
          <DateField label={t('land.staff.import.decisionDate')} value={decisionDate} error={errors.decisionDate} onChange={setDecisionDate} />
          {publish.error && !Object.keys(errors).length && <Alert kind="error" live>{publish.error instanceof ApiError ? publish.error.message : t('errors.generic')}</Alert>}
          <Button type="submit" icon="check" busy={publish.isPending}>{t('land.staff.plans.publish')}</Button>
        </form>
      )}
    </li>
  );
}
