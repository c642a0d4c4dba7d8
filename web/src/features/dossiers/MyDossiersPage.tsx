import { useTranslation } from 'react-i18next';
import { ButtonLink, EmptyState, ErrorState, List, ListItem, Loading } from '../../ui/index.ts';
import { usePageTitle } from '../../app/installation.ts';
import { useMyDossiers } from './api.ts';
import { Appointment, StatusBadge } from './parts.tsx';

/** "Hồ sơ của tôi": every dossier of the signed-in citizen, latest change first. */
export function MyDossiersPage() {
  const { t } = useTranslation();
  usePageTitle(t('dossiers.mine.title'));
  const mine = useMyDossiers();
  return (
    <div className="narrow stack">
      <h1>{t('dossiers.mine.title')}</h1>
      <div className="row">
        <ButtonLink to="/tra-cuu-ho-so" variant="secondary" icon="search">
          {t('dossiers.track.title')}
        </ButtonLink>
      </div>
      {mine.isPending && <Loading />}
      {mine.isError && <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />}
      {mine.data && mine.data.items.length === 0 && <EmptyState title={t('dossiers.mine.empty')} icon="document" />}
      {mine.data && mine.data.items.length > 0 && (
        <List label={t('dossiers.mine.title')}>
          {mine.data.items.map((d) => (
            <ListItem
              key={d.id}
              icon="document"
              to={`/dossiers/${d.id}`}
              title={d.procedureName}
              description={
                <>
                  {d.code ?? t('dossiers.draft')} · <StatusBadge status={d.status} name={d.statusName} /> <Appointment date={d.appointmentDate} deadline={d.deadline} />
                </>
              }
            />
          ))}
        </List>
      )}
    </div>
  );
}
