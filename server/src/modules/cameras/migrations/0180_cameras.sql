-- migrate:up
-- Public cameras (camera công cộng): where they stand and where their HLS stream is.
CREATE TABLE cameras (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('traffic', 'river', 'border_gate')),
  lat double precision NOT NULL,
  lon double precision NOT NULL,
  commune_code text,
  stream_url text NOT NULL,
  snapshot_url text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- migrate:down
DROP TABLE cameras;
