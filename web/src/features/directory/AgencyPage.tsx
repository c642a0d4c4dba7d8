// One agency: open now, call and directions with one tap, address, hours, the one-stop
// counter, contacts and the procedures it handles. Its own staff see a link to edit it.
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS } from '@cds/contracts';
import { ButtonAnchor, ButtonLink, Card, ErrorState, List, ListItem, Loading, PageHeader } from '../../ui/index.ts';
import { formatDate } from '../../lib/format.ts';
import { usePageTitle } from '../../app/installation.ts';
import { geoHref, telHref, useAgency } from './api.ts';
import { OpenBadge } from './OpenBadge.tsx';

export function AgencyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const agency = useAgency(id);
  usePageTitle(agency.data?.name ?? t('directory.title'));
  const back = { to: '/directory', label: t('directory.title') };
  if (agency.isPending) return <div className="narrow"><Loading /></div>;
  if (agency.isError) return <div className="narrow stack"><PageHeader title={t('directory.title')} back={back} /><ErrorState error={agency.error} onRetry={() => void agency.refetch()} /></div>;
  const a = agency.data;
  return (
    <div className="narrow stack">
      <PageHeader title={a.name} back={back} />
      <p className="agency-open"><OpenBadge status={a.openNow} /></p>
      <div className="directory-actions">
        {a.phone
          ? <ButtonAnchor href={telHref(a.phone)} icon="phone" block>{t('directory.agency.call', { phone: a.phone })}</ButtonAnchor>
          : <p>{t('directory.agency.noPhone')}</p>}
        {a.lat !== null && a.lon !== null && (
          <ButtonAnchor href={geoHref(a.lat, a.lon, a.shortName)} icon="map" variant="secondary" block>{t('directory.agency.directions')}</ButtonAnchor>
        )}
      </div>
      <Card title={t('directory.agency.where')}>
        <p>{a.address ?? t('directory.agency.noAddress')}</p>
        {a.lat !== null && a.lon !== null && <p className="muted">{t('directory.agency.coordinates', { lat: a.lat.toFixed(5), lon: a.lon.toFixed(5) })}</p>}
        {a.counter && <p><strong>{t('directory.agency.counter')}:</strong> {a.counter}</p>}
        {a.note && <p><strong>{t('directory.agency.note')}:</strong> {a.note}</p>}
      </Card>
      <Card title={t('directory.agency.hours')}>
        <table className="hours-table">
          <tbody>
            {WEEKDAYS.map((d) => (
              <tr key={d}>
                <th scope="row">{t(`directory.weekday.${d}`)}</th>
                <td>{a.hours.weekly[d].length === 0 ? t('directory.agency.closedDay') : a.hours.weekly[d].map((p) => `${p.from}–${p.to}`).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>{a.hours.openOnHolidays ? t('directory.agency.holidaysOpen') : t('directory.agency.holidaysClosed')}</p>
      </Card>
      {(a.email || a.website) && (
        <Card title={t('directory.agency.contacts')}>
          {a.email && <p>{t('directory.agency.email')}: <a href={`mailto:${a.email}`}>{a.email}</a></p>}
          {a.website && <p>{t('directory.agency.website')}: <a href={a.website} rel="noopener noreferrer">{a.website}</a></p>}
        </Card>
      )}
      {a.procedures.length > 0 && (
        <section className="stack">
          <h2>{t('directory.agency.procedures', { count: a.proceduresTotal })}</h2>
          <List label={t('directory.agency.procedures', { count: a.proceduresTotal })}>
            {a.procedures.map((p) => <ListItem key={p.id} icon="document" title={p.name} to={`/procedures/${p.id}`} />)}
          </List>
        </section>
      )}
      {a.updatedAt && <p className="muted">{t('directory.agency.updated', { date: formatDate(a.updatedAt) })}</p>}
      {a.editable && <ButtonLink to={`/staff/directory/${a.id}`} icon="edit" variant="secondary">{t('directory.agency.edit')}</ButtonLink>}
    </div>
  );
}
