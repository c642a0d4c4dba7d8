-- A deleted account's submitted dossiers stay (administrative records the law keeps) but
-- are unlinked from the account: the applicant's name and phone on the dossier remain as
-- the record of who applied.
-- migrate:up
ALTER TABLE dossiers ALTER COLUMN applicant_user_id DROP NOT NULL;

-- migrate:down
-- Unlinked dossiers are records the law keeps, so going back never deletes them: the
-- column stays nullable, which the older code reads without harm.
SELECT 1;
