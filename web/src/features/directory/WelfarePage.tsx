// Welfare benefits (an sinh xã hội): each with who qualifies, what it gives, where to apply
// and the procedure to apply; a link to the short questionnaire.
import { useTranslation } from 'react-i18next';
import { ButtonLink, ErrorState, List, ListItem, Loading, PageHeader } from '../../ui/index.ts';
import { usePageTitle } from '../../app/installation.ts';
import { useBenefits } from './api.ts';

export function WelfarePage() {
  const { t } = useTranslation();
  usePageTitle(t('directory.welfare.title'));
  const benefits = useBenefits();
  return (
    <div className="narrow stack">
      <PageHeader title={t('directory.welfare.title')} back={{ to: '/directory', label: t('directory.title') }} />
      <p>{t('directory.welfare.intro')}</p>
      <ButtonLink to="/welfare/check" icon="check">{t('directory.check.title')}</ButtonLink>
      {benefits.isPending && <Loading />}
      {benefits.isError && <ErrorState error={benefits.error} onRetry={() => void benefits.refetch()} />}
      {benefits.data && (
        <List label={t('directory.welfare.title')}>
          {benefits.data.map((b) => <ListItem key={b.key} icon="users" title={b.name} description={b.summary} to={`/welfare/${b.key}`} />)}
        </List>
      )}
    </div>
  );
}
