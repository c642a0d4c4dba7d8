-- The fingerprint of the request that first used a report's client id (Idempotency-Key),
-- so the same key with a different report is refused (422) instead of returning the first.
-- migrate:up
ALTER TABLE reports ADD COLUMN client_hash text;

-- migrate:down
ALTER TABLE reports DROP COLUMN client_hash;
