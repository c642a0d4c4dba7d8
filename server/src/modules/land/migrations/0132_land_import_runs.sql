-- Import runs (lần nhập): a land officer's upload as the server reads it, so the import page
-- can show the counts while the request is still open, from any API process
-- (WEB_CONCURRENCY), and find the run again after the page was reloaded. The counts are
-- written after every batch of features, the report once at the end.
-- migrate:up
CREATE TABLE land_import_runs (
  -- chosen by the officer's browser, which follows the run while its upload is still open
  id uuid PRIMARY KEY,
  -- no foreign key, like land_zoning_plans.imported_by: the trail stays readable if an account is removed
  started_by uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('parcels', 'zones')),
  file_name text NOT NULL,
  state text NOT NULL DEFAULT 'reading' CHECK (state IN ('reading', 'done', 'failed')),
  read integer NOT NULL DEFAULT 0,
  inserted integer NOT NULL DEFAULT 0,
  updated integer NOT NULL DEFAULT 0,
  rejected integer NOT NULL DEFAULT 0,
  -- the ImportReply, its rejected list cut to the first 100
  report jsonb,
  -- why a failed run stopped: a message key and its values, translated when read
  failure_code text,
  failure_params jsonb,
  started_at timestamptz NOT NULL DEFAULT now(),
  -- the last batch written: a run reading with no batch for long died with its process
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX land_import_runs_started_by ON land_import_runs (started_by, started_at DESC);

-- migrate:down
DROP TABLE land_import_runs;
