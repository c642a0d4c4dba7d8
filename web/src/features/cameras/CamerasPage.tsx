// Public cameras: every camera on the map and in a list by kind; tapping one opens it.
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CAMERA_KINDS } from '@cds/contracts';
import { Card, ErrorState, List, ListItem, Loading } from '../../ui/index.ts';
import { usePageTitle } from '../../app/installation.ts';
import { ReportMap } from '../reports/ReportMap.tsx';
import { useCameras } from './api.ts';
import './cameras.css';

const KIND_COLOURS = { traffic: '#0b5cad', river: '#00838f', border_gate: '#6a1b9a' } as const;

export function CamerasPage() {
  const { t } = useTranslation();
  usePageTitle(t('cameras.title'));
  const cameras = useCameras();
  const navigate = useNavigate();
  const items = useMemo(() => cameras.data?.items ?? [], [cameras.data]);
  const markers = useMemo(() => items.map((c) => ({
    id: c.id, lat: c.lat, lon: c.lon, label: `${t(`cameras.kind.${c.kind}`)}: ${c.name}`, colour: KIND_COLOURS[c.kind],
    onSelect: () => void navigate(`/cameras/${c.id}`),
  })), [items, t, navigate]);

  if (cameras.isPending) return <Loading />;
  if (!cameras.data) return <ErrorState error={cameras.error} onRetry={() => void cameras.refetch()} />;
  return (
    <div className="stack">
      <h1>{t('cameras.title')}</h1>
      <p>{t('cameras.intro')}</p>
      <Card title={t('cameras.map.title')}>
        <p className="muted">{t('cameras.map.hint')}</p>
        <ReportMap label={t('cameras.map.label')} showReports={false} zoom={9} center={[106.7, 21.9]} markers={markers} />
      </Card>
      {CAMERA_KINDS.map((kind) => {
        const ofKind = items.filter((c) => c.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <Card key={kind} title={t(`cameras.kind.${kind}`)}>
            <List label={t(`cameras.kind.${kind}`)}>
              {ofKind.map((c) => <ListItem key={c.id} icon="map" title={c.name} to={`/cameras/${c.id}`} />)}
            </List>
          </Card>
        );
      })}
    </div>
  );
}
