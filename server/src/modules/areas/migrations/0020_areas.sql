-- Administrative units (đơn vị hành chính, two tiers since 1 July 2025), commune
-- boundaries and agencies (cơ quan). Units are loaded at seed time from the module's
-- copy of the official list; boundaries come from an import or, in demo mode, from a
-- clearly labelled synthetic tiling.
-- migrate:up
CREATE TABLE provinces (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{2}$'),
  name text NOT NULL
);

CREATE TABLE communes (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{5}$'),
  name text NOT NULL,
  type text NOT NULL CHECK (type IN ('commune', 'ward', 'special')),
  province_code text NOT NULL REFERENCES provinces (code)
);
CREATE INDEX communes_province ON communes (province_code);

CREATE TABLE commune_boundaries (
  commune_code text PRIMARY KEY REFERENCES communes (code) ON DELETE CASCADE,
  geom geometry(MultiPolygon, 4326) NOT NULL,
  -- true for demo polygons that only tile the province's bounding box
  synthetic boolean NOT NULL DEFAULT false,
  source text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX commune_boundaries_geom ON commune_boundaries USING gist (geom);

CREATE TABLE agencies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  short_name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('province_committee', 'department', 'police', 'inspectorate',
    'office', 'service_center', 'commune_committee', 'other')),
  parent_id uuid REFERENCES agencies (id),
  -- province (2 digits) or commune (5 digits) the agency serves
  area_code text NOT NULL CHECK (area_code ~ '^([0-9]{2}|[0-9]{5})$'),
  address text,
  phone text,
  email text,
  -- mã định danh điện tử of the agency; prefixes dossier codes
  electronic_id text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agencies_area ON agencies (area_code);
CREATE INDEX agencies_kind ON agencies (kind);

-- migrate:down
DROP TABLE agencies;
DROP TABLE commune_boundaries;
DROP TABLE communes;
DROP TABLE provinces;
