// Console: the agencies this staff member acts for, to keep their directory entries current.
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, List, ListItem, Loading } from '../../ui/index.ts';
import { usePageTitle } from '../../app/installation.ts';
import { useMyAgencies } from './api.ts';

export function StaffDirectoryPage() {
  const { t } = useTranslation();
  usePageTitle(t('directory.staff.title'));
  const mine = useMyAgencies();
  return (
    <div className="stack">
      <h1>{t('directory.staff.title')}</h1>
      <p>{t('directory.staff.intro')}</p>
      {mine.isPending && <Loading />}
      {mine.isError && <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />}
      {mine.data && mine.data.length === 0 && <EmptyState title={t('directory.staff.none')} />}
      {mine.data && mine.data.length > 0 && (
        <List label={t('directory.staff.title')}>
          {mine.data.map((a) => <ListItem key={a.id} icon="edit" title={a.name} to={`/staff/directory/${a.id}`} />)}
        </List>
      )}
    </div>
  );
}
