import { Suspense, useRef } from 'react';
import { Link, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Emblem, Icon, Loading } from '../ui/index.ts';
import { useAuth } from './auth.ts';
import { LanguageButton, MAIN_ID, OfflineBanner, OutboxBanner, SkipLink, UpdateBanner, useFocusOnNavigate } from './chrome.tsx';
import { useInstallation } from './installation.ts';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';
import { AlertOverlay } from '../features/alerts/AlertOverlay.tsx';
import { AssistantButton } from '../features/assistant/AssistantButton.tsx';
import '../features/alerts/alerts.css';

export function CitizenLayout() {
  const { t } = useTranslation();
  const main = useRef<HTMLElement>(null);
  useFocusOnNavigate(main);
  const { data: installation } = useInstallation();
  const auth = useAuth();
  const brand = installation?.brand;

  return (
    <div className="app">
      <SkipLink />
      <header className="app-header">
        <div className="app-header__inner">
          <Link to="/" className="brand-link">
            <Emblem />
            <span className="brand-link__name">{brand?.shortName ?? t('layout.appNameFallback')}</span>
          </Link>
          <nav className="header-actions" aria-label={t('layout.headerNav')}>
            <LanguageButton />
            {auth.status === 'signedIn' && <NotificationBell />}
            {auth.status === 'signedIn' ? (
              <Link to="/account" className="header-button">
                <Icon name="user" />
                <span className="header-button__label">{t('layout.account')}</span>
              </Link>
            ) : (
              <Link to="/sign-in" className="header-button">
                <Icon name="login" />
                <span className="header-button__label">{t('layout.signIn')}</span>
              </Link>
            )}
          </nav>
        </div>
        <OfflineBanner />
      </header>
      <AlertOverlay />
      <UpdateBanner />
      <OutboxBanner />
      <main id={MAIN_ID} ref={main} tabIndex={-1} className="app-main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <AssistantButton />
      <footer className="app-footer">
        <div className="app-footer__inner">
          <span>{brand?.appName ?? t('layout.appNameFallback')}</span>
          {brand?.hotline && (
            <a href={`tel:${brand.hotline}`}>
              {t('home.hotlineShort')}: {brand.hotline}
            </a>
          )}
          {installation?.demoMode && <span>{t('layout.demoMode')}</span>}
        </div>
      </footer>
    </div>
  );
}
