// The land map: commune boundaries (the platform's base tiles), zoning plan zones coloured
// by planned use, and parcels from zoom 15 (the land module's tiles); a layer switcher.
// No outside tile provider. Tapping asks for the parcel under the finger, or, while
// measuring (đo), adds a point of the line or of the plot's outline.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GeoJSONSource, Map as MlMap } from 'maplibre-gl';
import { lineLengthM, measureReadout, polygonAreaM2 } from '@cds/contracts';
import { Button } from '../../ui/index.ts';
import 'maplibre-gl/dist/maplibre-gl.css';
// bundlers do not copy MapLibre's worker on their own; without it no tile is ever drawn
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { baseLayers, showMapLabels } from '../../lib/basemap.ts';

export interface LandMapProps {
  center: [number, number];
  zoom: number;
  legend: { code: string; colour: string }[];
  selectedId: string | null;
  onPick: (p: { lat: number; lon: number }) => void;
  /** Where to fly (a found parcel, the GPS position). */
  focus: { lat: number; lon: number } | null;
}

type LayerKey = 'parcels' | 'zoning' | 'communes';
type MeasureMode = 'off' | 'distance' | 'area';
type LonLat = [number, number];

/** The measured shape as GeoJSON: the points, the line through them, the plot once it has three corners. */
function measureShape(mode: MeasureMode, points: LonLat[]) {
  const features: object[] = points.map((p) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: p } }));
  if (points.length >= 2) features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: mode === 'area' && points.length >= 3 ? [...points, points[0]] : points } });
  if (mode === 'area' && points.length >= 3) features.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[...points, points[0]]] } });
  return { type: 'FeatureCollection', features } as never;
}

const numberIn = (language: string) => (n: number, digits: number) =>
  new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
const LAYER_IDS: Record<LayerKey, string[]> = { parcels: ['parcels-line', 'parcel-selected'], zoning: ['zoning'], communes: ['communes-line'] };

export function LandMap({ center, zoom, legend, selectedId, onPick, focus }: LandMapProps) {
  const { t, i18n } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const [mode, setMode] = useState<MeasureMode>('off');
  const [points, setPoints] = useState<LonLat[]>([]);
  const measuring = useRef<MeasureMode>('off');
  measuring.current = mode;
  const map = useRef<MlMap | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  const [visible, setVisible] = useState<Record<LayerKey, boolean>>({ parcels: true, zoning: true, communes: true });

  useEffect(() => {
    let cancelled = false;
    void import('maplibre-gl').then((ml) => {
      if (cancelled || !box.current) return;
      ml.setWorkerUrl(workerUrl);
      const colours = legend.flatMap((l) => [l.code, l.colour]);
      const m = new ml.Map({
        container: box.current,
        center,
        zoom,
        attributionControl: false,
        style: {
          version: 8,
          sources: {
            cds: { type: 'vector', tiles: [`${location.origin}/api/tiles/{z}/{x}/{y}.mvt`], minzoom: 5, maxzoom: 16 },
            land: { type: 'vector', tiles: [`${location.origin}/api/land/tiles/{z}/{x}/{y}.mvt`], minzoom: 12, maxzoom: 18 },
            measure: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
          },
          layers: [
            // the same base map as every other map: boundaries, province, border, roads, rivers
            ...baseLayers('cds'),
            {
              id: 'zoning', type: 'fill', source: 'land', 'source-layer': 'zoning',
              paint: { 'fill-color': (colours.length ? ['match', ['get', 'use'], ...colours, '#d7ccc8'] : '#d7ccc8') as never, 'fill-opacity': 0.5 },
            },
            { id: 'parcels-line', type: 'line', source: 'land', 'source-layer': 'parcels', minzoom: 15, paint: { 'line-color': '#5d4037', 'line-width': 1 } },
            { id: 'parcel-selected', type: 'line', source: 'land', 'source-layer': 'parcels', filter: ['==', ['get', 'id'], ''], paint: { 'line-color': '#c8102e', 'line-width': 3 } },
            { id: 'measure-fill', type: 'fill', source: 'measure', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#1565c0', 'fill-opacity': 0.2 } },
            { id: 'measure-line', type: 'line', source: 'measure', filter: ['==', ['geometry-type'], 'LineString'], paint: { 'line-color': '#1565c0', 'line-width': 3, 'line-dasharray': [2, 1] } },
            { id: 'measure-points', type: 'circle', source: 'measure', filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 6, 'circle-color': '#fff', 'circle-stroke-color': '#1565c0', 'circle-stroke-width': 3 } },
          ],
        },
      });
      m.addControl(new ml.NavigationControl({ showCompass: false }));
      m.on('click', (e) => {
        if (measuring.current !== 'off') setPoints((ps) => [...ps, [e.lngLat.lng, e.lngLat.lat]]);
        else pick.current({ lat: Math.round(e.lngLat.lat * 1e7) / 1e7, lon: Math.round(e.lngLat.lng * 1e7) / 1e7 });
      });
      showMapLabels(m, ml.Marker, 'cds');
      map.current = m;
    });
    return () => {
      cancelled = true;
      map.current?.remove();
      map.current = null;
    };
    // the map is built once; later changes reach it through effects below
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m?.getLayer('parcel-selected')) return;
    m.setFilter('parcel-selected', ['==', ['get', 'id'], selectedId ?? '']);
  }, [selectedId]);

  useEffect(() => {
    if (focus) map.current?.easeTo({ center: [focus.lon, focus.lat], zoom: Math.max(map.current.getZoom(), 17) });
  }, [focus]);

  useEffect(() => {
    (map.current?.getSource('measure') as GeoJSONSource | undefined)?.setData(measureShape(mode, points));
  }, [mode, points]);

  const startMeasure = (next: MeasureMode) => {
    setMode(next);
    setPoints([]);
  };
  const addCentre = () => {
    const c = map.current?.getCenter() ?? { lat: center[1], lng: center[0] };
    setPoints((ps) => [...ps, [c.lng, c.lat]]);
  };
  const measured = mode === 'distance' ? lineLengthM(points) : mode === 'area' ? polygonAreaM2(points) : 0;
  const format = numberIn(i18n.language);
  const readout = mode === 'off' ? null : measureReadout(mode, measured, format);

  const toggle = (key: LayerKey) => {
    const next = { ...visible, [key]: !visible[key] };
    setVisible(next);
    for (const id of LAYER_IDS[key]) if (map.current?.getLayer(id)) map.current.setLayoutProperty(id, 'visibility', next[key] ? 'visible' : 'none');
  };

  const pickCentre = () => {
    const c = map.current?.getCenter() ?? { lat: center[1], lng: center[0] };
    onPick({ lat: Math.round(c.lat * 1e7) / 1e7, lon: Math.round(c.lng * 1e7) / 1e7 });
  };

  return (
    <div className="stack--tight">
      <div ref={box} className="land-map" role="region" aria-label={t('land.map.label')} data-testid="land-map" />
      <fieldset className="land-layers">
        <legend>{t('land.map.layers')}</legend>
        {(['parcels', 'zoning', 'communes'] as const).map((k) => (
          <label key={k} className="land-layers__item">
            <input type="checkbox" checked={visible[k]} onChange={() => toggle(k)} /> {t(`land.map.layer.${k}`)}
          </label>
        ))}
      </fieldset>
      {/* keyboard and screen-reader users cannot tap the map: move it with the arrow keys, then look up its centre */}
      {mode === 'off' && <button type="button" className="btn btn--ghost" onClick={pickCentre}>{t('land.map.pickCentre')}</button>}
      <section className="land-measure" aria-label={t('land.measure.title')}>
        <div className="land-measure__tools">
          {mode === 'off' ? (
            <>
              <Button variant="secondary" onClick={() => startMeasure('distance')}>{t('land.measure.distance')}</Button>
              <Button variant="secondary" onClick={() => startMeasure('area')}>{t('land.measure.area')}</Button>
            </>
          ) : (
            <>
              <Button variant="secondary" icon="plus" onClick={addCentre}>{t('land.measure.addCentre')}</Button>
              <Button variant="ghost" disabled={points.length === 0} onClick={() => setPoints((ps) => ps.slice(0, -1))}>{t('land.measure.undo')}</Button>
              <Button variant="ghost" icon="close" onClick={() => startMeasure('off')}>{t('land.measure.stop')}</Button>
            </>
          )}
        </div>
        {mode !== 'off' && readout && (
          <div role="status" aria-live="polite">
            <p className="muted">{t(mode === 'distance' ? 'land.measure.hintDistance' : 'land.measure.hintArea')} {t('land.measure.points', { count: points.length })}</p>
            <p className="land-measure__readout" data-testid="measure-readout">
              <small>{t(mode === 'distance' ? 'land.measure.distanceResult' : 'land.measure.areaResult')}</small>
              {readout.value} {readout.unit}
            </p>
            {mode === 'area' && readout.unit === 'm²' && measured > 0 && <p className="muted">= {format(measured / 10_000, 4)} ha</p>}
            <p className="muted">{t('land.measure.note')}</p>
          </div>
        )}
      </section>
    </div>
  );
}
