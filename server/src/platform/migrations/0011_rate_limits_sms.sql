-- Platform support: fixed-window rate-limit counters shared by every
-- API process, and the demo SMS outbox (tin nhắn thử) read at GET /api/dev/sms.
-- migrate:up
CREATE TABLE rate_limits (
  key text NOT NULL,
  window_start timestamptz NOT NULL,
  count integer NOT NULL DEFAULT 0,
  PRIMARY KEY (key, window_start)
);
CREATE INDEX rate_limits_window ON rate_limits (window_start);

CREATE TABLE sms_outbox (
  id bigserial PRIMARY KEY,
  to_phone text NOT NULL,
  body text NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sms_outbox_to ON sms_outbox (to_phone, id DESC);

-- migrate:down
DROP TABLE sms_outbox;
DROP TABLE rate_limits;
