-- The fingerprint of the request that first used a dossier's Idempotency-Key, so the same
-- key with a different request is refused (422) instead of returning the first dossier.
-- migrate:up
ALTER TABLE dossiers ADD COLUMN idempotency_hash text;

-- migrate:down
ALTER TABLE dossiers DROP COLUMN idempotency_hash;
