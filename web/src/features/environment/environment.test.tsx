import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Station } from '@cds/contracts/environment';
import { fakeApi, renderPage } from '../../test/helpers.tsx';
import { EnvironmentPage } from './EnvironmentPage.tsx';

// the map and the chart draw on a canvas jsdom does not have; the page's own logic is tested here
vi.mock('../reports/ReportMap.tsx', () => ({ ReportMap: ({ label }: { label: string }) => <div role="region" aria-label={label} /> }));
vi.mock('../leader/EChart.tsx', () => ({ default: () => <div data-testid="chart" /> }));

const base = { communeCode: '05983', alarm1: null, alarm2: null, alarm3: null, air: null, river: null, rain24h: null, lastReadingAt: '2026-12-07T01:00:00.000Z' };
const CITY: Station = { ...base, id: '11111111-1111-4111-8111-111111111111', code: 'KK-CITY', name: 'Trạm không khí thành phố', kind: 'air', lat: 21.85, lon: 106.76, air: { aqi: 120, band: 'poor', dominant: 'pm25', at: '2026-12-07T01:00:00.000Z' } };
const GATE: Station = { ...base, id: '22222222-2222-4222-8222-222222222222', code: 'KK-GATE', name: 'Trạm không khí cửa khẩu', kind: 'air', lat: 21.97, lon: 106.7, air: { aqi: 42, band: 'good', dominant: 'pm10', at: '2026-12-07T01:00:00.000Z' } };
const RIVER: Station = { ...base, id: '33333333-3333-4333-8333-333333333333', code: 'TV-RIVER', name: 'Trạm thủy văn sông Kỳ Cùng', kind: 'water_level', lat: 21.84, lon: 106.75, alarm1: 252, alarm2: 254, alarm3: 256, river: { level: 252.4, alarm: 1, at: '2026-12-07T01:00:00.000Z' } };

const series = (id: string) => ({ stationId: id, kind: 'air', range: '24h', points: [{ at: '2026-12-07T00:00:00.000Z', value: 40 }, { at: '2026-12-07T01:00:00.000Z', value: null }] });

function api() {
  return fakeApi({
    'GET /api/environment/stations': () => ({ body: { items: [CITY, GATE, RIVER] } }),
    'GET /api/environment/nearest': () => ({ body: { station: GATE, distanceKm: 1.2 } }),
    [`GET /api/environment/stations/${CITY.id}/series`]: () => ({ body: series(CITY.id) }),
    [`GET /api/environment/stations/${GATE.id}/series`]: () => ({ body: series(GATE.id) }),
    [`GET /api/environment/stations/${RIVER.id}/series`]: () => ({ body: { ...series(RIVER.id), kind: 'water_level' } }),
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('air and water near me', () => {
  it('shows the first air station with its band and plain advice until the person shares where they are', async () => {
    api();
    renderPage(<EnvironmentPage />);
    expect(await screen.findByRole('heading', { name: 'Trạm không khí thành phố' })).toBeTruthy();
    expect(screen.getByText('120')).toBeTruthy();
    expect(screen.getAllByText('Kém').length).toBeGreaterThan(0);
    expect(screen.getByText(/Người già, trẻ nhỏ, người có bệnh tim, phổi nên ít ra ngoài/)).toBeTruthy();
    // the chart's figures as a table: an hour without data is a dash, not zero
    expect(await screen.findByText('—')).toBeTruthy();
  });

  it('asks the server for the station nearest the phone\'s position', async () => {
    const calls = api();
    vi.stubGlobal('navigator', { ...navigator, geolocation: { getCurrentPosition: (ok: PositionCallback) => ok({ coords: { latitude: 21.968, longitude: 106.705 } } as GeolocationPosition) } });
    renderPage(<EnvironmentPage />);
    await userEvent.click(await screen.findByRole('button', { name: 'Xem trạm gần tôi nhất' }));
    expect(await screen.findByRole('heading', { name: 'Trạm không khí cửa khẩu' })).toBeTruthy();
    expect(screen.getByText('Cách bạn khoảng 1,2 km')).toBeTruthy();
    expect(screen.getAllByText('Tốt').length).toBeGreaterThan(0);
    const asked = calls.calls.find((c) => c.path === '/api/environment/nearest');
    expect(asked).toBeTruthy();
  });

  it('says so in plain words when the position is refused', async () => {
    api();
    vi.stubGlobal('navigator', { ...navigator, geolocation: { getCurrentPosition: (_ok: PositionCallback, fail: PositionErrorCallback) => fail({ code: 1 } as GeolocationPositionError) } });
    renderPage(<EnvironmentPage />);
    await userEvent.click(await screen.findByRole('button', { name: 'Xem trạm gần tôi nhất' }));
    expect(await screen.findByText(/Chưa lấy được vị trí của bạn/)).toBeTruthy();
  });

  it('shows a river station against its alarm levels', async () => {
    api();
    renderPage(<EnvironmentPage />);
    await userEvent.click(await screen.findByRole('button', { name: /Trạm thủy văn sông Kỳ Cùng/ }));
    expect(await screen.findByText('Mực nước 252,4 m')).toBeTruthy();
    expect(screen.getAllByText(/Báo động I/).length).toBeGreaterThan(0);
    expect(screen.getByText('Mức báo động I: 252 m · II: 254 m · III: 256 m')).toBeTruthy();
  });
});
