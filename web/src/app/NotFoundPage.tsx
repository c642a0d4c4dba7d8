import { useTranslation } from 'react-i18next';
import { ButtonLink, EmptyState } from '../ui/index.ts';
import { usePageTitle } from './installation.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('errors.notFoundTitle'));
  return (
    <div className="narrow">
      <h1>{t('errors.notFoundTitle')}</h1>
      <EmptyState title={t('errors.notFoundText')} icon="map" action={<ButtonLink to="/" icon="home">{t('layout.backHome')}</ButtonLink>} />
    </div>
  );
}
