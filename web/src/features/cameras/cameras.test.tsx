import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import type { Camera } from '@cds/contracts/cameras';
import { fakeApi, renderPage } from '../../test/helpers.tsx';
import { CameraPage } from './CameraPage.tsx';
import { CamerasPage } from './CamerasPage.tsx';

vi.mock('../reports/ReportMap.tsx', () => ({ ReportMap: ({ label }: { label: string }) => <div role="region" aria-label={label} /> }));

const CAM: Camera = {
  id: '44444444-4444-4444-8444-444444444444', code: 'CAM-1', name: 'Ngã tư Đông Kinh', kind: 'traffic', lat: 21.85, lon: 106.76, communeCode: '05977',
  streamUrl: '/demo/cameras/index.m3u8', snapshotUrl: '/demo/cameras/snapshot.svg',
};
const GATE: Camera = { ...CAM, id: '55555555-5555-4555-8555-555555555555', code: 'CAM-2', name: 'Đường vào cửa khẩu Hữu Nghị', kind: 'border_gate' };

describe('public cameras', () => {
  it('lists cameras under their kind, each opening its page', async () => {
    fakeApi({ 'GET /api/cameras': () => ({ body: { items: [CAM, GATE] } }) });
    renderPage(<CamerasPage />);
    expect(await screen.findByRole('heading', { name: 'Camera giao thông' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Camera đường vào cửa khẩu' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Camera sông' })).toBeNull();
    expect(screen.getByRole('link', { name: /Ngã tư Đông Kinh/ }).getAttribute('href')).toBe(`/cameras/${CAM.id}`);
  });

  it('shows the snapshot when the browser cannot play the stream', async () => {
    // jsdom has neither native HLS nor Media Source: the player must fall back
    fakeApi({ [`GET /api/cameras/${CAM.id}`]: () => ({ body: CAM }) });
    renderPage(<CameraPage />, { path: '/cameras/:id', at: `/cameras/${CAM.id}` });
    expect(await screen.findByRole('heading', { level: 1, name: 'Ngã tư Đông Kinh' })).toBeTruthy();
    const img = await screen.findByRole('img', { name: 'Ảnh chụp gần nhất của camera Ngã tư Đông Kinh' });
    expect(img.getAttribute('src')).toBe(CAM.snapshotUrl);
    expect(screen.getByText('Camera đang mất tín hiệu. Dưới đây là ảnh chụp gần nhất.')).toBeTruthy();
    expect(screen.getByTestId('camera-player').getAttribute('data-state')).toBe('down');
  });

  it('says a camera is not found', async () => {
    fakeApi({ [`GET /api/cameras/${CAM.id}`]: () => ({ status: 404, body: { error: { code: 'cameras.not_found', message: 'Không tìm thấy camera', details: null } } }) });
    renderPage(<CameraPage />, { path: '/cameras/:id', at: `/cameras/${CAM.id}` });
    expect(await screen.findByText(/Không tìm thấy camera/)).toBeTruthy();
  });
});
