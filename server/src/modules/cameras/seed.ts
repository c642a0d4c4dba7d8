// Demo cameras of Lạng Sơn: a traffic crossing in the city, the Kỳ Cùng river, the approach
// to the Hữu Nghị border gate (all on the local test stream), and one whose stream is down
// (Tân Thanh), which shows its snapshot as a real broken camera would.
import * as repo from './repo.ts';

export const DEMO_STREAM = '/demo/cameras/index.m3u8';
const SNAPSHOT = '/demo/cameras/snapshot.svg';

const CAMERAS: repo.NewCamera[] = [
  { code: 'CAM-NGA-TU-DONG-KINH', name: 'Ngã tư Đông Kinh (đường Lê Lợi – Trần Đăng Ninh)', kind: 'traffic', lat: 21.8488, lon: 106.7626, commune_code: '05977', stream_url: DEMO_STREAM, snapshot_url: SNAPSHOT },
  { code: 'CAM-CAU-KY-LUA', name: 'Sông Kỳ Cùng tại cầu Kỳ Lừa', kind: 'river', lat: 21.8569, lon: 106.7595, commune_code: '06187', stream_url: DEMO_STREAM, snapshot_url: SNAPSHOT },
  { code: 'CAM-HUU-NGHI', name: 'Đường vào cửa khẩu Hữu Nghị', kind: 'border_gate', lat: 21.9705, lon: 106.7072, commune_code: '06184', stream_url: DEMO_STREAM, snapshot_url: SNAPSHOT },
  { code: 'CAM-TAN-THANH', name: 'Đường vào cửa khẩu Tân Thanh (mất tín hiệu)', kind: 'border_gate', lat: 21.9472, lon: 106.6286, commune_code: '06184', stream_url: '/demo/cameras/offline.m3u8', snapshot_url: SNAPSHOT },
];

export async function seedDemoCameras(db: repo.Db): Promise<void> {
  for (const c of CAMERAS) await repo.insert(db, c);
}
