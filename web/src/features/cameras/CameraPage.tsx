// One public camera: its live stream (or its snapshot when the stream is down) and where it is.
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card, ErrorState, Loading, PageHeader } from '../../ui/index.ts';
import { usePageTitle } from '../../app/installation.ts';
import { ReportMap } from '../reports/ReportMap.tsx';
import { useCamera } from './api.ts';
import { HlsPlayer } from './HlsPlayer.tsx';
import './cameras.css';

export function CameraPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const camera = useCamera(id);
  usePageTitle(camera.data?.name ?? t('cameras.title'));
  if (camera.isPending) return <Loading />;
  if (!camera.data) return <ErrorState error={camera.error} onRetry={() => void camera.refetch()} />;
  const c = camera.data;
  return (
    <div className="stack">
      <PageHeader title={c.name} back={{ to: '/cameras', label: t('cameras.back') }} />
      <p className="muted">{t(`cameras.kind.${c.kind}`)}</p>
      <HlsPlayer src={c.streamUrl} snapshot={c.snapshotUrl} title={c.name} />
      <Card title={t('cameras.where')}>
        <ReportMap label={t('cameras.map.one', { name: c.name })} showReports={false} zoom={14} center={[c.lon, c.lat]} pin={{ lat: c.lat, lon: c.lon }} />
      </Card>
    </div>
  );
}
