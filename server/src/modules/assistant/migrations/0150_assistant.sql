-- The virtual assistant (trợ lý ảo): conversations (slots remembered for a while), every
-- question asked with what the assistant made of it and the asker's rating, and the answers
-- staff add for questions it could not answer.
-- migrate:up
CREATE TABLE assistant_conversations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the signed-in person who started it; a signed-out conversation stays signed out
  user_id uuid,
  -- what the assistant remembers: the procedure talked about, slots of an open form
  state jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX assistant_conversations_expiry ON assistant_conversations (expires_at);

CREATE TABLE assistant_faqs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  question text NOT NULL,
  phrasings text[] NOT NULL DEFAULT '{}',
  answer text NOT NULL,
  link_title text,
  link_href text,
  created_by uuid NOT NULL,
  updated_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);

CREATE TABLE assistant_turns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- kept after the conversation expires, for the staff's lists
  conversation_id uuid REFERENCES assistant_conversations (id) ON DELETE SET NULL,
  -- as typed, with long numbers (phones, codes) masked
  question text NOT NULL,
  -- folded words: questions asked the same way group together
  question_key text NOT NULL,
  intent text NOT NULL,
  answered boolean NOT NULL,
  score real NOT NULL DEFAULT 0,
  -- true helpful, false not, null not rated
  helpful boolean,
  -- a staff answer added for this question
  resolved_by uuid REFERENCES assistant_faqs (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assistant_turns_unanswered ON assistant_turns (created_at) WHERE NOT answered AND resolved_by IS NULL;
CREATE INDEX assistant_turns_unhelpful ON assistant_turns (created_at) WHERE helpful = false AND resolved_by IS NULL;

-- migrate:down
DROP TABLE assistant_turns;
DROP TABLE assistant_faqs;
DROP TABLE assistant_conversations;
