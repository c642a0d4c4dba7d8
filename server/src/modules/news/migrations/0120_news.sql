-- Official news and announcements (tin tức, thông báo) written by agencies' editors,
-- reviewed by a second editor, targeted at a province or some of its communes.
-- migrate:up
CREATE TABLE news_files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- content address in the platform's file store (SHA-256)
  file_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('image', 'pdf')),
  name text NOT NULL,
  size integer NOT NULL,
  agency_id uuid NOT NULL,
  uploaded_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE news_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('news', 'announcement')),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'scheduled', 'published', 'withdrawn')),
  -- { "vi": { title, summary, body }, "en": { … } }
  texts jsonb NOT NULL,
  topics text[] NOT NULL,
  province_code text NOT NULL,
  -- empty = the whole province
  target_communes text[] NOT NULL DEFAULT '{}',
  cover_file_id uuid REFERENCES news_files (id),
  attachment_ids uuid[] NOT NULL DEFAULT '{}',
  publish_at timestamptz,
  published_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  major_update_at timestamptz,
  created_by uuid NOT NULL,
  updated_by uuid NOT NULL,
  submitted_by uuid,
  approved_by uuid,
  review_note text,
  withdrawn_at timestamptz,
  withdrawn_reason text,
  -- demo items, so seeding twice adds nothing
  seed_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (cardinality(topics) BETWEEN 1 AND 4)
);
CREATE INDEX news_items_public ON news_items (province_code, published_at DESC) WHERE status IN ('scheduled', 'published');
CREATE INDEX news_items_targets ON news_items USING gin (target_communes);
CREATE INDEX news_items_agency ON news_items (agency_id, updated_at DESC);

-- Revision history: every save keeps the texts as they were; workflow steps too.
CREATE TABLE news_revisions (
  id bigserial PRIMARY KEY,
  news_id uuid NOT NULL REFERENCES news_items (id) ON DELETE CASCADE,
  version integer NOT NULL,
  change text NOT NULL CHECK (change IN ('created', 'edited', 'submitted', 'returned', 'approved', 'published', 'major_update', 'minor_correction', 'withdrawn')),
  note text,
  texts jsonb,
  editor_id uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX news_revisions_item ON news_revisions (news_id, id);

CREATE TABLE news_topic_follows (
  user_id uuid NOT NULL,
  topic text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, topic)
);
CREATE INDEX news_topic_follows_topic ON news_topic_follows (topic);

-- migrate:down
DROP TABLE news_topic_follows;
DROP TABLE news_revisions;
DROP TABLE news_items;
DROP TABLE news_files;
