// The directory's front page: find an agency by name (with or without diacritics), the ones
// near me by GPS, only those open now; links to the hotlines and the welfare pages.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ButtonLink, Checkbox, EmptyState, ErrorState, List, ListItem, Loading, TextField } from '../../ui/index.ts';
import { usePageTitle } from '../../app/installation.ts';
import { formatDistance, useAgencies } from './api.ts';
import { OpenBadge } from './OpenBadge.tsx';

type Locating = 'idle' | 'busy' | 'denied';

export function DirectoryPage() {
  const { t } = useTranslation();
  usePageTitle(t('directory.title'));
  const [q, setQ] = useState('');
  const [openNow, setOpenNow] = useState(false);
  const [near, setNear] = useState<{ lat: number; lon: number } | null>(null);
  const [locating, setLocating] = useState<Locating>('idle');
  const agencies = useAgencies({ q, near, openNow });

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setLocating('denied');
      return;
    }
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setNear({ lat: pos.coords.latitude, lon: pos.coords.longitude });
        setLocating('idle');
      },
      () => setLocating('denied'),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  return (
    <div className="narrow stack">
      <h1>{t('directory.title')}</h1>
      <div className="directory-shortcuts">
        <ButtonLink to="/directory/hotlines" icon="phone" variant="secondary">{t('directory.hotlines.title')}</ButtonLink>
        <ButtonLink to="/welfare" icon="users" variant="secondary">{t('directory.welfare.title')}</ButtonLink>
      </div>
      <form className="stack" role="search" onSubmit={(e) => e.preventDefault()}>
        <TextField label={t('directory.search.label')} hint={t('directory.search.hint')} value={q} onChange={(e) => setQ(e.target.value)} type="search" autoComplete="off" />
        <Checkbox label={t('directory.search.openNow')} checked={openNow} onChange={(e) => setOpenNow(e.target.checked)} />
        {near
          ? <Button variant="secondary" icon="close" onClick={() => setNear(null)}>{t('directory.near.clear')}</Button>
          : <Button variant="secondary" icon="map" onClick={locate} busy={locating === 'busy'}>{t('directory.near.button')}</Button>}
      </form>
      {locating === 'denied' && <Alert kind="error" live>{t('directory.near.denied')}</Alert>}
      {near && <p>{t('directory.near.sorted')}</p>}
      {agencies.isPending && <Loading />}
      {agencies.isError && <ErrorState error={agencies.error} onRetry={() => void agencies.refetch()} />}
      {agencies.data && agencies.data.items.length === 0 && <EmptyState title={t('directory.search.emptyTitle')}>{t('directory.search.empty')}</EmptyState>}
      {agencies.data && agencies.data.items.length > 0 && (
        <List label={t('directory.search.results', { count: agencies.data.total })}>
          {agencies.data.items.map((a) => (
            <ListItem
              key={a.id}
              icon="home"
              title={a.name}
              description={(
                <>
                  <OpenBadge status={a.openNow} />
                  {a.distanceM !== null && <span> · {t('directory.near.distance', { distance: formatDistance(a.distanceM) })}</span>}
                  {a.address && <span className="directory-address">{a.address}</span>}
                </>
              )}
              to={`/directory/${a.id}`}
            />
          ))}
        </List>
      )}
    </div>
  );
}
