-- A major update of published news waits for a second editor: its texts are kept beside the
-- published ones, which stay what citizens read until the update is approved.
-- migrate:up
ALTER TABLE news_items
  ADD COLUMN pending_texts jsonb,
  ADD COLUMN pending_by uuid,
  ADD COLUMN pending_note text,
  ADD COLUMN pending_at timestamptz;
ALTER TABLE news_revisions DROP CONSTRAINT news_revisions_change_check;
ALTER TABLE news_revisions ADD CONSTRAINT news_revisions_change_check
  CHECK (change IN ('created', 'edited', 'submitted', 'returned', 'approved', 'published', 'major_update', 'minor_correction', 'withdrawn', 'update_submitted', 'update_returned'));

-- migrate:down
ALTER TABLE news_revisions DROP CONSTRAINT news_revisions_change_check;
ALTER TABLE news_revisions ADD CONSTRAINT news_revisions_change_check
  CHECK (change IN ('created', 'edited', 'submitted', 'returned', 'approved', 'published', 'major_update', 'minor_correction', 'withdrawn'));
ALTER TABLE news_items DROP COLUMN pending_at, DROP COLUMN pending_note, DROP COLUMN pending_by, DROP COLUMN pending_texts;
