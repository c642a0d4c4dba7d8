// Drawing an alert's area on the map: a polygon (each tap adds a corner) or a circle (a tap
// sets the centre, the radius is chosen beside the map), over the platform's own base map.
// A simple click-to-add-corner tool rather than a drawing library: it needs no extra
// dependency and works the same with a mouse, a finger or the keyboard ("add the map's
// centre"), which matters more here than freehand editing.
import { useEffect, useRef } from 'react';
import type { Feature, FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MlMap } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// bundlers do not copy MapLibre's worker on their own; without it no tile is ever drawn
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { baseLayers, showMapLabels } from '../../lib/basemap.ts';

export type Lonlat = [number, number];

export interface DrawnShape {
  kind: 'polygon' | 'circle';
  /** Polygon corners as tapped (not closed). */
  corners: Lonlat[];
  /** Circle centre and radius. */
  center: Lonlat | null;
  radiusKm: number;
}

/** A circle as a ring of points for drawing (the server works on the true circle). */
export function circleRing(center: Lonlat, radiusKm: number, steps = 64): Lonlat[] {
  const [lon, lat] = center;
  const dLat = radiusKm / 111.32;
  const dLon = radiusKm / (111.32 * Math.cos((lat * Math.PI) / 180));
  const ring: Lonlat[] = [];
  for (let i = 0; i <= steps; i++) {
    const a = (i / steps) * 2 * Math.PI;
    ring.push([lon + dLon * Math.cos(a), lat + dLat * Math.sin(a)]);
  }
  return ring;
}

/** The drawn shape as GeoJSON for the map: the area and its corners. */
export function shapeFeatures(shape: DrawnShape): FeatureCollection {
  const features: Feature[] = [];
  if (shape.kind === 'polygon' && shape.corners.length > 0) {
    const ring = [...shape.corners, shape.corners[0]!];
    features.push(shape.corners.length >= 3 ? { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } } : { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: shape.corners } });
    for (const c of shape.corners) features.push({ type: 'Feature', properties: { corner: true }, geometry: { type: 'Point', coordinates: c } });
  }
  if (shape.kind === 'circle' && shape.center) {
    features.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [circleRing(shape.center, shape.radiusKm)] } });
    features.push({ type: 'Feature', properties: { corner: true }, geometry: { type: 'Point', coordinates: shape.center } });
  }
  return { type: 'FeatureCollection', features };
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

export function AreaMap({ label, shape, onTap, centreLabel }: { label: string; shape: DrawnShape; onTap: (p: Lonlat) => void; centreLabel: string }) {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<MlMap | null>(null);
  const ready = useRef(false);
  const tap = useRef(onTap);
  tap.current = onTap;
  const latest = useRef(shape);
  latest.current = shape;

  useEffect(() => {
    let cancelled = false;
    void import('maplibre-gl').then((ml) => {
      if (cancelled || !box.current) return;
      ml.setWorkerUrl(workerUrl);
      const m = new ml.Map({
        container: box.current,
        center: [106.74, 21.84],
        zoom: 9,
        attributionControl: false,
        style: {
          version: 8,
          sources: {
            cds: { type: 'vector', tiles: [`${location.origin}/api/tiles/{z}/{x}/{y}.mvt`], minzoom: 5, maxzoom: 16 },
            drawn: { type: 'geojson', data: shapeFeatures(latest.current) },
          },
          layers: [
            ...baseLayers('cds'),
            { id: 'drawn-fill', type: 'fill', source: 'drawn', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#c8102e', 'fill-opacity': 0.2 } },
            { id: 'drawn-line', type: 'line', source: 'drawn', filter: ['!=', ['geometry-type'], 'Point'], paint: { 'line-color': '#c8102e', 'line-width': 3 } },
            { id: 'drawn-corners', type: 'circle', source: 'drawn', filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 6, 'circle-color': '#fff', 'circle-stroke-color': '#c8102e', 'circle-stroke-width': 3 } },
          ],
        },
      });
      m.addControl(new ml.NavigationControl({ showCompass: false }));
      m.on('click', (e) => tap.current([round6(e.lngLat.lng), round6(e.lngLat.lat)]));
      m.on('load', () => {
        ready.current = true;
        (m.getSource('drawn') as GeoJSONSource | undefined)?.setData(shapeFeatures(latest.current));
      });
      showMapLabels(m, ml.Marker, 'cds');
      map.current = m;
    });
    return () => {
      cancelled = true;
      map.current?.remove();
      map.current = null;
      ready.current = false;
    };
    // the map is built once; the shape reaches it through the effect below
  }, []);

  useEffect(() => {
    if (ready.current) (map.current?.getSource('drawn') as GeoJSONSource | undefined)?.setData(shapeFeatures(shape));
  }, [shape]);

  const addCentre = () => {
    const c = map.current?.getCenter();
    if (c) onTap([round6(c.lng), round6(c.lat)]);
  };
  return (
    <>
      <div ref={box} className="report-map alert-area-map" role="region" aria-label={label} data-testid="alert-area-map" />
      {/* keyboard and screen-reader users cannot tap the map: move it with the arrow keys, then add its centre */}
      <button type="button" className="btn btn--ghost" onClick={addCentre}>
        {centreLabel}
      </button>
    </>
  );
}
