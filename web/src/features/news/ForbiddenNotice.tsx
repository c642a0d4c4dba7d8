// Shown to a signed-in person who opens the editors' desk without being an editor.
import { useTranslation } from 'react-i18next';
import { ButtonLink, EmptyState } from '../../ui/index.ts';

export function ForbiddenNotice() {
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <h1>{t('errors.forbiddenTitle')}</h1>
      <EmptyState title={t('errors.forbiddenText')} icon="shield" action={<ButtonLink to="/">{t('layout.backHome')}</ButtonLink>} />
    </div>
  );
}
