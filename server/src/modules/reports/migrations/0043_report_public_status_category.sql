-- The public list filtered by status and category (issue 10): on reports_public_status the
-- category could only be checked on each row, visiting every report of that status (newest
-- first) until a page of the category was found. With the category carried in the index,
-- the page's ids come from an index-only scan (repo.ts publicPage) and only the page's rows
-- are read. It replaces reports_public_status, whose key it keeps.
-- migrate:up
CREATE INDEX reports_public_status_category ON reports (status, received_at DESC, id DESC) INCLUDE (category_code) WHERE NOT hidden AND merged_into IS NULL;
DROP INDEX reports_public_status;

-- migrate:down
CREATE INDEX reports_public_status ON reports (status, received_at DESC, id DESC) WHERE NOT hidden AND merged_into IS NULL;
DROP INDEX reports_public_status_category;
