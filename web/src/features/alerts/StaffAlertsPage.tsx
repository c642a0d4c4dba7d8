// The alerts console: an alert officer drafts (CAP 1.2 fields, communes of the area), a
// leader approves and sends; both follow the delivery report and the citizens' answers.
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.ts';
import { useInstallation, usePageTitle } from '../../app/installation.ts';
import { ApiError } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { Alert as Notice, Button, Card, EmptyState, ErrorState, Loading, Select, TextField } from '../../ui/index.ts';
import { useCommunes } from '../account/areas.ts';
import { ALERT_EXTRA_LANGUAGES, closeRing, polygonProblem } from '@cds/contracts';
import { ReportMap } from '../reports/ReportMap.tsx';
import { useAlertReport, useAreaPreview, useStaffAction, useStaffAlerts, type Alert, type AlertDraftInput } from './api.ts';
import { AreaMap, type DrawnShape, type Lonlat } from './AreaMap.tsx';
import { StatusTag } from './parts.tsx';

// The CAP code lists, typed against the contract so a list that drifts from it fails the type check
// (runtime values of the contract reach the web app only through @cds/contracts' root, which
// does not re-export alerts.rules yet).
type Draft = AlertDraftInput;
const all =
  <T extends string>() =>
  <L extends readonly T[]>(list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : 'missing a value')) =>
    list;
const ISSUABLE_STATUSES = all<Draft['status']>()(['Actual', 'Exercise', 'Test'] as const);
const CAP_CATEGORIES = all<Draft['category']>()(['Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other'] as const);
const CAP_URGENCIES = all<Draft['urgency']>()(['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const);
const CAP_SEVERITIES = all<Draft['severity']>()(['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const);
const CAP_CERTAINTIES = all<Draft['certainty']>()(['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const);

const options = (values: readonly string[], label: (v: string) => string) => values.map((v) => ({ value: v, label: label(v) }));

type DraftFields = { status: string; category: string; event: string; urgency: string; severity: string; certainty: string; headline: string; description: string; instruction: string; hours: string };
const EMPTY_DRAFT: DraftFields = { status: 'Actual', category: 'Met', event: '', urgency: 'Immediate', severity: 'Severe', certainty: 'Likely', headline: '', description: '', instruction: '', hours: '12' };
const SEVERITY_BY_ALARM: Record<string, Draft['severity']> = { '1': 'Moderate', '2': 'Severe', '3': 'Extreme' };
const ROMAN: Record<string, string> = { '1': 'I', '2': 'II', '3': 'III' };

/**
 * A suggestion from a river station (the link in the officer's notice): a flood alert for the
 * station's commune, filled from the reading, for the officer to check, change and send.
 */
export function riverSuggestion(params: URLSearchParams, t: (key: string, values?: Record<string, string>) => string): { fields: DraftFields; communes: string[] } | null {
  const alarm = params.get('alarm') ?? '';
  const commune = params.get('commune') ?? '';
  if (params.get('suggest') !== 'river' || !SEVERITY_BY_ALARM[alarm] || !/^\d{5}$/.test(commune)) return null;
  const values = { station: params.get('station') ?? '', alarm: ROMAN[alarm]!, level: params.get('level') ?? '', at: formatDateTime(params.get('at')) };
  return {
    communes: [commune],
    fields: {
      ...EMPTY_DRAFT, category: 'Met', event: t('alerts.river.event'), urgency: alarm === '3' ? 'Immediate' : 'Expected', severity: SEVERITY_BY_ALARM[alarm]!, certainty: 'Observed',
      headline: t('alerts.river.headline', values), description: t('alerts.river.description', values), instruction: t('alerts.river.instruction'),
    },
  };
}

function DraftForm({ onDone, suggestion }: { onDone: () => void; suggestion: ReturnType<typeof riverSuggestion> }) {
  const { t } = useTranslation();
  const { data: installation } = useInstallation();
  const communes = useCommunes(installation?.province.code);
  const action = useStaffAction();
  const [f, setF] = useState<DraftFields>(suggestion?.fields ?? EMPTY_DRAFT);
  const [picked, setPicked] = useState<string[]>(suggestion?.communes ?? []);
  // besides the communes, an area drawn on the map (CAP <polygon> or <circle>)
  const [drawMode, setDrawMode] = useState<'none' | DrawnShape['kind']>('none');
  const [shape, setShape] = useState<DrawnShape>({ kind: 'polygon', corners: [], center: null, radiusKm: 5 });
  const [tr, setTr] = useState({ language: '', headline: '', description: '', instruction: '' });
  const preview = useAreaPreview();
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const tap = (p: Lonlat) => setShape(shape.kind === 'polygon' ? { ...shape, corners: [...shape.corners, p] } : { ...shape, center: p });
  const drawn = (): Pick<AlertDraftInput['area'], 'polygon' | 'circle'> => {
    if (drawMode === 'polygon' && shape.corners.length >= 3) return { polygon: closeRing(shape.corners) };
    if (drawMode === 'circle' && shape.center) return { circle: { center: shape.center, radiusKm: shape.radiusKm } };
    return {};
  };
  const polygonError = drawMode === 'polygon' && shape.corners.length >= 3 ? polygonProblem(closeRing(shape.corners)) : null;
  const areaBody = (): AlertDraftInput['area'] => {
    const names = (communes.data ?? []).filter((c) => picked.includes(c.code)).map((c) => c.name);
    const d = drawn();
    const what = [...names, ...(d.polygon ? [t('alerts.draw.polygonDesc')] : []), ...(d.circle ? [t('alerts.draw.circleDesc', { km: d.circle.radiusKm })] : [])];
    return { description: what.join(', ') || '—', communes: picked, ...d };
  };
  const fieldError = (name: string) => (action.error instanceof ApiError ? action.error.fieldErrors.find((e) => e.field === name || e.field.startsWith(`${name}/`))?.message : undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (polygonError) return;
    const body: AlertDraftInput = {
      status: f.status as AlertDraftInput['status'],
      category: f.category as AlertDraftInput['category'],
      event: f.event,
      urgency: f.urgency as AlertDraftInput['urgency'],
      severity: f.severity as AlertDraftInput['severity'],
      certainty: f.certainty as AlertDraftInput['certainty'],
      headline: f.headline,
      description: f.description,
      ...(f.instruction ? { instruction: f.instruction } : {}),
      expires: new Date(Date.now() + Number(f.hours) * 3600_000).toISOString(),
      area: areaBody(),
      ...(tr.language && tr.headline && tr.description
        ? { translations: [{ language: tr.language, event: f.event, headline: tr.headline, description: tr.description, ...(tr.instruction ? { instruction: tr.instruction } : {}) }] }
        : {}),
    };
    action.mutate({ path: '/api/staff/alerts', body }, { onSuccess: onDone });
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <Select label={t('alerts.form.status')} value={f.status} onChange={set('status')} options={options(ISSUABLE_STATUSES, (v) => t(`alerts.status.${v}`))} />
      <Select label={t('alerts.form.category')} value={f.category} onChange={set('category')} options={options(CAP_CATEGORIES, (v) => v)} />
      <TextField label={t('alerts.form.event')} value={f.event} onChange={set('event')} error={fieldError('event')} required />
      <Select label={t('alerts.form.urgency')} value={f.urgency} onChange={set('urgency')} options={options(CAP_URGENCIES, (v) => v)} />
      <Select label={t('alerts.form.severity')} value={f.severity} onChange={set('severity')} options={options(CAP_SEVERITIES, (v) => t(`alerts.severity.${v}`))} />
      <Select label={t('alerts.form.certainty')} value={f.certainty} onChange={set('certainty')} options={options(CAP_CERTAINTIES, (v) => v)} />
      <TextField label={t('alerts.form.headline')} value={f.headline} onChange={set('headline')} error={fieldError('headline')} required />
      <TextField label={t('alerts.form.description')} value={f.description} onChange={set('description')} error={fieldError('description')} required />
      <TextField label={t('alerts.form.instruction')} value={f.instruction} onChange={set('instruction')} />
      <Select label={t('alerts.form.hours')} value={f.hours} onChange={set('hours')} options={['3', '6', '12', '24', '48'].map((h) => ({ value: h, label: t('alerts.form.hoursN', { n: h }) }))} />
      <fieldset className="alert-communes">
        <legend>{t('alerts.form.communes')}</legend>
        {fieldError('area') && <p className="field-error">{fieldError('area')}</p>}
        {(communes.data ?? []).map((c) => (
          <label key={c.code}>
            <input type="checkbox" checked={picked.includes(c.code)} onChange={(e) => setPicked(e.target.checked ? [...picked, c.code] : picked.filter((p) => p !== c.code))} /> {c.name}
          </label>
        ))}
      </fieldset>
      <fieldset className="stack">
        <legend>{t('alerts.draw.title')}</legend>
        <Select
          label={t('alerts.draw.mode')}
          value={drawMode}
          onChange={(e) => {
            const mode = e.target.value as typeof drawMode;
            setDrawMode(mode);
            if (mode !== 'none') setShape({ ...shape, kind: mode });
          }}
          options={(['none', 'polygon', 'circle'] as const).map((m) => ({ value: m, label: t(`alerts.draw.${m}`) }))}
        />
        {drawMode !== 'none' && (
          <>
            <p>{t(drawMode === 'polygon' ? 'alerts.draw.polygonHelp' : 'alerts.draw.circleHelp')}</p>
            <AreaMap label={t('alerts.draw.mapLabel')} shape={shape} onTap={tap} centreLabel={t(drawMode === 'polygon' ? 'alerts.draw.addCentre' : 'alerts.draw.centreHere')} />
            {drawMode === 'polygon' && (
              <div className="alert-answers">
                <Button variant="secondary" icon="close" disabled={shape.corners.length === 0} onClick={() => setShape({ ...shape, corners: shape.corners.slice(0, -1) })}>
                  {t('alerts.draw.undo')}
                </Button>
                <Button variant="secondary" icon="close" disabled={shape.corners.length === 0} onClick={() => setShape({ ...shape, corners: [] })}>
                  {t('alerts.draw.clear')}
                </Button>
              </div>
            )}
            {drawMode === 'circle' && (
              <Select label={t('alerts.draw.radius')} value={String(shape.radiusKm)} onChange={(e) => setShape({ ...shape, radiusKm: Number(e.target.value) })} options={['1', '2', '5', '10', '20', '50'].map((k) => ({ value: k, label: `${k} km` }))} />
            )}
            <p aria-live="polite">
              {drawMode === 'polygon' ? t('alerts.draw.corners', { n: shape.corners.length }) : shape.center ? t('alerts.draw.centreSet', { lat: shape.center[1].toFixed(4), lon: shape.center[0].toFixed(4) }) : t('alerts.draw.noCentre')}
            </p>
            {polygonError && <p className="field-error">{t(`alerts.draw.problem.${polygonError}`)}</p>}
          </>
        )}
        {fieldError('area/polygon') && <p className="field-error">{fieldError('area/polygon')}</p>}
        <Button variant="secondary" icon="search" busy={preview.isPending} disabled={!!polygonError} onClick={() => preview.mutate(areaBody())}>
          {t('alerts.draw.preview')}
        </Button>
        {preview.data && (
          <Notice kind="info" live>
            {t('alerts.draw.covers', { n: preview.data.communes.length, people: preview.data.residents })}: {preview.data.communes.map((c) => c.name).join(', ')}
          </Notice>
        )}
        {preview.isError && <Notice kind="error">{preview.error.message}</Notice>}
      </fieldset>
      <fieldset className="stack">
        <legend>{t('alerts.tr.title')}</legend>
        <Select label={t('alerts.tr.language')} value={tr.language} onChange={(e) => setTr({ ...tr, language: e.target.value })} options={[{ value: '', label: t('alerts.tr.none') }, ...ALERT_EXTRA_LANGUAGES.map((l) => ({ value: l.code, label: l.name }))]} />
        {tr.language && (
          <>
            <TextField label={t('alerts.form.headline')} lang={tr.language} value={tr.headline} onChange={(e) => setTr({ ...tr, headline: e.target.value })} error={fieldError('translations/0/headline')} />
            <TextField label={t('alerts.form.description')} lang={tr.language} value={tr.description} onChange={(e) => setTr({ ...tr, description: e.target.value })} error={fieldError('translations/0/description')} />
            <TextField label={t('alerts.form.instruction')} lang={tr.language} value={tr.instruction} onChange={(e) => setTr({ ...tr, instruction: e.target.value })} />
          </>
        )}
      </fieldset>
      {action.isError && <Notice kind="error">{action.error.message}</Notice>}
      <Button type="submit" icon="check" busy={action.isPending}>
        {t('alerts.form.save')}
      </Button>
    </form>
  );
}

function Report({ id }: { id: string }) {
  const { t } = useTranslation();
  const report = useAlertReport(id);
  if (!report.data) return report.isError ? <ErrorState error={report.error} /> : <Loading />;
  const d = report.data.delivery;
  // "I need help" with a location the citizen shared: the points rescuers go to
  const helpPoints = report.data.answers.flatMap((a, i) =>
    a.answer === 'need_help' && a.lat !== null && a.lon !== null ? [{ id: `help-${i}`, lat: a.lat, lon: a.lon, label: `${t('alerts.needHelp')}: ${a.fullName} ${a.phone ?? ''}`.trim(), colour: '#c8102e' }] : [],
  );
  return (
    <div className="stack">
      <p>
        {t('alerts.report.line', { targeted: d.targeted, inbox: d.inbox, pushed: d.pushed, accepted: d.pushAccepted, failed: d.pushFailed + d.pushExpired, sms: d.smsSent })}
      </p>
      <p>{t('alerts.report.sms', { sent: d.smsSent, delivered: d.smsDelivered, failed: d.smsFailed, pending: d.smsPending })}</p>
      <p>
        {t('alerts.report.answers', { safe: d.safe, help: d.needHelp })}
        {!d.fanOutDone && ` · ${t('alerts.report.sending')}`}
      </p>
      {report.data.perCommune.length > 0 && (
        <table className="alert-per-commune">
          <caption>{t('alerts.report.perCommune')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('alerts.area')}</th>
              <th scope="col">{t('alerts.needHelp')}</th>
              <th scope="col">{t('alerts.safe')}</th>
            </tr>
          </thead>
          <tbody>
            {report.data.perCommune.map((c) => (
              <tr key={c.code}>
                <th scope="row">{c.name}</th>
                <td>{c.needHelp}</td>
                <td>{c.safe}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {helpPoints.length > 0 && (
        <div className="alert-report-map">
          <ReportMap label={t('alerts.report.mapLabel')} showReports={false} center={[helpPoints[0]!.lon, helpPoints[0]!.lat]} zoom={11} markers={helpPoints} />
        </div>
      )}
      <ul>
        {report.data.answers.map((a) => (
          <li key={`${a.at}${a.phone ?? ''}`}>
            {a.answer === 'safe' ? t('alerts.safe') : t('alerts.needHelp')} — {a.fullName} {a.phone ?? ''}
            {a.lat !== null && a.lon !== null && (
              <>
                {' '}
                (<a href={`https://www.openstreetmap.org/?mlat=${a.lat}&mlon=${a.lon}#map=15/${a.lat}/${a.lon}`}>{`${a.lat.toFixed(4)}, ${a.lon.toFixed(4)}`}</a>)
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function AlertRow({ a }: { a: Alert }) {
  const { t } = useTranslation();
  const action = useStaffAction();
  const [report, setReport] = useState(false);
  return (
    <Card title={a.headline} level={3} aria-label={a.headline}>
      <p>
        <StatusTag alert={a} /> {t(`alerts.state.${a.state}`)} · {a.communeNames.join(', ')} · {t('alerts.by', { name: a.createdBy })}
        {a.sentAt ? ` · ${formatDateTime(a.sentAt)}` : ''}
      </p>
      <div className="alert-answers">
        {a.actions.includes('send') && (
          <Button icon="check" busy={action.isPending} onClick={() => action.mutate({ path: `/api/staff/alerts/${a.id}/send` })}>
            {a.status === 'Actual' ? t('alerts.approveSend') : t('alerts.send')}
          </Button>
        )}
        {a.actions.includes('reject') && (
          <Button variant="secondary" icon="close" onClick={() => action.mutate({ path: `/api/staff/alerts/${a.id}/reject`, body: { reason: t('alerts.rejectReason') } })}>
            {t('alerts.reject')}
          </Button>
        )}
        {a.actions.includes('cancel') && (
          <Button variant="secondary" icon="close" onClick={() => action.mutate({ path: `/api/staff/alerts/${a.id}/follow-ups`, body: { msgType: 'Cancel' } })}>
            {t('alerts.draftCancel')}
          </Button>
        )}
        {a.state === 'sent' && (
          <Button variant="secondary" icon="chart" onClick={() => setReport(!report)}>
            {t('alerts.report.title')}
          </Button>
        )}
      </div>
      {action.isError && <Notice kind="error">{action.error.message}</Notice>}
      {report && <Report id={a.id} />}
    </Card>
  );
}

export function StaffAlertsPage() {
  const { t } = useTranslation();
  usePageTitle(t('alerts.console'));
  const auth = useAuth();
  const mayDraft = auth.status === 'signedIn' && auth.me.abilities.includes('alerts.draft');
  const list = useStaffAlerts();
  const [params] = useSearchParams();
  const suggestion = riverSuggestion(params, t);
  const [drafting, setDrafting] = useState(mayDraft && suggestion !== null);
  return (
    <div className="stack">
      <h1>{t('alerts.console')}</h1>
      {mayDraft && !drafting && (
        <Button icon="plus" onClick={() => setDrafting(true)}>
          {t('alerts.new')}
        </Button>
      )}
      {drafting && (
        <Card title={t('alerts.new')}>
          {suggestion && <Notice kind="info">{t('alerts.river.suggested')}</Notice>}
          <DraftForm onDone={() => setDrafting(false)} suggestion={suggestion} />
        </Card>
      )}
      {list.isPending && <Loading />}
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && <EmptyState title={t('alerts.noneTitle')} />}
      {list.data?.items.map((a) => <AlertRow key={a.id} a={a} />)}
    </div>
  );
}
