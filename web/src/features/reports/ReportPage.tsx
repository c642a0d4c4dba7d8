// One report: status, answer, photos, the whole public history; the reporter rates it,
// reopens it or answers a question; anyone signed in may follow or support it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { isOpenReport } from '@cds/contracts';
import { Alert, Button, Card, ErrorState, Loading, TextField } from '../../ui/index.ts';
import { api, ApiError } from '../../lib/api.ts';
import { useAuth } from '../../app/auth.ts';
import { usePageTitle } from '../../app/installation.ts';
import { useReport, type MyReport } from './api.ts';
import { formatDate, formatDateTime, StatusBadge, Timeline } from './parts.tsx';
import './reports.css';

export function ReportPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  usePageTitle(code);
  const report = useReport(code);
  if (report.isPending) return <Loading />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  const r = report.data;
  return (
    <div className="narrow stack">
      <h1>{r.category.name}</h1>
      <p>
        {t('reports.detail.code')}: <strong>{r.trackingCode}</strong> · <StatusBadge status={r.status} label={r.statusLabel} />
      </p>
      <Card>
        <p>{r.description}</p>
        <dl>
          <dt>{t('reports.detail.place')}</dt>
          <dd>{[r.address, r.communeName].filter(Boolean).join(', ')}</dd>
          <dt>{t('reports.detail.agency')}</dt>
          <dd>{r.agencyName}</dd>
          <dt>{t('reports.detail.received')}</dt>
          <dd>{formatDateTime(r.receivedAt)}</dd>
          <dt>{t('reports.detail.due')}</dt>
          <dd>{formatDate(r.dueDate)}</dd>
        </dl>
        <p>{t('reports.detail.supporters', { n: r.supporters })}</p>
        {r.photos.length > 0 && (
          <div className="report-photos" aria-label={t('reports.detail.photos')}>
            {r.photos.map((p) => (
              <a key={p.id} href={p.url} target="_blank" rel="noreferrer">
                <img src={p.thumbUrl} alt={t('reports.detail.photos')} />
              </a>
            ))}
          </div>
        )}
      </Card>
      {r.publicAnswer && (
        <Card title={t('reports.detail.answer')}>
          <p data-testid="public-answer">{r.publicAnswer}</p>
        </Card>
      )}
      <CitizenActions report={r} />
      <Card title={t('reports.detail.timeline')}>
        <Timeline entries={r.timeline} />
      </Card>
    </div>
  );
}

function CitizenActions({ report: r }: { report: MyReport }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const client = useQueryClient();
  const [stars, setStars] = useState(0);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (auth.status !== 'signedIn') return null;

  async function run(path: string, method: 'POST' | 'PUT' | 'DELETE', body?: unknown) {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/reports/${r.trackingCode}/${path}`, { method, body });
      setText('');
      await client.invalidateQueries({ queryKey: ['report', r.trackingCode] });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {error && <Alert kind="error" live>{error}</Alert>}
      {!r.mine && (
        <div className="row">
          <Button variant="secondary" busy={busy} onClick={() => void run('follow', r.following ? 'DELETE' : 'PUT')}>
            {r.following ? t('reports.detail.unfollow') : t('reports.detail.follow')}
          </Button>
          {!r.supported && isOpenReport(r.status) && (
            <Button variant="secondary" busy={busy} onClick={() => void run('support', 'POST')}>{t('reports.form.support')}</Button>
          )}
        </div>
      )}
      {r.rating && <p><span className="star-glyphs" aria-hidden="true">{'★'.repeat(r.rating)}{'☆'.repeat(5 - r.rating)}</span> {t('reports.detail.rated', { n: r.rating })}</p>}
      {r.canAnswer && (
        <Card title={t('reports.detail.infoTitle')}>
          <TextField label={t('reports.detail.infoText')} value={text} onChange={(e) => setText(e.target.value)} />
          <Button busy={busy} disabled={!text.trim()} onClick={() => void run('info', 'POST', { text })}>{t('reports.detail.infoSend')}</Button>
        </Card>
      )}
      {r.canRate && (
        <Card title={t('reports.detail.rateTitle')}>
          <fieldset className="stars">
            <legend>{t('reports.detail.rateTitle')}</legend>
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n}>
                <input type="radio" name="stars" value={n} checked={stars === n} onChange={() => setStars(n)} />
                <span><span className="star-glyphs" aria-hidden="true">{'★'.repeat(n)}{'☆'.repeat(5 - n)}</span> {t('reports.detail.stars', { n })}</span>
              </label>
            ))}
          </fieldset>
          <TextField label={t('reports.detail.comment')} value={text} onChange={(e) => setText(e.target.value)} />
          <Button busy={busy} disabled={!stars} onClick={() => void run('rating', 'POST', { stars, ...(text.trim() ? { comment: text.trim() } : {}) })}>{t('reports.detail.rate')}</Button>
        </Card>
      )}
      {r.canReopen && (
        <Card title={t('reports.detail.reopenTitle')}>
          <TextField label={t('reports.detail.reopenReason')} value={text} onChange={(e) => setText(e.target.value)} />
          <Button variant="secondary" busy={busy} disabled={text.trim().length < 3} onClick={() => void run('reopen', 'POST', { reason: text })}>{t('reports.detail.reopen')}</Button>
        </Card>
      )}
    </>
  );
}
