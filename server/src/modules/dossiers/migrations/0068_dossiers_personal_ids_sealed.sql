-- Personal ID numbers in application forms are sealed at rest (AES-GCM, in the app). Rows
-- written before that are sealed by a sweep at start-up; this flag lets the sweep find only
-- them, through a partial index that is empty once it has run.
-- migrate:up
ALTER TABLE dossiers ADD COLUMN personal_ids_sealed boolean NOT NULL DEFAULT false;
CREATE INDEX dossiers_personal_ids_unsealed ON dossiers (created_at) WHERE NOT personal_ids_sealed;

-- migrate:down
DROP INDEX dossiers_personal_ids_unsealed;
ALTER TABLE dossiers DROP COLUMN personal_ids_sealed;
