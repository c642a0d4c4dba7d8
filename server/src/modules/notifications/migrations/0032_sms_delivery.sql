-- Every text message sent on a notice's behalf and what the SMS gateway reported about it
-- (delivery report, DLR): sent → delivered or failed. The phone is not kept here: the request
-- id carries a hash of it, enough for the gateway to drop a repeat.
-- migrate:up
CREATE TABLE sms_messages (
  id bigserial PRIMARY KEY,
  -- the RequestId we gave the gateway; a retried fan-out reuses it
  request_id text NOT NULL UNIQUE,
  -- what the message is about (the notice's dedupe key, e.g. alert:<uuid>)
  ref text,
  -- the gateway's own message id (SMSID), once it accepted the message
  gateway_id text,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'delivered', 'failed')),
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  status_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sms_messages_ref ON sms_messages (ref, status);
CREATE INDEX sms_messages_gateway ON sms_messages (gateway_id) WHERE gateway_id IS NOT NULL;

-- migrate:down
DROP TABLE sms_messages;
