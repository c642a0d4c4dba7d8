-- Land information (thông tin đất đai): cadastral parcels (thửa đất) and zoning plans
-- (quy hoạch). Geometries are kept in WGS 84 for maps and lookups, and as the source file
-- gave them (VN-2000 TM-3, with its SRID) so a later correction can start from the source.
-- No owner names or certificate numbers are stored: the public sheet cannot leak them.
-- migrate:up

-- Debian's PostGIS lacks the VN-2000 TM-3 zones of the province packs (EPSG 9205-9218).
INSERT INTO spatial_ref_sys (srid, auth_name, auth_srid, srtext, proj4text)
SELECT v.srid, 'EPSG', v.srid, v.srtext, v.proj4text FROM (VALUES
  (9210, 'PROJCS["VN-2000 / Cao Bang TM-3",GEOGCS["VN-2000",DATUM["Vietnam_2000",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",105.75],PARAMETER["scale_factor",0.9999],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1]]',
   '+proj=tmerc +lat_0=0 +lon_0=105.75 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278 +units=m +no_defs'),
  (9215, 'PROJCS["VN-2000 / Lang Son TM-3",GEOGCS["VN-2000",DATUM["Vietnam_2000",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",107.25],PARAMETER["scale_factor",0.9999],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1]]',
   '+proj=tmerc +lat_0=0 +lon_0=107.25 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278 +units=m +no_defs'),
  (5897, 'PROJCS["VN-2000 / TM-3 105-00",GEOGCS["VN-2000",DATUM["Vietnam_2000",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",105],PARAMETER["scale_factor",0.9999],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1]]',
   '+proj=tmerc +lat_0=0 +lon_0=105 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278 +units=m +no_defs'),
  (5899, 'PROJCS["VN-2000 / TM-3 107-45",GEOGCS["VN-2000",DATUM["Vietnam_2000",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",107.75],PARAMETER["scale_factor",0.9999],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1]]',
   '+proj=tmerc +lat_0=0 +lon_0=107.75 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278 +units=m +no_defs')
) AS v (srid, srtext, proj4text)
WHERE NOT EXISTS (SELECT 1 FROM spatial_ref_sys s WHERE s.srid = v.srid);

CREATE TABLE land_parcels (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- today's commune (2025 code)
  commune_code text NOT NULL REFERENCES communes (code),
  -- the former commune the map sheet was drawn for; sheet numbers restart in each
  former_commune_code text CHECK (former_commune_code ~ '^[0-9]{5}$'),
  key_commune text GENERATED ALWAYS AS (COALESCE(former_commune_code, commune_code)) STORED,
  sheet integer NOT NULL CHECK (sheet BETWEEN 1 AND 9999),       -- số tờ bản đồ
  parcel integer NOT NULL CHECK (parcel BETWEEN 1 AND 99999),    -- số thửa
  area_m2 double precision NOT NULL CHECK (area_m2 > 0),
  address text,
  -- [{ "code": "ONT", "legacyCode": null, "areaM2": 120 }, …], Circular 08/2024 codes
  land_uses jsonb NOT NULL DEFAULT '[]',
  geom geometry(MultiPolygon, 4326) NOT NULL,
  source_geom geometry NOT NULL,
  source_srid integer NOT NULL,
  -- demo parcels generated at seed, not real ones
  synthetic boolean NOT NULL DEFAULT false,
  source text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (key_commune, sheet, parcel)
);
CREATE INDEX land_parcels_geom ON land_parcels USING gist (geom);
CREATE INDEX land_parcels_commune_key ON land_parcels (commune_code, sheet, parcel);

CREATE TABLE land_zoning_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  -- số quyết định phê duyệt and its date
  decision_number text NOT NULL UNIQUE,
  decision_date date NOT NULL,
  synthetic boolean NOT NULL DEFAULT false,
  source text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE land_zoning_zones (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES land_zoning_plans (id) ON DELETE CASCADE,
  zone_code text NOT NULL,
  land_use_code text NOT NULL,
  -- mật độ xây dựng (%) and tầng cao tối đa
  building_density_pct double precision CHECK (building_density_pct BETWEEN 0 AND 100),
  max_floors integer CHECK (max_floors BETWEEN 0 AND 200),
  geom geometry(MultiPolygon, 4326) NOT NULL,
  source_geom geometry NOT NULL,
  source_srid integer NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (plan_id, zone_code)
);
CREATE INDEX land_zoning_zones_geom ON land_zoning_zones USING gist (geom);

-- migrate:down
DROP TABLE land_zoning_zones;
DROP TABLE land_zoning_plans;
DROP TABLE land_parcels;
DELETE FROM spatial_ref_sys WHERE srid IN (9210, 9215, 5897, 5899) AND proj4text LIKE '%+towgs84=-191.90441429,%' AND srtext LIKE 'PROJCS["VN-2000 /%';
