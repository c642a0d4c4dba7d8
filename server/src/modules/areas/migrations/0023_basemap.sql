-- The platform's own base map (bản đồ nền), drawn from data it serves itself: the province
-- outline and the national border from the pack, and, when a province imports an
-- OpenStreetMap extract (npm run import:basemap), roads, rivers, villages and place names.
-- `source` says where a row came from, so one import replaces only its own rows.
-- migrate:up
CREATE TABLE basemap_features (
  id bigserial PRIMARY KEY,
  layer text NOT NULL CHECK (layer IN ('province', 'border', 'road', 'water', 'place')),
  -- the finer class inside a layer: motorway…track for roads, river/stream for water,
  -- city/town/village/hamlet… for places, border_gate for the pack's crossings
  kind text NOT NULL,
  name text,
  -- OpenStreetMap element id ('w123', 'n45') when imported from an extract
  osm_id text,
  source text NOT NULL,
  geom geometry(Geometry, 4326) NOT NULL
);
CREATE INDEX basemap_features_geom ON basemap_features USING gist (geom);
CREATE INDEX basemap_features_layer ON basemap_features (layer, source);
-- migrate:down
DROP TABLE basemap_features;
