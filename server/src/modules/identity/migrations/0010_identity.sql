-- Accounts (tài khoản), sessions, one-time codes, consents (đồng ý xử lý dữ liệu cá
-- nhân), deletion requests and eID sign-in state. Personal ID numbers are stored
-- encrypted (AES-256-GCM) with a keyed hash beside them for uniqueness lookups.
-- migrate:up
CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- null for accounts created through the national eID; unique when present
  phone text UNIQUE CHECK (phone ~ '^0[0-9]{9}$'),
  password_hash text,
  full_name text NOT NULL DEFAULT '',
  date_of_birth date,
  sex text CHECK (sex IN ('male', 'female', 'other')),
  personal_id_enc text,
  personal_id_hash text UNIQUE,
  commune_code text CHECK (commune_code ~ '^[0-9]{5}$'),
  address text,
  eid_sub text UNIQUE,
  eid_level smallint,
  eid_linked_at timestamptz,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled', 'anonymised')),
  -- folded name and phone (no diacritics, lower case) for staff search
  search_text text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  anonymised_at timestamptz
);
CREATE INDEX users_commune ON users (commune_code) WHERE status = 'active';
CREATE INDEX users_created ON users (created_at);
CREATE INDEX users_search ON users USING gin (search_text gin_trgm_ops);

CREATE TABLE sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- SHA-256 of the opaque token; the token itself is never stored
  token_hash text NOT NULL UNIQUE,
  method text NOT NULL CHECK (method IN ('password', 'register', 'eid')),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  ip text,
  user_agent text
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE otp_codes (
  id bigserial PRIMARY KEY,
  phone text NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('register', 'password_reset')),
  -- keyed hash: six digits are too few to survive a plain hash
  code_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  consumed_at timestamptz
);
CREATE INDEX otp_codes_latest ON otp_codes (phone, purpose, id DESC);

CREATE TABLE consents (
  id bigserial PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose text NOT NULL,
  version text NOT NULL,
  granted_at timestamptz NOT NULL DEFAULT now(),
  -- withdrawal closes the row; history is never deleted
  withdrawn_at timestamptz
);
CREATE UNIQUE INDEX consents_active ON consents (user_id, purpose) WHERE withdrawn_at IS NULL;
CREATE INDEX consents_user ON consents (user_id, granted_at DESC);

CREATE TABLE deletion_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  requested_at timestamptz NOT NULL DEFAULT now(),
  due_at timestamptz NOT NULL,
  cancelled_at timestamptz,
  completed_at timestamptz
);
CREATE UNIQUE INDEX deletion_requests_open ON deletion_requests (user_id) WHERE cancelled_at IS NULL AND completed_at IS NULL;
CREATE INDEX deletion_requests_due ON deletion_requests (due_at) WHERE cancelled_at IS NULL AND completed_at IS NULL;

-- OpenID Connect sign-in in progress: what the callback must check (state, nonce, PKCE)
CREATE TABLE eid_login_states (
  state_hash text PRIMARY KEY,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  return_to text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);

-- migrate:down
DROP TABLE eid_login_states;
DROP TABLE deletion_requests;
DROP TABLE consents;
DROP TABLE otp_codes;
DROP TABLE sessions;
DROP TABLE users;
