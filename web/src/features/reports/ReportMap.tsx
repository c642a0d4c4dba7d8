// A MapLibre map over the platform's own vector tiles (the base map of lib/basemap.ts and
// report points); no outside tile provider. MapLibre loads only when a map is shown.
import { useEffect, useRef } from 'react';
import type { Map as MlMap, Marker } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// bundlers do not copy MapLibre's worker on their own; without it no tile is ever drawn
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useTranslation } from 'react-i18next';
import { baseLayers, showMapLabels } from '../../lib/basemap.ts';
import { formatNumber } from '../../lib/format.ts';

export interface MapProps {
  label: string;
  center?: [number, number];
  zoom?: number;
  /** Where the pin is; tapping the map moves it when `onPick` is given. */
  pin?: { lat: number; lon: number } | null;
  onPick?: (p: { lat: number; lon: number }) => void;
  onReport?: (code: string) => void;
  showReports?: boolean;
  /** Text of the button that pins the map's centre. */
  pinCentreLabel?: string;
  /** Other capabilities' points (stations, cameras) as labelled buttons on the map. */
  markers?: MapMarker[];
}

export interface MapMarker {
  id: string;
  lat: number;
  lon: number;
  /** The button's accessible name (and tooltip). */
  label: string;
  colour?: string;
  onSelect?: () => void;
}

/** Zoomed out, the tiles hold circles of nearby reports with their `count`: bigger for more. */
const CLUSTER_RADIUS = ['step', ['get', 'count'], 10, 10, 14, 100, 18, 1000, 22];
const STATUS_COLOURS = ['match', ['get', 'status'], 'resolved', '#1a7f37', 'closed', '#6e7781', 'rejected', '#6e7781', 'in_progress', '#bf8700', 'need_info', '#bf8700', '#0b5cad'];

/** Draws `markers` as small round buttons, replacing the ones drawn before. */
function syncMarkers(m: MlMap, MarkerClass: typeof Marker, wanted: MapMarker[], shown: Marker[]): Marker[] {
  for (const mk of shown) mk.remove();
  return wanted.map((w) => {
    const el = document.createElement('button');
    el.type = 'button';
    el.className = 'report-map__marker';
    // styled here so any page using the map gets them: 28 px, above the 24 px target minimum
    Object.assign(el.style, { width: '28px', height: '28px', borderRadius: '50%', border: '3px solid #fff', boxShadow: '0 0 0 1px #333', background: w.colour ?? '#0b5cad', cursor: 'pointer', padding: '0' });
    el.setAttribute('aria-label', w.label);
    el.title = w.label;
    el.addEventListener('click', (e) => {
      e.stopPropagation();
      w.onSelect?.();
    });
    return new MarkerClass({ element: el }).setLngLat([w.lon, w.lat]).addTo(m);
  });
}

/** Writes each circle's count on it, as HTML: MapLibre's own text would need glyphs from a font server. */
function showClusterCounts(m: MlMap, MarkerClass: typeof Marker): void {
  const shown = new Map<string, Marker>();
  const sync = () => {
    const wanted = new Map<string, { at: [number, number]; count: number }>();
    for (const f of m.querySourceFeatures('cds', { sourceLayer: 'reports', filter: ['has', 'count'] })) {
      if (f.geometry.type !== 'Point') continue;
      const at = f.geometry.coordinates as [number, number];
      const count = Number(f.properties.count);
      // a circle can come from two tiles of a zoom being loaded: one count is enough
      wanted.set(`${at[0].toFixed(5)},${at[1].toFixed(5)}:${count}`, { at, count });
    }
    for (const [key, mk] of shown) {
      if (wanted.has(key)) continue;
      mk.remove();
      shown.delete(key);
    }
    for (const [key, w] of wanted) {
      if (shown.has(key)) continue;
      const el = document.createElement('span');
      el.className = 'map-cluster-count';
      el.textContent = formatNumber(w.count);
      // the map region has its own accessible alternative (the list beside it)
      el.setAttribute('aria-hidden', 'true');
      shown.set(key, new MarkerClass({ element: el }).setLngLat(w.at).addTo(m));
    }
  };
  m.on('moveend', sync);
  m.on('idle', sync);
}

// the default centre is Lạng Sơn city, inside Phường Lương Văn Tri on the real 2025 boundaries
export function ReportMap({ label, center = [106.74, 21.84], zoom = 10, pin, onPick, onReport, showReports = true, pinCentreLabel, markers }: MapProps) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<MlMap | null>(null);
  const marker = useRef<Marker | null>(null);
  const markerClass = useRef<typeof Marker | null>(null);
  const shownMarkers = useRef<Marker[]>([]);
  const wantedMarkers = useRef<MapMarker[]>(markers ?? []);
  wantedMarkers.current = markers ?? [];
  const handlers = useRef({ onPick, onReport });
  handlers.current = { onPick, onReport };

  useEffect(() => {
    let cancelled = false;
    void import('maplibre-gl').then((ml) => {
      if (cancelled || !box.current) return;
      ml.setWorkerUrl(workerUrl);
      const m = new ml.Map({
        container: box.current,
        center,
        zoom,
        attributionControl: false,
        style: {
          version: 8,
          sources: { cds: { type: 'vector', tiles: [`${location.origin}/api/tiles/{z}/{x}/{y}.mvt`], minzoom: 5, maxzoom: 16 } },
          layers: [
            ...baseLayers('cds'),
            ...(showReports
              ? [
                  { id: 'reports', type: 'circle' as const, source: 'cds', 'source-layer': 'reports', filter: ['!', ['has', 'count']] as never, paint: { 'circle-radius': 6, 'circle-stroke-width': 2, 'circle-stroke-color': '#fff', 'circle-color': STATUS_COLOURS as never } },
                  { id: 'report-clusters', type: 'circle' as const, source: 'cds', 'source-layer': 'reports', filter: ['has', 'count'] as never, paint: { 'circle-radius': CLUSTER_RADIUS as never, 'circle-stroke-width': 2, 'circle-stroke-color': '#fff', 'circle-color': '#0b5cad', 'circle-opacity': 0.9 } },
                ]
              : []),
          ],
        },
      });
      m.addControl(new ml.NavigationControl({ showCompass: false }));
      m.on('click', (e) => {
        const hit = showReports ? m.queryRenderedFeatures(e.point, { layers: ['reports', 'report-clusters'] })[0] : undefined;
        if (hit && handlers.current.onReport) {
          // a circle of many reports opens up by zooming in towards it, until the reports are dots
          if (hit.properties.count !== undefined) return void m.easeTo({ center: e.lngLat, zoom: Math.min(m.getZoom() + 2, 16) });
          return handlers.current.onReport(String(hit.properties.code));
        }
        handlers.current.onPick?.({ lat: Math.round(e.lngLat.lat * 1e6) / 1e6, lon: Math.round(e.lngLat.lng * 1e6) / 1e6 });
      });
      showMapLabels(m, ml.Marker, 'cds');
      if (showReports) showClusterCounts(m, ml.Marker);
      map.current = m;
      // the pin draws above the names (basemap.css), so the chosen place is never hidden
      marker.current = new ml.Marker({ color: '#c8102e', className: 'map-pin' });
      markerClass.current = ml.Marker;
      shownMarkers.current = syncMarkers(m, ml.Marker, wantedMarkers.current, []);
    });
    return () => {
      cancelled = true;
      map.current?.remove();
      map.current = null;
    };
    // the map is built once; later changes reach it through the refs
  }, []);

  useEffect(() => {
    const m = map.current;
    const mk = marker.current;
    if (!m || !mk) return;
    if (pin) {
      mk.setLngLat([pin.lon, pin.lat]).addTo(m);
      m.easeTo({ center: [pin.lon, pin.lat], zoom: Math.max(m.getZoom(), 13) });
    } else mk.remove();
  }, [pin]);

  useEffect(() => {
    if (map.current && markerClass.current) shownMarkers.current = syncMarkers(map.current, markerClass.current, markers ?? [], shownMarkers.current);
  }, [markers]);

  const pickCentre = () => {
    const c = map.current?.getCenter() ?? { lat: center[1], lng: center[0] };
    onPick?.({ lat: Math.round(c.lat * 1e6) / 1e6, lon: Math.round(c.lng * 1e6) / 1e6 });
  };
  return (
    <>
      <div ref={box} className="report-map" role="region" aria-label={label} data-testid="report-map" />
      <p className="map-credit">{t('reports.map.credit')}</p>
      {onPick && (
        // keyboard and screen-reader users cannot tap the map: move it with the arrow keys, then pin its centre
        <button type="button" className="btn btn--ghost" onClick={pickCentre}>
          {pinCentreLabel ?? 'Đặt ghim ở giữa bản đồ'}
        </button>
      )}
    </>
  );
}
