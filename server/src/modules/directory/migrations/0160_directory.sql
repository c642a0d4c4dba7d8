-- Directory (danh bạ) details of the areas module's agencies: where they are, when they
-- open, how to reach them. Keyed by agency id without a foreign key: agencies belong to the
-- areas module, and modules never reach into each other's tables.
-- migrate:up
CREATE TABLE directory_entries (
  agency_id uuid PRIMARY KEY,
  address text,
  phone text,
  email text,
  website text,
  counter text,
  note text,
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  lon double precision CHECK (lon BETWEEN -180 AND 180),
  hours jsonb NOT NULL,
  -- null while the row only holds the pack's data; set once agency staff edit it, so the
  -- pack no longer overwrites it at start
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((lat IS NULL) = (lon IS NULL))
);

-- migrate:down
DROP TABLE directory_entries;
