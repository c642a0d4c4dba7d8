import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ButtonLink, EmptyState, ErrorState, Loading } from '../ui/index.ts';
import type { Ability } from '@cds/contracts';
import type { Me } from '@cds/contracts/identity';
import { can, useAuth } from './auth.ts';

interface GuardProps {
  /** Only those the server says hold this ability (GET /api/me); none means any signed-in person. */
  ability?: Ability | undefined;
  children: (me: Me) => ReactNode;
  /** Starts fetching the page's code while the guard waits to know who is signed in. */
  preload?: (() => void) | undefined;
}

/** Shows the page only to a signed-in person (holding an ability, when asked); sends others to sign in. */
export function RequireSignIn({ ability, children, preload }: GuardProps) {
  const { t } = useTranslation();
  const auth = useAuth();
  const location = useLocation();
  const waiting = auth.status === 'loading';
  useEffect(() => {
    if (waiting) preload?.();
  }, [waiting, preload]);
  if (waiting) return <Loading />;
  if (auth.status === 'unknown') return <ErrorState error={auth.error} onRetry={auth.retry} />;
  if (auth.status === 'signedOut') {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  if (ability && !can(auth.me, ability)) {
    return (
      <div className="narrow">
        <h1>{t('errors.forbiddenTitle')}</h1>
        <EmptyState title={t('errors.forbiddenText')} icon="shield" action={<ButtonLink to="/">{t('layout.backHome')}</ButtonLink>} />
      </div>
    );
  }
  return <>{children(auth.me)}</>;
}
