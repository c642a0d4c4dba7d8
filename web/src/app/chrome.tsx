// Pieces every face shares: skip link, banners for offline/update/outbox, language and
// display switches, and focus handling when the route changes.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, Card, Icon, Switch } from '../ui/index.ts';
import { setLanguage } from '../lib/i18n.ts';
import { getOutbox, type OutboxItem } from '../lib/outbox.ts';
import { useOnline } from './online.ts';
import { applyUpdate, useUpdateAvailable } from './pwa.ts';
import { usePrefs } from './prefs.tsx';

export const MAIN_ID = 'main';

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href={`#${MAIN_ID}`}>
      {t('layout.skipToContent')}
    </a>
  );
}

/** After client-side navigation, focus the main region so readers start at the new page. */
export function useFocusOnNavigate(ref: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    ref.current?.focus();
    window.scrollTo(0, 0);
  }, [pathname, ref]);
}

export function OfflineBanner() {
  const { t } = useTranslation();
  const online = useOnline();
  if (online) return null;
  return (
    <div className="banner banner--offline" role="status">
      <Icon name="offline" />
      <span>{t('layout.offline')}</span>
    </div>
  );
}

export function UpdateBanner() {
  const { t } = useTranslation();
  const available = useUpdateAvailable();
  if (!available) return null;
  return (
    <div className="banner banner--update" role="status">
      <span>{t('layout.updateAvailable')}</span>
      <Button variant="secondary" icon="refresh" onClick={applyUpdate}>
        {t('layout.reload')}
      </Button>
    </div>
  );
}

/** Work waiting in the outbox: how many are waiting, and the failed ones with their reason. */
export function OutboxBanner() {
  const { t } = useTranslation();
  const [items, setItems] = useState<OutboxItem[]>([]);
  useEffect(() => {
    const outbox = getOutbox();
    const unsubscribe = outbox.subscribe((e) => setItems(e.items));
    void outbox.list().then(setItems, () => setItems([]));
    return unsubscribe;
  }, []);
  const pending = items.filter((i) => i.status === 'pending');
  const failed = items.filter((i) => i.status === 'failed');
  if (items.length === 0) return null;
  return (
    <div className="banner banner--offline" role="status">
      {pending.length > 0 && <span>{t('layout.outboxPending', { count: pending.length })}</span>}
      {failed.map((item) => (
        <span key={item.id} className="row">
          <span>{t('layout.outboxFailed', { reason: item.lastError ?? '' })}</span>
          <Button variant="secondary" onClick={() => void getOutbox().retry(item.id)}>
            {t('ui.retry')}
          </Button>
          <Button variant="ghost" onClick={() => void getOutbox().remove(item.id)}>
            {t('layout.outboxDiscard')}
          </Button>
        </span>
      ))}
    </div>
  );
}

export function LanguageButton({ className = 'header-button' }: { className?: string }) {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'en' ? 'vi' : 'en';
  return (
    <button type="button" className={className} lang={other} onClick={() => void setLanguage(other)}>
      <Icon name="globe" />
      <span className="header-button__label">{t('layout.otherLanguage')}</span>
    </button>
  );
}

export function DisplaySettings() {
  const { t } = useTranslation();
  const prefs = usePrefs();
  return (
    <Card title={t('display.title')}>
      <Switch checked={prefs.largeText} onChange={(v) => prefs.set({ largeText: v })} label={t('display.largeText')} description={t('display.largeTextHint')} />
      <Switch checked={prefs.highContrast} onChange={(v) => prefs.set({ highContrast: v })} label={t('display.highContrast')} description={t('display.highContrastHint')} />
      <div className="row">
        <span>{t('display.language')}</span>
        <LanguageButton className="btn btn--secondary" />
      </div>
    </Card>
  );
}
