-- Public reads at 100,000 reports (issue [3 of 10]). The public list pages by keyset on
-- (received_at, id) among public reports, newest first, and the map reads the same order:
-- this index holds it (replacing reports_public, which had received_at only).
-- migrate:up
CREATE INDEX reports_public_keyset ON reports (received_at DESC, id DESC) WHERE NOT hidden AND merged_into IS NULL;
DROP INDEX IF EXISTS reports_public;
-- the public page's filters, newest first: a status (often with a category) ...
CREATE INDEX reports_public_status ON reports (status, received_at DESC, id DESC) WHERE NOT hidden AND merged_into IS NULL;
-- ... and a category with its sub-categories (`= code OR LIKE 'code.%'`, so pattern ops)
CREATE INDEX reports_public_category ON reports (category_code text_pattern_ops, received_at DESC) WHERE NOT hidden AND merged_into IS NULL;

-- migrate:down
DROP INDEX reports_public_category;
DROP INDEX reports_public_status;
CREATE INDEX reports_public ON reports (received_at DESC) WHERE NOT hidden AND merged_into IS NULL;
DROP INDEX reports_public_keyset;
