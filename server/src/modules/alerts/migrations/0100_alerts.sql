-- Emergency alerts (cảnh báo khẩn cấp) in the CAP 1.2 model, and citizens' answers.
-- migrate:up
CREATE TABLE alerts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- CAP <identifier>, unique per sender
  identifier text NOT NULL UNIQUE,
  sender text NOT NULL,
  status text NOT NULL CHECK (status IN ('Actual', 'Exercise', 'Test')),
  msg_type text NOT NULL CHECK (msg_type IN ('Alert', 'Update', 'Cancel')),
  references_id uuid REFERENCES alerts (id),
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'sent', 'rejected')),
  -- set on an alert when an Update or Cancel of it is sent
  superseded_by uuid REFERENCES alerts (id),
  category text NOT NULL,
  event text NOT NULL,
  urgency text NOT NULL,
  severity text NOT NULL,
  certainty text NOT NULL,
  headline text NOT NULL,
  description text NOT NULL,
  instruction text,
  translations jsonb NOT NULL DEFAULT '[]',
  -- {description, communes, polygon?, circle?} as drafted
  area jsonb NOT NULL,
  -- every commune the area covers (listed, or intersecting the polygon/circle)
  area_communes text[] NOT NULL,
  effective timestamptz,
  expires timestamptz NOT NULL,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  approved_by uuid,
  sent_at timestamptz,
  rejected_reason text,
  delivery jsonb,
  fan_out_done_at timestamptz,
  CHECK ((msg_type = 'Alert') = (references_id IS NULL))
);
CREATE INDEX alerts_communes ON alerts USING gin (area_communes);
CREATE INDEX alerts_sent ON alerts (sent_at DESC) WHERE state = 'sent';

CREATE TABLE alert_answers (
  alert_id uuid NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  answer text NOT NULL CHECK (answer IN ('safe', 'need_help')),
  lat double precision,
  lon double precision,
  note text,
  answered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (alert_id, user_id)
);

-- migrate:down
DROP TABLE alert_answers;
DROP TABLE alerts;
