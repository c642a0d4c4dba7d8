// Pieces the alert pages share: the severity look, the texts in the reader's language and
// the two answer buttons.
import { useState } from 'react';
import { ALERT_EXTRA_LANGUAGES, textsFor } from '@cds/contracts';
import { useTranslation } from 'react-i18next';
import { Alert as Notice, Button } from '../../ui/index.ts';
import { useAnswer, type Alert } from './api.ts';

export function alertTone(a: Pick<Alert, 'severity' | 'status'>): string {
  if (a.status !== 'Actual') return 'alert-card alert-card--exercise';
  return a.severity === 'Extreme' || a.severity === 'Severe' ? 'alert-card alert-card--severe' : 'alert-card';
}

export function StatusTag({ alert }: { alert: Pick<Alert, 'status' | 'msgType'> }) {
  const { t } = useTranslation();
  if (alert.status === 'Actual' && alert.msgType === 'Alert') return null;
  return <strong className="alert-tag">{alert.msgType === 'Cancel' ? t('alerts.cancelled') : t(`alerts.status.${alert.status}`)}</strong>;
}

/** "Tôi an toàn" / "Tôi cần giúp đỡ": sends the location when the phone gives it quickly. */
export function AnswerButtons({ alert }: { alert: Alert }) {
  const { t } = useTranslation();
  const answer = useAnswer(alert.id);
  const [busy, setBusy] = useState<string | null>(null);
  const send = async (value: 'safe' | 'need_help') => {
    setBusy(value);
    const pos = await new Promise<GeolocationPosition | null>((resolve) => {
      if (!navigator.geolocation) return resolve(null);
      navigator.geolocation.getCurrentPosition(resolve, () => resolve(null), { timeout: 5000, maximumAge: 300_000 });
    });
    answer.mutate(pos ? { answer: value, lat: pos.coords.latitude, lon: pos.coords.longitude } : { answer: value }, { onSettled: () => setBusy(null) });
  };
  const mine = answer.data?.myAnswer ?? alert.myAnswer;
  return (
    <div className="stack">
      {mine && <Notice kind="success" live>{t(mine === 'safe' ? 'alerts.answeredSafe' : 'alerts.answeredHelp')}</Notice>}
      <div className="alert-answers">
        <Button icon="check" block busy={busy === 'safe'} onClick={() => void send('safe')}>
          {t('alerts.safe')}
        </Button>
        <Button variant="secondary" icon="phone" block busy={busy === 'need_help'} onClick={() => void send('need_help')}>
          {t('alerts.needHelp')}
        </Button>
      </div>
      {answer.isError && <Notice kind="error">{answer.error.message}</Notice>}
    </div>
  );
}

export type AlertTexts = Pick<Alert, 'event' | 'headline' | 'description'> & { instruction?: string | null | undefined };

/** The alert's texts in `language` when the officer wrote that block (CAP <info>), else in Vietnamese. */
export function alertTexts(a: Alert, language: string): AlertTexts {
  return textsFor<Alert['translations'][number]>({ event: a.event, headline: a.headline, description: a.description, ...(a.instruction ? { instruction: a.instruction } : {}) }, a.translations, language);
}

/** The languages an alert is written in: Vietnamese first, then the officer's translations. */
export function alertLanguages(a: Alert): { code: string; name: string }[] {
  const named = new Map<string, string>(ALERT_EXTRA_LANGUAGES.map((l) => [l.code, l.name]));
  return [{ code: 'vi', name: 'Tiếng Việt' }, ...a.translations.map((tr) => ({ code: tr.language, name: named.get(tr.language) ?? tr.language }))];
}
