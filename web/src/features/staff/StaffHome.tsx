import { useTranslation } from 'react-i18next';
import { Card, EmptyState, ErrorState, List, ListItem, Loading } from '../../ui/index.ts';
import { usePageTitle } from '../../app/installation.ts';
import type { Me } from '@cds/contracts/identity';
import { useStaffMe } from './api.ts';
import { navFor } from './StaffLayout.tsx';

export function StaffHome({ me }: { me: Me }) {
  const { t } = useTranslation();
  usePageTitle(t('staff.title'));
  const staffMe = useStaffMe();
  // every console section this person may open, except this overview
  const sections = navFor(me).filter((n) => n.to !== '/staff');

  return (
    <div className="stack">
      <h1>{t('staff.greeting', { name: me.fullName || me.phone || '' })}</h1>
      <Card title={t('staff.yourRoles')}>
        {staffMe.isPending && <Loading />}
        {staffMe.isError && <ErrorState error={staffMe.error} onRetry={() => void staffMe.refetch()} />}
        {staffMe.data &&
          (staffMe.data.memberships.length === 0 ? (
            <p>{t('staff.noMemberships')}</p>
          ) : (
            <List>
              {staffMe.data.memberships.map((m) => (
                <ListItem
                  key={m.id}
                  icon="briefcase"
                  title={t(`roles.${m.role}`)}
                  description={[m.agencyName, m.areaName].filter(Boolean).join(' · ') || t('staff.wholeSystem')}
                />
              ))}
            </List>
          ))}
      </Card>
      <Card title={t('staff.work.title')}>
        {sections.length === 0 ? (
          <EmptyState title={t('staff.work.none')}>{t('staff.work.later')}</EmptyState>
        ) : (
          <List label={t('staff.work.title')}>
            {sections.map((n) => (
              <ListItem key={n.to} to={n.to} icon={n.icon} title={t(n.labelKey)} />
            ))}
          </List>
        )}
      </Card>
    </div>
  );
}
