import { Suspense, useRef, useState, type ReactNode } from 'react';
import { Link, NavLink, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Icon, Loading, useToast, type IconName } from '../../ui/index.ts';
import { hasAnyRole, useAuth, useSignOut } from '../../app/auth.ts';
import { LanguageButton, MAIN_ID, OfflineBanner, SkipLink, UpdateBanner, useFocusOnNavigate } from '../../app/chrome.tsx';
import { useInstallation } from '../../app/installation.ts';
import { usePrefs } from '../../app/prefs.tsx';
import type { Role } from '@cds/contracts';
import type { StaffMembership } from '@cds/contracts/areas';
import type { Me } from '@cds/contracts/identity';
import { useStaffMe } from './api.ts';

interface NavEntry {
  to: string;
  labelKey: string;
  icon: IconName;
  roles?: readonly Role[];
  end?: boolean;
}

/** Console sections; each shows only to the roles that can use it. */
export const STAFF_NAV: readonly NavEntry[] = [
  { to: '/staff', labelKey: 'staff.nav.home', icon: 'home', end: true },
  { to: '/staff/users', labelKey: 'staff.nav.users', icon: 'users', roles: ['sysadmin'] },
  { to: '/staff/reports', labelKey: 'reports.nav', icon: 'megaphone', roles: ['officer', 'agency_admin', 'leader', 'sysadmin'] },
  { to: '/staff/alerts', labelKey: 'alerts.nav', icon: 'alert', roles: ['alert_officer', 'leader', 'sysadmin'] },
  { to: '/leader', labelKey: 'staff.nav.dashboard', icon: 'chart', roles: ['leader', 'sysadmin'] },
  { to: '/staff/dossiers', labelKey: 'dossiers.queue.title', icon: 'document', roles: ['officer', 'agency_admin'] },
  { to: '/leader/indicators', labelKey: 'dossiers.indicators.title', icon: 'chart', roles: ['leader', 'sysadmin'] },
];

export function navFor(me: Me | null): NavEntry[] {
  return STAFF_NAV.filter((n) => !n.roles || hasAnyRole(me, n.roles));
}

/** "Cán bộ · UBND Phường … · Phường …" for each membership. */
export function describeMembership(m: StaffMembership, t: (key: string) => string): string {
  return [t(`roles.${m.role}`), m.agencyName, m.areaName && m.areaName !== m.agencyName ? m.areaName : null].filter(Boolean).join(' · ');
}

export function StaffLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const main = useRef<HTMLElement>(null);
  useFocusOnNavigate(main);
  const auth = useAuth();
  const me = auth.status === 'signedIn' ? auth.me : null;
  const { data: installation } = useInstallation();

  return (
    <div className="app">
      <SkipLink />
      <header className="app-header console-header">
        <div className="app-header__inner">
          <Link to="/staff" className="brand-link">
            <span>
              {installation?.brand.shortName ?? t('layout.appNameFallback')} · {t('staff.title')}
            </span>
          </Link>
          <div className="header-actions">
            <LargeTextButton />
            <LanguageButton />
            {me && <SignOutButton />}
          </div>
          {me && <Scope />}
        </div>
        <OfflineBanner />
      </header>
      <UpdateBanner />
      {me && (
        <nav className="console-nav" aria-label={t('staff.nav.label')}>
          <ul>
            {navFor(me).map((n) => (
              <li key={n.to}>
                <NavLink to={n.to} end={n.end}>
                  <Icon name={n.icon} />
                  {t(n.labelKey)}
                </NavLink>
              </li>
            ))}
            <li>
              <NavLink to="/" end>
                <Icon name="user" />
                {t('staff.nav.citizenApp')}
              </NavLink>
            </li>
          </ul>
        </nav>
      )}
      <main id={MAIN_ID} ref={main} tabIndex={-1} className="app-main">
        <Suspense fallback={<Loading />}>{children}</Suspense>
      </main>
    </div>
  );
}

function Scope() {
  const { t } = useTranslation();
  const staffMe = useStaffMe();
  if (!staffMe.data) return null;
  const [first, ...rest] = staffMe.data.memberships;
  if (!first) return null;
  return (
    <p className="console-scope">
      {describeMembership(first, t)}
      {rest.length > 0 && ` ${t('staff.moreMemberships', { count: rest.length })}`}
    </p>
  );
}

function LargeTextButton() {
  const { t } = useTranslation();
  const prefs = usePrefs();
  return (
    <button type="button" className="header-button" aria-pressed={prefs.largeText} onClick={() => prefs.set({ largeText: !prefs.largeText })}>
      <Icon name="text" />
      <span>{t('display.largeTextShort')}</span>
    </button>
  );
}

function SignOutButton() {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      await signOut();
      toast.show(t('account.signOut.done'));
      navigate('/', { replace: true });
    } catch (err) {
      toast.show(err instanceof Error ? err.message : t('errors.generic'), 'error');
      setBusy(false);
    }
  };
  return (
    <button type="button" className="header-button" onClick={() => void onClick()} disabled={busy}>
      <Icon name="logout" />
      <span>{t('account.signOut.button')}</span>
    </button>
  );
}
