-- Citizen reports (phản ánh kiến nghị): categories from the province pack, the reports,
-- their photos, timeline, supporters (+1), followers and staff response templates.
-- migrate:up
CREATE TABLE report_categories (
  code text PRIMARY KEY CHECK (code ~ '^[a-z0-9_.-]{2,40}$'),
  parent_code text REFERENCES report_categories (code) ON DELETE CASCADE,
  name text NOT NULL,
  name_en text,
  description text NOT NULL DEFAULT '',
  icon text NOT NULL DEFAULT 'help',
  -- 'commune' = the People's Committee of the commune where the point lies, or an agency code
  routing text NOT NULL DEFAULT 'commune',
  deadline_days integer NOT NULL DEFAULT 10 CHECK (deadline_days BETWEEN 1 AND 90),
  -- extra questions: [{code, label, datatype, required, values?}]
  questions jsonb NOT NULL DEFAULT '[]'::jsonb,
  keywords text NOT NULL DEFAULT '',
  sort integer NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_categories_parent ON report_categories (parent_code, sort);

CREATE TABLE reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- mã theo dõi, shown to the citizen and used as the Open311 service_request_id
  tracking_code text NOT NULL UNIQUE,
  category_code text NOT NULL REFERENCES report_categories (code),
  description text NOT NULL,
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'accepted', 'rejected', 'assigned',
    'in_progress', 'need_info', 'resolved', 'closed')),
  -- the status to return to when the citizen answers a request for information
  resume_status text,
  lat double precision NOT NULL,
  lon double precision NOT NULL,
  geom geometry(Point, 4326) NOT NULL,
  address text,
  commune_code text NOT NULL,
  province_code text NOT NULL,
  agency_id uuid NOT NULL,
  assignee_id uuid,
  reporter_id uuid,
  -- contact given without an account (Open311), shown to staff only
  contact jsonb NOT NULL DEFAULT '{}'::jsonb,
  anonymous boolean NOT NULL DEFAULT false,
  answers jsonb NOT NULL DEFAULT '{}'::jsonb,
  source text NOT NULL DEFAULT 'app' CHECK (source IN ('app', 'open311', 'staff')),
  client_id text,
  supporters integer NOT NULL DEFAULT 0,
  deadline_days integer NOT NULL,
  due_date date NOT NULL,
  pauses jsonb NOT NULL DEFAULT '[]'::jsonb,
  public_answer text,
  reject_reason text,
  resolved_at timestamptz,
  closed_at timestamptz,
  rating smallint CHECK (rating BETWEEN 1 AND 5),
  rating_comment text,
  merged_into uuid REFERENCES reports (id),
  hidden boolean NOT NULL DEFAULT false,
  warned_at timestamptz,
  escalated_at timestamptz,
  received_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX reports_client_id ON reports (reporter_id, client_id) WHERE client_id IS NOT NULL;
CREATE INDEX reports_geom ON reports USING gist (geom);
CREATE INDEX reports_agency ON reports (agency_id, status, due_date);
CREATE INDEX reports_reporter ON reports (reporter_id, received_at DESC);
CREATE INDEX reports_public ON reports (received_at DESC) WHERE NOT hidden AND merged_into IS NULL;
CREATE INDEX reports_category ON reports (category_code, status);
CREATE INDEX reports_commune ON reports (commune_code, received_at DESC);
CREATE INDEX reports_updated ON reports (updated_at DESC);

CREATE TABLE report_photos (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  report_id uuid NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  file_id text NOT NULL,
  thumb_id text NOT NULL,
  -- 'citizen' with the report, 'answer' with the resolution
  kind text NOT NULL DEFAULT 'citizen' CHECK (kind IN ('citizen', 'answer')),
  width integer NOT NULL,
  height integer NOT NULL,
  -- citizen photos are public only once a moderator approves them
  moderation text NOT NULL DEFAULT 'pending' CHECK (moderation IN ('pending', 'approved', 'hidden')),
  position smallint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_photos_report ON report_photos (report_id, position);

-- Timeline (lịch sử xử lý): every status change, reply and note.
CREATE TABLE report_events (
  id bigserial PRIMARY KEY,
  report_id uuid NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  kind text NOT NULL,
  from_status text,
  to_status text,
  -- internal notes are never shown to the citizen or the public
  public boolean NOT NULL DEFAULT true,
  body text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX report_events_report ON report_events (report_id, id);
CREATE INDEX report_events_at ON report_events (at DESC, id DESC) WHERE public;

CREATE TABLE report_supporters (
  report_id uuid NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (report_id, user_id)
);

CREATE TABLE report_followers (
  report_id uuid NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (report_id, user_id)
);
CREATE INDEX report_followers_user ON report_followers (user_id);

-- Mẫu trả lời: staff pick one when answering a report of the category.
CREATE TABLE report_templates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  category_code text REFERENCES report_categories (code) ON DELETE CASCADE,
  title text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- migrate:down
DROP TABLE report_templates;
DROP TABLE report_followers;
DROP TABLE report_supporters;
DROP TABLE report_events;
DROP TABLE report_photos;
DROP TABLE reports;
DROP TABLE report_categories;
