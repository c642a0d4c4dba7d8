// While the app is open: an Actual alert in force for the person's commune takes the whole
// screen once (distinct tone and vibration), then stays as a banner until it expires.
// Exercises and tests show only as a banner: they must not take over the screen of
// someone who did not opt in to them.
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.ts';
import { Button } from '../../ui/index.ts';
import { useCurrentAlerts, type Alert } from './api.ts';
import { AnswerButtons, alertTone, alertTexts, StatusTag } from './parts.tsx';

const SEEN_KEY = 'cds.alerts.seen';

function seen(): string[] {
  try {
    return JSON.parse(localStorage.getItem(SEEN_KEY) ?? '[]') as string[];
  } catch {
    return [];
  }
}

/** Three short high beeps: distinct from any other sound of the app. */
function sound(): void {
  try {
    const ctx = new AudioContext();
    for (let i = 0; i < 3; i++) {
      const osc = ctx.createOscillator();
      osc.frequency.value = 960;
      osc.connect(ctx.destination);
      osc.start(ctx.currentTime + i * 0.45);
      osc.stop(ctx.currentTime + i * 0.45 + 0.3);
    }
  } catch {
    /* no audio before the first tap on some browsers */
  }
  navigator.vibrate?.([400, 200, 400, 200, 400]);
}

export function AlertOverlay() {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const commune = auth.status === 'signedIn' ? auth.me.communeCode : null;
  const current = useCurrentAlerts(commune);
  const alerts = (current.data?.items ?? []).filter((a) => a.inForce);
  const [open, setOpen] = useState<Alert | null>(null);

  useEffect(() => {
    const fresh = alerts.find((a) => a.status === 'Actual' && a.msgType !== 'Cancel' && !seen().includes(a.id));
    if (fresh && !open) {
      setOpen(fresh);
      sound();
      localStorage.setItem(SEEN_KEY, JSON.stringify([...seen(), fresh.id].slice(-50)));
    }
  }, [alerts, open]);

  return (
    <>
      {alerts.map((a) => (
        <div key={a.id} className={`alert-banner ${alertTone(a)}`} role="status">
          <StatusTag alert={a} /> <Link to={`/canh-bao/${a.id}`}>⚠ {alertTexts(a, i18n.language).headline}</Link>
        </div>
      ))}
      {open && (
        <div className={`alert-fullscreen ${alertTone(open)}`} role="alertdialog" aria-modal="true" aria-labelledby="alert-fullscreen-title">
          <div className="alert-fullscreen__inner stack">
            <p className="alert-fullscreen__kicker">
              {t('alerts.fullScreenKicker')} <StatusTag alert={open} />
            </p>
            <h1 id="alert-fullscreen-title">{alertTexts(open, i18n.language).headline}</h1>
            <p>{alertTexts(open, i18n.language).description}</p>
            {alertTexts(open, i18n.language).instruction && <p className="alert-instruction">{alertTexts(open, i18n.language).instruction}</p>}
            <p>{t('alerts.area')}: {open.communeNames.join(', ')}</p>
            <AnswerButtons alert={open} />
            <Button variant="secondary" onClick={() => setOpen(null)}>
              {t('alerts.closeFullScreen')}
            </Button>
          </div>
        </div>
      )}
    </>
  );
}
