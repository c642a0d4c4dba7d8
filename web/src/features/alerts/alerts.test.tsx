import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Value } from 'typebox/value';
import { Alert as AlertSchema, type Alert } from '@cds/contracts/alerts';
import { ME } from '../../test/fixtures.ts';
import { fakeApi, renderPage } from '../../test/helpers.tsx';
import { AlertOverlay } from './AlertOverlay.tsx';
import { AlertPage } from './AlertsPage.tsx';

const FLOOD = {
  id: '5b0f1c52-8a57-4a8e-9d7e-1f1c9c7a2b01',
  identifier: 'VN-20-20261207-ABC',
  sender: 'pctt@localhost',
  status: 'Actual',
  msgType: 'Alert',
  references: null,
  referencesId: null,
  state: 'sent',
  cancelled: false,
  inForce: true,
  category: 'Met',
  event: 'Lũ quét',
  urgency: 'Immediate',
  severity: 'Extreme',
  certainty: 'Observed',
  headline: 'Lũ quét ở Thất Khê',
  description: 'Nước suối dâng nhanh.',
  instruction: 'Lên chỗ cao ngay.',
  effective: null,
  expires: '2030-01-01T00:00:00.000Z',
  area: { description: 'Xã Thất Khê', communes: ['06040'] },
  communeNames: ['Xã Thất Khê'],
  translations: [],
  createdBy: 'Lương Văn Cảnh',
  createdAt: '2026-12-07T00:00:00.000Z',
  approvedBy: 'Lãnh đạo',
  sentAt: '2026-12-07T00:05:00.000Z',
  rejectedReason: null,
  actions: [],
  myAnswer: null,
} satisfies Alert;
const DRILL = { ...FLOOD, id: '5b0f1c52-8a57-4a8e-9d7e-1f1c9c7a2b02', status: 'Exercise', headline: 'Diễn tập sơ tán' } satisfies Alert;
const RESIDENT = { ...ME, communeCode: '06040', communeName: 'Xã Thất Khê' };

describe('emergency alerts in the app', () => {
  it('fixtures match the contract', () => {
    expect(Value.Check(AlertSchema, FLOOD)).toBe(true);
    expect(Value.Check(AlertSchema, DRILL)).toBe(true);
  });

  it('an Actual alert takes the whole screen; an exercise shows only as a banner', async () => {
    localStorage.clear();
    fakeApi({ 'GET /api/me': () => ({ body: RESIDENT }), 'GET /api/alerts': () => ({ body: { items: [FLOOD, DRILL], total: 2 } }) });
    renderPage(<AlertOverlay />);
    const dialog = await screen.findByRole('alertdialog', { name: 'Lũ quét ở Thất Khê' }, { timeout: 10_000 });
    expect(within(dialog).getByText('Lên chỗ cao ngay.')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Diễn tập sơ tán/ })).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Đã hiểu, đóng' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  }, 20_000);

  it('sends "Tôi an toàn" and says it was recorded', async () => {
    const api = fakeApi({
      'GET /api/me': () => ({ body: RESIDENT }),
      [`GET /api/alerts/${FLOOD.id}`]: () => ({ body: FLOOD }),
      [`POST /api/alerts/${FLOOD.id}/answers`]: () => ({ body: { ...FLOOD, myAnswer: 'safe' } }),
    });
    renderPage(<AlertPage />, { path: '/canh-bao/:id', at: `/canh-bao/${FLOOD.id}` });
    await userEvent.click(await screen.findByRole('button', { name: 'Tôi an toàn' }));
    expect(await screen.findByText('Đã ghi nhận: bạn an toàn.')).toBeTruthy();
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({ answer: 'safe' });
  });
});

describe('an alert in several languages (one CAP <info> block each)', () => {
  const MULTI = {
    ...FLOOD,
    id: '5b0f1c52-8a57-4a8e-9d7e-1f1c9c7a2b03',
    translations: [
      { language: 'en', event: 'Flash flood', headline: 'Flash flood in Thất Khê', description: 'Streams are rising fast.', instruction: 'Move to high ground now.' },
      { language: 'tyz', event: 'Nặm lũ', headline: 'Nặm lũ tẩu Thất Khê', description: 'Nặm khuổi khửn vạy.' },
    ],
  } satisfies Alert;

  it('shows Vietnamese to a Vietnamese reader and switches to the block the reader picks', async () => {
    expect(Value.Check(AlertSchema, MULTI)).toBe(true);
    fakeApi({ 'GET /api/me': () => ({ body: RESIDENT }), [`GET /api/alerts/${MULTI.id}`]: () => ({ body: MULTI }) });
    renderPage(<AlertPage />, { path: '/canh-bao/:id', at: `/canh-bao/${MULTI.id}` });
    expect(await screen.findByRole('heading', { name: 'Lũ quét ở Thất Khê' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Tày' }));
    expect(await screen.findByRole('heading', { name: 'Nặm lũ tẩu Thất Khê' })).toBeTruthy();
    // the Tày block has no instruction of its own: none is shown rather than another language's
    expect(screen.queryByText('Lên chỗ cao ngay.')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByText('Move to high ground now.')).toBeTruthy();
  });

  it('picks the reader’s language, with Vietnamese when the alert has no such block', async () => {
    const { alertTexts } = await import('./parts.tsx');
    expect(alertTexts(MULTI, 'en-GB').headline).toBe('Flash flood in Thất Khê');
    expect(alertTexts(MULTI, 'vi').headline).toBe('Lũ quét ở Thất Khê');
    expect(alertTexts(MULTI, 'fr').headline).toBe('Lũ quét ở Thất Khê');
    expect(alertTexts(FLOOD, 'en').instruction).toBe('Lên chỗ cao ngay.');
  });
});

describe('the area drawn on the map', () => {
  it('draws a polygon from its corners and a circle of the chosen radius', async () => {
    const { circleRing, shapeFeatures } = await import('./AreaMap.tsx');
    const poly = shapeFeatures({ kind: 'polygon', corners: [[106, 22], [106.1, 22], [106.1, 22.1]], center: null, radiusKm: 5 });
    expect(poly.features[0]?.geometry).toEqual({ type: 'Polygon', coordinates: [[[106, 22], [106.1, 22], [106.1, 22.1], [106, 22]]] });
    expect(poly.features.filter((f) => f.geometry.type === 'Point')).toHaveLength(3);
    // two corners are only a line so far
    expect(shapeFeatures({ kind: 'polygon', corners: [[106, 22], [106.1, 22]], center: null, radiusKm: 5 }).features[0]?.geometry.type).toBe('LineString');
    const ring = circleRing([106.74, 21.84], 10);
    // 10 km north of the centre is about 0.09° of latitude
    expect(Math.max(...ring.map((p) => p[1])) - 21.84).toBeCloseTo(10 / 111.32, 4);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
  });
});

describe('a river station’s suggestion', () => {
  const t = (key: string, values?: Record<string, string>) => `${key}${values ? ` ${JSON.stringify(values)}` : ''}`;

  it('fills a flood draft for the station’s commune from the officer’s notice link', async () => {
    const { riverSuggestion } = await import('./StaffAlertsPage.tsx');
    const s = riverSuggestion(new URLSearchParams('suggest=river&station=Kỳ Cùng&commune=05983&alarm=3&level=254&at=2026-12-07T03:00:00.000Z'), t);
    expect(s?.communes).toEqual(['05983']);
    expect(s?.fields).toMatchObject({ category: 'Met', urgency: 'Immediate', severity: 'Extreme', certainty: 'Observed' });
    expect(s?.fields.headline).toContain('"alarm":"III"');
    expect(riverSuggestion(new URLSearchParams('suggest=river&commune=05983&alarm=2'), t)?.fields).toMatchObject({ urgency: 'Expected', severity: 'Severe' });
  });

  it('ignores a link that is not a river suggestion or names no commune', async () => {
    const { riverSuggestion } = await import('./StaffAlertsPage.tsx');
    expect(riverSuggestion(new URLSearchParams(''), t)).toBeNull();
    expect(riverSuggestion(new URLSearchParams('suggest=river&alarm=2&commune=x'), t)).toBeNull();
    expect(riverSuggestion(new URLSearchParams('suggest=river&alarm=7&commune=05983'), t)).toBeNull();
  });
});
