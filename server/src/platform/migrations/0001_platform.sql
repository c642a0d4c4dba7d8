-- Platform tables: extensions, domain-event outbox, append-only audit log.
-- migrate:up
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Domain events, written in the same transaction as the change they describe.
CREATE TABLE outbox_events (
  id bigserial PRIMARY KEY,
  type text NOT NULL,
  aggregate_id text,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  -- a dispatcher claims a batch until this time, so handlers run outside any transaction
  claimed_until timestamptz,
  last_error text,
  failed_at timestamptz
);
CREATE INDEX outbox_events_pending ON outbox_events (id) WHERE delivered_at IS NULL AND failed_at IS NULL;

-- Who did what to whom. Rows are never changed or removed (enforced by trigger).
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid,
  action text NOT NULL,
  subject_type text,
  subject_id text,
  ip text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_subject ON audit_log (subject_type, subject_id, at DESC);
CREATE INDEX audit_log_actor ON audit_log (actor_user_id, at DESC);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

-- migrate:down
DROP TRIGGER audit_log_no_change ON audit_log;
DROP FUNCTION audit_log_is_append_only();
DROP TABLE audit_log;
DROP TABLE outbox_events;
