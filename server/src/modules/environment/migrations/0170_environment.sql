-- migrate:up
-- Monitoring stations (trạm quan trắc) and their readings. A station pushes with its own key;
-- only the key's SHA-256 is kept. Readings are keyed on station + time, so a reading sent
-- twice is stored once, and late or out-of-order ones simply fill their hour.
CREATE TABLE env_stations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('air', 'water_level', 'rainfall')),
  lat double precision NOT NULL,
  lon double precision NOT NULL,
  commune_code text,
  alarm1 double precision,
  alarm2 double precision,
  alarm3 double precision,
  key_hash text NOT NULL UNIQUE,
  -- the alarm level of the newest reading, so a crossing is announced once
  alarm_state smallint NOT NULL DEFAULT 0,
  alarm_state_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE env_readings (
  station_id uuid NOT NULL REFERENCES env_stations(id) ON DELETE CASCADE,
  measured_at timestamptz NOT NULL,
  pm25 double precision,
  pm10 double precision,
  o3 double precision,
  co double precision,
  so2 double precision,
  no2 double precision,
  water_level double precision,
  rainfall double precision,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (station_id, measured_at)
);

-- migrate:down
DROP TABLE env_readings;
DROP TABLE env_stations;
