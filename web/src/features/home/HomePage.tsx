import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ButtonAnchor, ButtonLink, Card, Emblem, ErrorState, Icon } from '../../ui/index.ts';
import { useAuth, opensConsole } from '../../app/auth.ts';
import { DisplaySettings } from '../../app/chrome.tsx';
import { useInstallation, usePageTitle } from '../../app/installation.ts';
import { citizenTiles } from '../registry.ts';
import type { Installation } from '@cds/contracts/system';
import { eidStartUrl, useEidAvailable } from '../account/eid.ts';
import { NewsSection } from '../news/NewsSection.tsx';

export function HomePage() {
  const { t } = useTranslation();
  const installation = useInstallation();
  const auth = useAuth();
  usePageTitle(t('home.title'));

  if (installation.isError && !installation.data) {
    return (
      <div className="stack">
        <h1>{t('layout.appNameFallback')}</h1>
        <ErrorState error={installation.error} onRetry={() => void installation.refetch()} />
        <AccountCard />
      </div>
    );
  }
  // A first visit paints the brand built into the app at once and a skeleton below it until
  // the server says who is signed in and what this installation offers (a returning visitor has
  // both at hand: the brand remembered, the person from the service worker's copy). Nothing
  // below the skeleton is drawn before, so what arrives moves nothing already on screen.
  const hero = installation.data ? { ...installation.data.brand, provinceName: installation.data.province.name } : __BUILD_BRAND__;
  const skeleton = (
    <div className="skeleton-page" role="status" aria-label={t('ui.loading')}>
      <div className="skeleton" />
      <div className="skeleton" />
    </div>
  );
  return (
    <div className="stack">
      <section className="hero" aria-labelledby="home-title">
        <Emblem label={t('home.emblemLabel', { province: hero.provinceName })} />
        <div>
          <h1 id="home-title">{hero.appName}</h1>
          <p>{hero.tagline}</p>
        </div>
      </section>

      {auth.status === 'loading' ? skeleton : <HomeBody installation={installation.data} skeleton={skeleton} />}
    </div>
  );
}

/** Who is signed in, then the services: drawn once the person is known. */
function HomeBody({ installation, skeleton }: { installation: Installation | undefined; skeleton: ReactNode }) {
  const { t } = useTranslation();
  const auth = useAuth();
  return (
    <>
      {auth.status === 'signedIn' ? (
        <Card title={t('home.greeting', { name: auth.me.fullName || auth.me.phone || '' })}>
          <div className="row">
            <ButtonLink to="/account" icon="user" variant="secondary">
              {t('home.myAccount')}
            </ButtonLink>
            {opensConsole(auth.me) && (
              <ButtonLink to="/staff" icon="briefcase">
                {t('home.openConsole')}
              </ButtonLink>
            )}
          </div>
        </Card>
      ) : (
        <AccountCard />
      )}

      {installation ? <Services installation={installation} signedIn={auth.status === 'signedIn'} /> : skeleton}

      <DisplaySettings />
    </>
  );
}

/** Quick links, the service tiles and the news: what this installation offers. */
function Services({ installation, signedIn }: { installation: Installation; signedIn: boolean }) {
  const { t } = useTranslation();
  const { brand, features } = installation;
  const tiles = citizenTiles(features);
  return (
    <>
      <QuickLinks features={features.map((f) => f.key)} signedIn={signedIn} />

      <section aria-labelledby="services-title">
        <h2 id="services-title" className="section-title">
          {t('home.services')}
        </h2>
        <ul className="tiles">
          {tiles.map((tile) => (
            <li key={tile.key}>
              <Link to={tile.route} className="tile">
                <Icon name={tile.icon} />
                <span>{t(tile.labelKey)}</span>
                {tile.descriptionKey && <span className="tile__desc">{t(tile.descriptionKey)}</span>}
              </Link>
            </li>
          ))}
          <li>
            <a href={`tel:${brand.hotline}`} className="tile tile--call">
              <Icon name="phone" />
              <span>{t('home.hotline')}</span>
              <span className="hotline-number">{brand.hotline}</span>
            </a>
          </li>
        </ul>
        {tiles.length === 0 && <p className="muted">{t('home.noServicesYet')}</p>}
      </section>

      <NewsSection />
    </>
  );
}

/**
 * What people come back for, reachable without signing in: following a dossier by its code,
 * the public map of reports; and their own dossiers and reports (which ask to sign in).
 */
function QuickLinks({ features, signedIn }: { features: string[]; signedIn: boolean }) {
  const { t } = useTranslation();
  const has = (key: string) => features.includes(key);
  const links = [
    has('dossiers') && { to: '/tra-cuu-ho-so', icon: 'search' as const, label: t('home.quick.track'), open: true },
    has('reports') && { to: '/reports', icon: 'map' as const, label: t('home.quick.reportMap'), open: true },
    has('dossiers') && { to: '/dossiers', icon: 'document' as const, label: t('home.quick.myDossiers'), open: false },
    has('reports') && { to: '/reports/mine', icon: 'megaphone' as const, label: t('home.quick.myReports'), open: false },
  ].filter((l) => !!l);
  if (links.length === 0) return null;
  return (
    <section aria-labelledby="quick-title">
      <h2 id="quick-title" className="section-title">{t('home.quick.title')}</h2>
      <ul className="quick-links">
        {links.map((l) => (
          <li key={l.to}>
            <Link to={l.to} className="quick-link">
              <Icon name={l.icon} />
              <span>{l.label}</span>
              {!l.open && !signedIn && <span className="quick-link__note">{t('home.quick.needsSignIn')}</span>}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function AccountCard() {
  const { t } = useTranslation();
  const eid = useEidAvailable();
  return (
    <Card title={t('home.accountTitle')}>
      <p>{t('home.accountText')}</p>
      <div className="stack">
        <ButtonLink to="/sign-in" icon="login" block>
          {t('account.signIn.title')}
        </ButtonLink>
        {eid && (
          <ButtonAnchor href={eidStartUrl()} icon="idCard" variant="secondary" block>
            {t('account.eid.button')}
          </ButtonAnchor>
        )}
        <ButtonLink to="/sign-up" icon="plus" variant="secondary" block>
          {t('account.signUp.title')}
        </ButtonLink>
      </div>
    </Card>
  );
}
