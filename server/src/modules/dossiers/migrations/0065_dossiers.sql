-- Dossiers (hồ sơ thủ tục hành chính) and the one-stop-shop (một cửa) workflow:
-- applications with attachments, the status history that forms the process-control
-- sheet (phiếu kiểm soát quá trình), pauses while the citizen supplies documents, letters
-- issued (forms 1–4 of Thông tư 01/2018/TT-VPCP), fees and the per-agency daily code counter.
-- migrate:up
CREATE TABLE dossiers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- <agency electronic id>-YYMMDD-XXXX, given on submission; null while a draft
  code text UNIQUE,
  procedure_id text NOT NULL,
  procedure_code text NOT NULL,
  procedure_name text NOT NULL,
  processing_days integer NOT NULL CHECK (processing_days >= 0),
  agency_id uuid NOT NULL,
  commune_code text NOT NULL,
  applicant_user_id uuid NOT NULL,
  applicant_name text NOT NULL,
  -- lower case without diacritics, so staff can search "nguyen van an"
  applicant_name_folded text NOT NULL DEFAULT '',
  applicant_phone text NOT NULL,
  channel text NOT NULL DEFAULT 'online' CHECK (channel IN ('online', 'counter')),
  -- 0 draft (bản nháp), then the national status codes 1–10
  status smallint NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 10),
  -- status to go back to when the citizen supplies the missing documents
  resume_status smallint,
  form_data jsonb NOT NULL DEFAULT '{}'::jsonb,
  idempotency_key text,
  steps jsonb NOT NULL DEFAULT '[]'::jsonb,
  current_step text,
  assignee_user_id uuid,
  submitted_at timestamptz,
  -- legal due date (working days, pauses excluded) and the date promised to the citizen,
  -- as YYYY-MM-DD local days (text, so both drivers return the day itself, not a Date)
  due_date text CHECK (due_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  appointment_date text CHECK (appointment_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  finished_at timestamptz,
  more_docs_requests integer NOT NULL DEFAULT 0,
  apologies integer NOT NULL DEFAULT 0,
  missing_documents jsonb NOT NULL DEFAULT '[]'::jsonb,
  result_file_id text,
  result_file_name text,
  result_mime text,
  rating smallint CHECK (rating BETWEEN 1 AND 5),
  rating_comment text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX dossiers_idempotency ON dossiers (applicant_user_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX dossiers_applicant ON dossiers (applicant_user_id, created_at DESC);
CREATE INDEX dossiers_agency_queue ON dossiers (agency_id, status, due_date);
CREATE INDEX dossiers_submitted ON dossiers (submitted_at);
CREATE INDEX dossiers_finished ON dossiers (finished_at);
CREATE INDEX dossiers_name_trgm ON dossiers USING gin (applicant_name_folded gin_trgm_ops);

CREATE TABLE dossier_attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id uuid NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
  doc_key text NOT NULL,
  file_id text NOT NULL,
  file_name text NOT NULL,
  mime text NOT NULL,
  size integer NOT NULL,
  -- 0 with the application, n for the n-th supply of missing documents
  round integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dossier_attachments_dossier ON dossier_attachments (dossier_id, created_at);

-- Every change of status or holder: the process-control sheet (form 5).
CREATE TABLE dossier_events (
  id bigserial PRIMARY KEY,
  dossier_id uuid NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
  action text NOT NULL,
  from_status smallint NOT NULL,
  to_status smallint NOT NULL,
  step text,
  actor_user_id uuid,
  actor_name text,
  agency_id uuid,
  to_agency_id uuid,
  to_user_id uuid,
  note text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dossier_events_dossier ON dossier_events (dossier_id, id);

-- Time the clock stood still waiting for the citizen (status 5).
CREATE TABLE dossier_pauses (
  id bigserial PRIMARY KEY,
  dossier_id uuid NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
  started_at timestamptz NOT NULL,
  ended_at timestamptz
);
CREATE INDEX dossier_pauses_dossier ON dossier_pauses (dossier_id);

-- Letters issued to the citizen; the PDF is rendered from this data on request.
CREATE TABLE dossier_letters (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id uuid NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('receipt', 'more_documents', 'refusal', 'apology')),
  issued_at timestamptz NOT NULL DEFAULT now(),
  issued_by uuid,
  data jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX dossier_letters_dossier ON dossier_letters (dossier_id, issued_at);

CREATE TABLE dossier_fees (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dossier_id uuid NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
  name text NOT NULL,
  amount_vnd bigint NOT NULL CHECK (amount_vnd >= 0),
  paid_at timestamptz,
  paid_by uuid,
  -- 'counter' until online payment exists
  method text
);
CREATE INDEX dossier_fees_dossier ON dossier_fees (dossier_id);

-- Per-procedure override of the default processing steps.
CREATE TABLE dossier_procedure_steps (
  procedure_id text PRIMARY KEY,
  steps jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The day's sequence at an agency: one row per (agency electronic id, day), bumped
-- with INSERT … ON CONFLICT DO UPDATE … RETURNING in the submitting transaction.
CREATE TABLE dossier_code_counters (
  agency_eid text NOT NULL,
  day date NOT NULL,
  last integer NOT NULL,
  PRIMARY KEY (agency_eid, day)
);

-- migrate:down
DROP TABLE dossier_code_counters;
DROP TABLE dossier_procedure_steps;
DROP TABLE dossier_fees;
DROP TABLE dossier_letters;
DROP TABLE dossier_pauses;
DROP TABLE dossier_events;
DROP TABLE dossier_attachments;
DROP TABLE dossiers;
