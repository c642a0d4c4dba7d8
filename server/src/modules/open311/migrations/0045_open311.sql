-- Open311 GeoReport v2 API keys (khóa API): clients that may file reports through the
-- standard API. Keys are stored as SHA-256 hashes.
-- migrate:up
CREATE TABLE open311_api_keys (
  key_hash text PRIMARY KEY,
  name text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- migrate:down
DROP TABLE open311_api_keys;
