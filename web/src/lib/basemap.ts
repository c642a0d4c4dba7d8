// The platform's own base map for every MapLibre map (reports, land): commune boundaries, the
// province outline and the national border, and, once the province imported an OpenStreetMap
// extract, rivers, roads and place names, all from /api/tiles (no outside tile service).
// Names are HTML markers, not MapLibre text (which needs glyphs from a font server), placed
// once each and never on top of one another: the more important name wins a clash.
import type { LayerSpecification, Map as MlMap, Marker } from 'maplibre-gl';
import './basemap.css';

/** MapLibre layers of the base map over the vector source `source` (tiles of /api/tiles). */
export function baseLayers(source: string): LayerSpecification[] {
  const roadWidth = ['match', ['get', 'kind'], ['motorway', 'trunk'], 3, 'primary', 2.5, ['secondary', 'tertiary'], 1.8, 1] as unknown as number;
  return [
    { id: 'bg', type: 'background', paint: { 'background-color': '#eef2ee' } },
    { id: 'communes', type: 'fill', source, 'source-layer': 'communes', paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.7 } },
    { id: 'water', type: 'line', source, 'source-layer': 'water', paint: { 'line-color': '#5b9bd5', 'line-width': ['match', ['get', 'kind'], 'river', 2.5, 1] as unknown as number } },
    { id: 'roads-casing', type: 'line', source, 'source-layer': 'roads', minzoom: 11, paint: { 'line-color': '#b0a58f', 'line-width': roadWidth, 'line-gap-width': 0 } },
    { id: 'roads', type: 'line', source, 'source-layer': 'roads', paint: { 'line-color': ['match', ['get', 'kind'], ['motorway', 'trunk', 'primary'], '#e8a33d', '#9e9480'] as unknown as string, 'line-width': roadWidth } },
    { id: 'communes-line', type: 'line', source, 'source-layer': 'communes', paint: { 'line-color': '#0b5c3b', 'line-width': 1, 'line-dasharray': [3, 2] } },
    { id: 'province-line', type: 'line', source, 'source-layer': 'province', paint: { 'line-color': '#0b5c3b', 'line-width': 2.5 } },
    { id: 'border-line', type: 'line', source, 'source-layer': 'border', paint: { 'line-color': '#c8102e', 'line-width': 3 } },
  ];
}

/** A name that may be drawn: where, how important (lower wins), and how big it is on screen. */
export interface LabelCandidate {
  key: string;
  text: string;
  x: number;
  y: number;
  priority: number;
  className: string;
}

export interface PlacedLabel extends LabelCandidate {
  box: [number, number, number, number];
}

/** A rough width of a name in pixels at the map's label size, scaled by the root font size. */
export function labelBox(c: LabelCandidate, fontPx: number): [number, number, number, number] {
  const w = c.text.length * fontPx * 0.58 + 8;
  const h = fontPx * 1.4;
  return [c.x - w / 2, c.y - h / 2, c.x + w / 2, c.y + h / 2];
}

/**
 * Greedy placement: most important first (then the longer-standing key for a stable map), each
 * name at most once, skipped when its box meets one already placed or leaves the view.
 */
export function placeLabels(candidates: LabelCandidate[], fontPx: number, view: { width: number; height: number }): PlacedLabel[] {
  const seen = new Set<string>();
  const placed: PlacedLabel[] = [];
  const sorted = [...candidates].sort((a, b) => a.priority - b.priority || a.key.localeCompare(b.key));
  for (const c of sorted) {
    if (seen.has(c.key)) continue;
    seen.add(c.key);
    const box = labelBox(c, fontPx);
    if (box[0] < 0 || box[1] < 0 || box[2] > view.width || box[3] > view.height) continue;
    if (placed.some((p) => box[0] < p.box[2] && box[2] > p.box[0] && box[1] < p.box[3] && box[3] > p.box[1])) continue;
    placed.push({ ...c, box });
  }
  return placed;
}

/** Below this zoom the whole province is in view and commune names would pile up. */
const COMMUNE_NAMES_MIN_ZOOM = 9;
const PLACE_PRIORITY: Record<string, [number, number]> = {
  // kind: [priority, from zoom]; commune names are priority 2
  city: [1, 8],
  town: [1, 9],
  suburb: [3, 12],
  border_gate: [3, 10],
  village: [4, 11],
  quarter: [5, 13],
  hamlet: [5, 13],
  neighbourhood: [6, 14],
  locality: [6, 14],
  isolated_dwelling: [7, 15],
};

/** Draws commune and place names on `m` from the tiles' label layers, placed without collisions. */
export function showMapLabels(m: MlMap, MarkerClass: typeof Marker, source: string): void {
  const shown = new Map<string, Marker>();
  const sync = () => {
    const zoom = m.getZoom();
    const candidates: LabelCandidate[] = [];
    const add = (key: string, text: string, at: [number, number], priority: number, className: string) => {
      const p = m.project(at);
      candidates.push({ key, text, x: p.x, y: p.y, priority, className });
    };
    if (zoom >= COMMUNE_NAMES_MIN_ZOOM) {
      for (const f of m.querySourceFeatures(source, { sourceLayer: 'commune_labels' })) {
        // a commune crossing tiles has a label point in each; one name is enough
        if (f.geometry.type === 'Point') add(`c${String(f.properties.code)}`, String(f.properties.name), f.geometry.coordinates as [number, number], 2, 'map-label map-label--commune');
      }
    }
    for (const f of m.querySourceFeatures(source, { sourceLayer: 'places' })) {
      const rule = PLACE_PRIORITY[String(f.properties.kind)];
      if (!rule || zoom < rule[1] || f.geometry.type !== 'Point' || !f.properties.name) continue;
      const at = f.geometry.coordinates as [number, number];
      add(`p${String(f.properties.name)}@${at[0].toFixed(4)},${at[1].toFixed(4)}`, String(f.properties.name), at, rule[0], 'map-label map-label--place');
    }
    const canvas = m.getCanvas();
    const fontPx = parseFloat(getComputedStyle(document.documentElement).fontSize || '16') * 0.8;
    const placed = placeLabels(candidates, fontPx, { width: canvas.clientWidth, height: canvas.clientHeight });
    const wanted = new Map(placed.map((p) => [p.key, p]));
    for (const [key, mk] of shown) {
      if (!wanted.has(key)) {
        mk.remove();
        shown.delete(key);
      }
    }
    for (const [key, p] of wanted) {
      if (shown.has(key)) continue;
      const el = document.createElement('span');
      el.className = p.className;
      el.textContent = p.text;
      // the map region has its own accessible alternative; the names would only be noise
      el.setAttribute('aria-hidden', 'true');
      shown.set(key, new MarkerClass({ element: el }).setLngLat(m.unproject([p.x, p.y])).addTo(m));
    }
  };
  m.on('moveend', sync);
  m.on('idle', sync);
}
