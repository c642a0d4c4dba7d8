-- Finding a parcel by address or place name (diacritics optional), and the publish step of
-- zoning plans: a plan is a draft (bản dự thảo) until a second land officer publishes it
-- with the approving decision; citizens see only published plans.
-- migrate:up

-- The parcel's address and the names of its commune and former commune, folded (no
-- diacritics, lower case, single spaces, a space at both ends so words match at their start).
-- Written by the application (the folding rule lives in packages/contracts); rows from
-- before this migration get their address and today's commune name folded here.
ALTER TABLE land_parcels ADD COLUMN search_text text NOT NULL DEFAULT '';
UPDATE land_parcels p SET search_text = ' ' || trim(regexp_replace(lower(translate(
    COALESCE(p.address, '') || ' ' || COALESCE(c.name, ''),
    'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ',
    'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyydAAAAAAAAAAAAAAAAAEEEEEEEEEEEIIIIIOOOOOOOOOOOOOOOOOUUUUUUUUUUUYYYYYD')),
    '[^a-z0-9]+', ' ', 'g')) || ' '
  FROM communes c WHERE c.code = p.commune_code;
-- every word of a search is a LIKE '% word%' on this column: trigrams answer it without a scan
CREATE INDEX land_parcels_search ON land_parcels USING gin (search_text gin_trgm_ops);

-- Existing plans were shown to everyone already: they count as published.
ALTER TABLE land_zoning_plans ADD COLUMN status text NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'published'));
ALTER TABLE land_zoning_plans ALTER COLUMN status SET DEFAULT 'draft';
-- who imported the latest version (null: the command-line import) and who published it;
-- no foreign key, so the audit trail stays readable if an account is removed
ALTER TABLE land_zoning_plans ADD COLUMN imported_by uuid;
ALTER TABLE land_zoning_plans ADD COLUMN published_by uuid;
ALTER TABLE land_zoning_plans ADD COLUMN published_at timestamptz;
CREATE INDEX land_zoning_plans_status ON land_zoning_plans (status);

-- migrate:down
DROP INDEX land_zoning_plans_status;
ALTER TABLE land_zoning_plans DROP COLUMN published_at;
ALTER TABLE land_zoning_plans DROP COLUMN published_by;
ALTER TABLE land_zoning_plans DROP COLUMN imported_by;
ALTER TABLE land_zoning_plans DROP COLUMN status;
DROP INDEX land_parcels_search;
ALTER TABLE land_parcels DROP COLUMN search_text;
