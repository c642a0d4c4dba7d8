// VN-2000 (the national datum) to WGS 84. Cadastral and planning files come in a province's
// VN-2000 TM-3 zone; we reproject once at import with proj4, keeping the source coordinates.
// The Helmert shift is PROJ's +towgs84 (position-vector signs): EPSG publishes the same
// rotations with the opposite signs (coordinate frame), and copying those moves points ~0.8 m.
import proj4 from 'proj4';
import { VN2000_ZONES, type Vn2000Srid } from '@cds/contracts/land.rules';

export const VN2000_TOWGS84 = '-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278';

export const WGS84 = 4326;

export function vn2000Proj(srid: Vn2000Srid): string {
  const lon0 = VN2000_ZONES[srid].centralMeridian;
  return `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=${VN2000_TOWGS84} +units=m +no_defs`;
}

export function isSupportedSrid(srid: number): srid is Vn2000Srid | typeof WGS84 {
  return srid === WGS84 || Object.hasOwn(VN2000_ZONES, String(srid));
}

export type Position = [number, number];

/** A function from source coordinates (easting, northing) to [lon, lat] in WGS 84. */
export function toWgs84(srid: Vn2000Srid | typeof WGS84): (p: readonly number[]) => Position {
  if (srid === WGS84) return (p) => [p[0]!, p[1]!];
  const converter = proj4(vn2000Proj(srid), 'WGS84');
  return (p) => {
    const [lon, lat] = converter.forward([p[0]!, p[1]!]);
    return [lon!, lat!];
  };
}

/** The other way, for demo data written as a VN-2000 file would be. */
export function fromWgs84(srid: Vn2000Srid): (p: readonly number[]) => Position {
  const converter = proj4(vn2000Proj(srid), 'WGS84');
  return (p) => {
    const [e, n] = converter.inverse([p[0]!, p[1]!]);
    return [e!, n!];
  };
}
