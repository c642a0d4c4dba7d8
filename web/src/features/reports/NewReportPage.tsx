// "Gửi phản ánh": category (two levels), description and extra questions, photos, place
// (GPS, map pin, or commune and address), nearby duplicates to support, then send. Sent
// through the outbox, so with no network it waits and goes out once when it is back.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, Button, Card, Checkbox, ErrorState, FilePicker, Loading, Select, TextArea, TextField } from '../../ui/index.ts';
import { api, ApiError } from '../../lib/api.ts';
import { usePageTitle, useInstallation } from '../../app/installation.ts';
import { useCommunes } from '../account/areas.ts';
import { sendReport, shrinkPhoto, useCategories, type Category, type DuplicatesReply, type PhotoLocationReply, type Report, type SendResult, usePlaceName, useQueuedReportCode } from './api.ts';
import { fileToBase64 } from '../../lib/files.ts';
import { ReportMap } from './ReportMap.tsx';
import { RoutePreview } from './RoutePreview.tsx';
import './reports.css';

type Point = { lat: number; lon: number };
/**
 * `preview` is null when the browser cannot draw the photo (an unshrunk HEIC); `data` is null
 * while the photo could not be read (the person may retry it), with `error` saying why.
 */
type Photo = { key: string; file: File; preview: string | null; data: string | null; error: string | null };

function isHeic(f: File): boolean {
  return /^image\/hei[cf]/.test(f.type) || /\.hei[cf]$/i.test(f.name);
}

export function NewReportPage() {
  const { t } = useTranslation();
  usePageTitle(t('reports.form.title'));
  const cats = useCategories();
  const [category, setCategory] = useState<Category | null>(null);
  const [done, setDone] = useState<SendResult | null>(null);
  if (cats.isPending) return <Loading />;
  if (cats.isError) return <ErrorState error={cats.error} onRetry={() => void cats.refetch()} />;
  if (done?.kind === 'sent' || done?.kind === 'queued') return <ReportSent result={done} />;
  return (
    <div className="narrow stack">
      <h1>{t('reports.form.title')}</h1>
      {category ? (
        <ReportForm category={category} onBack={() => setCategory(null)} onDone={setDone} />
      ) : (
        <CategoryPicker tree={cats.data} onPick={setCategory} />
      )}
    </div>
  );
}

/** Where the pin is, in words; offline, or outside any known place, it says only that a place is chosen. */
function PinnedPlace({ pin }: { pin: Point }) {
  const { t } = useTranslation();
  const place = usePlaceName(pin);
  const text = !place
    ? t('reports.form.pinnedPlain')
    : place.near
      ? t('reports.form.pinnedNear', { near: place.near.name, commune: place.commune.name })
      : t('reports.form.pinnedIn', { commune: place.commune.name });
  return (
    <p role="status" className="report-pinned">
      {text}
    </p>
  );
}

/** The confirmation; a report queued offline turns into its tracking code when it lands. */
function ReportSent({ result }: { result: Extract<SendResult, { kind: 'sent' | 'queued' }> }) {
  const { t } = useTranslation();
  const landed = useQueuedReportCode(result.kind === 'queued' ? result.id : null);
  const code = result.kind === 'sent' ? result.trackingCode : landed;
  return (
    <div className="narrow stack">
      <h1>{t('reports.form.title')}</h1>
      <Alert kind="success" live>
        {code ? t('reports.form.sent', { code }) : t('reports.form.queued')}
      </Alert>
      {code && (
        <p>
          {t('reports.form.codeLabel')} <Link className="tracking-code" to={`/reports/${code}`}>{code}</Link>
        </p>
      )}
      <h2 className="section-title">{t('reports.form.nextTitle')}</h2>
      <ol className="next-steps">
        <li>{t('reports.form.next1')}</li>
        <li>{t('reports.form.next2')}</li>
        <li>{t('reports.form.next3')}</li>
      </ol>
      <Link to="/reports/mine">{t('reports.public.mine')}</Link>
    </div>
  );
}

function CategoryPicker({ tree, onPick }: { tree: Category[]; onPick: (c: Category) => void }) {
  const { t } = useTranslation();
  const [top, setTop] = useState<Category | null>(null);
  const list = top ? top.children ?? [] : tree;
  return (
    <Card title={t('reports.form.step1')}>
      {top && (
        <p>
          <Button variant="ghost" icon="chevronLeft" onClick={() => setTop(null)}>
            {top.name}
          </Button>
        </p>
      )}
      <div className="report-cats">
        {list.map((c) => (
          <Button key={c.code} variant="secondary" onClick={() => (c.children?.length ? setTop(c) : onPick(c))} data-icon={c.icon}>
            {c.name}
          </Button>
        ))}
      </div>
    </Card>
  );
}

interface FormProps {
  category: Category;
  onBack: () => void;
  onDone: (r: SendResult) => void;
}

function ReportForm({ category, onBack, onDone }: FormProps) {
  const { t } = useTranslation();
  const installation = useInstallation();
  const communes = useCommunes(installation.data?.province.code);
  const [description, setDescription] = useState('');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [photoPlace, setPhotoPlace] = useState<Point | null>(null);
  const [pin, setPin] = useState<Point | null>(null);
  const [address, setAddress] = useState('');
  const [communeCode, setCommuneCode] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dups, setDups] = useState<Report[]>([]);
  const [supported, setSupported] = useState<Set<string>>(new Set());

  useEffect(() => {
    if (!pin || !navigator.onLine) return setDups([]);
    const ctrl = new AbortController();
    api<DuplicatesReply>(`/api/reports/duplicates?category=${encodeURIComponent(category.code)}&lat=${pin.lat}&lon=${pin.lon}`, { signal: ctrl.signal })
      .then((r) => setDups(r.items))
      .catch(() => setDups([]));
    return () => ctrl.abort();
  }, [pin, category.code]);

  /** Reads one photo for sending: shrunk to JPEG when the browser can draw it, else as it is. */
  async function readPhoto(f: File, key: string): Promise<Photo> {
    try {
      const shrunk = await shrinkPhoto(f).catch(() => null);
      const data = shrunk ?? (await fileToBase64(f));
      // most browsers cannot draw HEIC: an unshrunk one gets a document icon instead of a broken image
      const preview = shrunk !== null ? `data:image/jpeg;base64,${data}` : isHeic(f) ? null : `data:${f.type};base64,${data}`;
      return { key, file: f, preview, data, error: null };
    } catch {
      return { key, file: f, preview: null, data: null, error: t('reports.form.photoUnreadable') };
    }
  }

  async function addPhotos(chosen: File[]) {
    if (photos.length + chosen.length > 5) return setErrors((e) => ({ ...e, photos: t('reports.form.tooMany') }));
    const added: Photo[] = [];
    for (const f of chosen) {
      if (!/^image\//.test(f.type)) return setErrors((e) => ({ ...e, photos: t('reports.form.notImage') }));
      // the original still has its GPS position; the shrunk copy does not
      if (!pin && !photoPlace && navigator.onLine && f.size < 8 * 1024 * 1024) {
        const gps = await api<PhotoLocationReply>('/api/reports/photo-location', { method: 'POST', body: { photo: await fileToBase64(f) } }).catch(() => null);
        if (gps?.found && gps.inProvince) setPhotoPlace({ lat: gps.lat!, lon: gps.lon! });
      }
      added.push(await readPhoto(f, crypto.randomUUID()));
    }
    setErrors(({ photos: _drop, ...rest }) => rest);
    setPhotos((p) => [...p, ...added]);
  }

  async function retryPhoto(key: string) {
    const photo = photos.find((p) => p.key === key);
    if (!photo) return;
    const again = await readPhoto(photo.file, key);
    setPhotos((ps) => ps.map((p) => (p.key === key ? again : p)));
  }

  function useGps() {
    navigator.geolocation.getCurrentPosition(
      (pos) => setPin({ lat: Math.round(pos.coords.latitude * 1e6) / 1e6, lon: Math.round(pos.coords.longitude * 1e6) / 1e6 }),
      () => setFormError(t('reports.form.gpsFailed')),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (description.trim().length < 10) problems.description = description.trim() ? t('reports.form.tooShort') : t('reports.form.required');
    for (const q of category.questions) if (q.required && !answers[q.code]) problems[`answers.${q.code}`] = t('reports.form.required');
    if (!pin && !(communeCode && address.trim())) problems.location = t('reports.form.noPlace');
    if (photos.some((p) => p.data === null)) problems.photos = t('reports.form.photoUnreadableSend');
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    setFormError(null);
    const typed: Record<string, string | number> = {};
    for (const q of category.questions) if (answers[q.code]) typed[q.code] = q.datatype === 'number' ? Number(answers[q.code]) : answers[q.code]!;
    const result = await sendReport({
      categoryCode: category.code, description: description.trim(), anonymous, answers: typed, photos: photos.flatMap((p) => (p.data ? [p.data] : [])),
      ...(pin ? { lat: pin.lat, lon: pin.lon } : { communeCode }), ...(address.trim() ? { address: address.trim() } : {}),
    });
    setBusy(false);
    if (result.kind === 'failed') return setFormError(result.message);
    onDone(result);
  }

  async function support(code: string) {
    try {
      await api(`/api/reports/${code}/support`, { method: 'POST' });
      setSupported((s) => new Set([...s, code]));
    } catch (err) {
      setFormError(err instanceof ApiError ? err.message : String(err));
    }
  }

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
      <p>
        <strong>{category.name}</strong>{' '}
        <Button variant="ghost" onClick={onBack}>
          {t('reports.form.back')}
        </Button>
      </p>
      <Card title={t('reports.form.step2')}>
        <TextArea id="report-description" label={t('reports.form.description')} hint={t('reports.form.descriptionHint')} maxLength={4000} value={description}
          onChange={(e) => setDescription(e.target.value)} error={errors.description} />
        {category.questions.map((q) =>
          q.values?.length ? (
            <Select key={q.code} label={q.label} placeholder="—" value={answers[q.code] ?? ''} error={errors[`answers.${q.code}`]}
              options={q.values.map((v) => ({ value: v.key, label: v.name }))} onChange={(e) => setAnswers((a) => ({ ...a, [q.code]: e.target.value }))} />
          ) : (
            <TextField key={q.code} label={q.label} inputMode={q.datatype === 'number' ? 'decimal' : undefined} value={answers[q.code] ?? ''} error={errors[`answers.${q.code}`]}
              onChange={(e) => setAnswers((a) => ({ ...a, [q.code]: e.target.value }))} />
          ),
        )}
      </Card>
      <Card title={t('reports.form.step3')}>
        <FilePicker id="report-photos" label={t('reports.form.photos')} hint={t('reports.form.photosHint')} accept="image/jpeg,image/png,image/webp,image/heic" multiple camera
          disabled={photos.length >= 5} onFiles={(files) => void addPhotos(files)} error={errors.photos}
          chosen={photos.map((p) => ({ key: p.key, name: p.file.name, size: p.file.size, preview: p.preview, error: p.error }))}
          onRemove={(key) => setPhotos((ps) => ps.filter((p) => p.key !== key))} onRetry={(key) => void retryPhoto(key)} />
      </Card>
      <Card title={t('reports.form.step4')}>
        {photoPlace && !pin && (
          <Alert kind="info">
            {t('reports.form.photoLocation')} <Button variant="secondary" onClick={() => setPin(photoPlace)}>{t('reports.form.usePhotoLocation')}</Button>
          </Alert>
        )}
        <Button variant="secondary" icon="map" onClick={useGps}>{t('reports.form.gps')}</Button>
        <p className="muted">{t('reports.form.mapHint')}</p>
        <ReportMap label={t('reports.form.step4')} pin={pin} onPick={setPin} showReports={false} pinCentreLabel={t('reports.form.pinCentre')} />
        {pin && <PinnedPlace pin={pin} />}
        {errors.location && <p className="field__error" role="alert">{errors.location}</p>}
        <TextField label={t('reports.form.address')} value={address} maxLength={300} onChange={(e) => setAddress(e.target.value)} />
        {!pin && (
          <Select label={t('reports.form.commune')} placeholder="—" value={communeCode} onChange={(e) => setCommuneCode(e.target.value)}
            options={(communes.data ?? []).map((c) => ({ value: c.code, label: c.name }))} />
        )}
      </Card>
      {dups.length > 0 && (
        <Card title={t('reports.form.duplicatesTitle')}>
          <p>{t('reports.form.duplicatesText')}</p>
          <ul>
            {dups.map((d) => (
              <li key={d.id}>
                <Link to={`/reports/${d.trackingCode}`}>{d.trackingCode}</Link> — {d.description.slice(0, 80)} ({d.statusLabel}){' '}
                <Button variant="secondary" disabled={supported.has(d.trackingCode)} onClick={() => void support(d.trackingCode)}>
                  {supported.has(d.trackingCode) ? t('reports.form.supported') : t('reports.form.support')}
                </Button>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card title={t('reports.form.step5')}>
        <RoutePreview category={category.code} pin={pin} communeCode={communeCode} />
        <Checkbox label={t('reports.form.anonymous')} checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
        {formError && <Alert kind="error" live>{formError}</Alert>}
        <Button type="submit" busy={busy} block>{t('reports.form.submit')}</Button>
      </Card>
    </form>
  );
}
