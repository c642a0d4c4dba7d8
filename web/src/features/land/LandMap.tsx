// The land map: commune boundaries (the platform's base tiles), zoning plan zones coloured
// by planned use, and parcels from zoom 15 (the land module's tiles); a layer switcher.
// No outside tile provider. Tapping asks for the parcel under the finger.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Map as MlMap } from 'maplibre-gl';
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
const LAYER_IDS: Record<LayerKey, string[]> = { parcels: ['parcels-line', 'parcel-selected'], zoning: ['zoning'], communes: ['communes-line'] };

export function LandMap({ center, zoom, legend, selectedId, onPick, focus }: LandMapProps) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
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
          ],
        },
      });
      m.addControl(new ml.NavigationControl({ showCompass: false }));
      m.on('click', (e) => pick.current({ lat: Math.round(e.lngLat.lat * 1e7) / 1e7, lon: Math.round(e.lngLat.lng * 1e7) / 1e7 }));
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
      <button type="button" className="btn btn--ghost" onClick={pickCentre}>{t('land.map.pickCentre')}</button>
    </div>
  );
}
