// "Cảnh báo": alerts for the person's commune (any commune when not signed in), newest
// first, and the switch that lets this phone receive them as notifications.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useAuth } from '../../app/auth.ts';
import { usePageTitle } from '../../app/installation.ts';
import { formatDateTime } from '../../lib/format.ts';
import { Alert as Notice, Button, EmptyState, ErrorState, List, ListItem, Loading } from '../../ui/index.ts';
import { pushSupported, subscribeThisDevice, useAlert, useAlertHistory } from './api.ts';
import { AnswerButtons, alertLanguages, alertTexts, alertTone, StatusTag } from './parts.tsx';

function PushSwitch({ commune }: { commune: string | null }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'busy' | 'done' | 'error'>('idle');
  if (!pushSupported() || !commune) return null;
  return (
    <div className="stack">
      <Button
        variant="secondary"
        icon="bell"
        busy={state === 'busy'}
        onClick={() => {
          setState('busy');
          subscribeThisDevice([commune]).then(() => setState('done'), () => setState('error'));
        }}
      >
        {t('alerts.pushOn')}
      </Button>
      {state === 'done' && <Notice kind="success" live>{t('alerts.pushDone')}</Notice>}
      {state === 'error' && <Notice kind="error" live>{t('alerts.pushError')}</Notice>}
    </div>
  );
}

export function AlertsPage() {
  const { t } = useTranslation();
  usePageTitle(t('alerts.title'));
  const auth = useAuth();
  const commune = auth.status === 'signedIn' ? auth.me.communeCode : null;
  const history = useAlertHistory(commune);
  return (
    <div className="narrow stack">
      <h1>{t('alerts.title')}</h1>
      <PushSwitch commune={commune} />
      {history.isPending && <Loading />}
      {history.isError && <ErrorState error={history.error} onRetry={() => void history.refetch()} />}
      {history.data && history.data.items.length === 0 && <EmptyState title={t('alerts.noneTitle')}>{t('alerts.none')}</EmptyState>}
      {history.data && history.data.items.length > 0 && (
        <List label={t('alerts.title')}>
          {history.data.items.map((a) => (
            <ListItem
              key={a.id}
              to={`/canh-bao/${a.id}`}
              icon="alert"
              title={`${a.inForce ? '⚠ ' : ''}${a.status !== 'Actual' ? `[${t(`alerts.status.${a.status}`)}] ` : ''}${a.headline}`}
              description={`${a.communeNames.join(', ')} · ${a.sentAt ? formatDateTime(a.sentAt) : ''}${a.inForce ? '' : ` · ${t('alerts.ended')}`}`}
            />
          ))}
        </List>
      )}
    </div>
  );
}

export function AlertPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const alert = useAlert(id);
  const auth = useAuth();
  // the block of the app's language by default; the reader may switch to another one written
  const [language, setLanguage] = useState<string | null>(null);
  const texts = alert.data ? alertTexts(alert.data, language ?? i18n.language) : null;
  usePageTitle(texts?.headline ?? t('alerts.title'));
  if (alert.isPending) return <Loading />;
  if (alert.isError) return <ErrorState error={alert.error} onRetry={() => void alert.refetch()} />;
  const a = alert.data;
  const languages = alertLanguages(a);
  const tx = texts ?? a;
  return (
    <article className={`narrow stack ${alertTone(a)}`}>
      <p>
        <StatusTag alert={a} /> {tx.event} · {t(`alerts.severity.${a.severity}`)}
      </p>
      {languages.length > 1 && (
        <div className="alert-languages" role="group" aria-label={t('alerts.readIn')}>
          {languages.map((l) => (
            <Button key={l.code} variant={(language ?? i18n.language).split('-')[0] === l.code ? 'primary' : 'secondary'} onClick={() => setLanguage(l.code)} lang={l.code}>
              {l.name}
            </Button>
          ))}
        </div>
      )}
      <h1>{tx.headline}</h1>
      <p>{tx.description}</p>
      {tx.instruction && <p className="alert-instruction">{tx.instruction}</p>}
      <dl className="alert-facts">
        <dt>{t('alerts.area')}</dt>
        <dd>{a.communeNames.join(', ')}</dd>
        <dt>{t('alerts.sentAt')}</dt>
        <dd>{a.sentAt ? formatDateTime(a.sentAt) : '—'}</dd>
        <dt>{t('alerts.expires')}</dt>
        <dd>{formatDateTime(a.expires)}</dd>
      </dl>
      {a.inForce && a.msgType !== 'Cancel' && (auth.status === 'signedIn' ? <AnswerButtons alert={a} /> : <Notice kind="info">{t('alerts.signInToAnswer')}</Notice>)}
      <p>
        <a href={`/cap/alerts/${a.identifier}.xml`}>{t('alerts.capLink')}</a>
      </p>
    </article>
  );
}
