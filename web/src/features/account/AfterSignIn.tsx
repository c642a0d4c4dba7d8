import { Navigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../ui/index.ts';
import { landingPath, useAuth } from '../../app/auth.ts';

/** Where the eID trip returns: send the person on by role, like the password sign-in does. */
export function AfterSignIn() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const auth = useAuth();
  if (auth.status === 'loading') return <Loading label={t('account.eid.finishing')} />;
  if (auth.status === 'unknown') return <ErrorState error={auth.error} onRetry={auth.retry} />;
  if (auth.status === 'signedOut') return <Navigate to="/sign-in?eid=failed" replace />;
  return <Navigate to={landingPath(auth.me, params.get('next'))} replace />;
}
