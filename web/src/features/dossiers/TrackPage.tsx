// Tracking without signing in (tra cứu hồ sơ): the dossier code and the applicant's phone.
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ButtonAnchor, Card, TextField } from '../../ui/index.ts';
import { api, ApiError } from '../../lib/api.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { usePageTitle } from '../../app/installation.ts';
import type { TrackReply } from './api.ts';
import { MissingList, StatusBadge } from './parts.tsx';

export function TrackPage() {
  const { t } = useTranslation();
  usePageTitle(t('dossiers.track.title'));
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get('code') ?? '');
  const [phone, setPhone] = useState('');
  const [result, setResult] = useState<TrackReply | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const query = `code=${encodeURIComponent(code.trim())}&phone=${encodeURIComponent(phone.trim())}`;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setResult(null);
    if (!code.trim() || !phone.trim()) return setError(t('dossiers.track.fill'));
    setBusy(true);
    try {
      setResult(await api<TrackReply>(`/api/dossiers/track?${query}`));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('errors.generic'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow stack">
      <h1>{t('dossiers.track.title')}</h1>
      <p>{t('dossiers.track.intro')}</p>
      <p className="muted">{t('dossiers.track.who')}</p>
      <form className="stack" onSubmit={(e) => void onSubmit(e)} noValidate>
        {error && <Alert kind="error" live>{error}</Alert>}
        <TextField label={t('dossiers.track.code')} value={code} onChange={(e) => setCode(e.target.value)} autoCapitalize="characters" spellCheck={false} />
        <TextField label={t('dossiers.track.phone')} type="tel" inputMode="tel" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
        <Button type="submit" icon="search" busy={busy}>{t('dossiers.track.submit')}</Button>
      </form>
      {result && (
        <Card title={result.procedureName}>
          <div className="stack" aria-live="polite">
            <p>{t('dossiers.codeLabel', { code: result.code })}</p>
            <p>{result.agencyName}</p>
            <p><StatusBadge status={result.status} name={result.statusName} /></p>
            {result.appointmentDate && <p>{t('dossiers.appointment', { date: formatDate(result.appointmentDate) })}</p>}
            <MissingList items={result.missingDocuments} />
            <ol className="timeline">
              {result.timeline.map((e, i) => (
                <li key={i} className="timeline__item">
                  <time dateTime={e.at}>{formatDateTime(e.at)}</time> <span>{e.statusName}</span>
                </li>
              ))}
            </ol>
            {result.hasResult && (
              <ButtonAnchor href={`/api/dossiers/track/result?${query}`} icon="download">
                {t('dossiers.result')}
              </ButtonAnchor>
            )}
          </div>
        </Card>
      )}
    </div>
  );
}
