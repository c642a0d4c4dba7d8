-- Consent (sự đồng ý) to read one's electronic health record, kept with the version of the
-- text shown; withdrawing closes the row. The record itself is never stored.
-- migrate:up
CREATE TABLE health_consents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL,
  version text NOT NULL,
  granted_at timestamptz NOT NULL DEFAULT now(),
  withdrawn_at timestamptz
);
CREATE UNIQUE INDEX health_consents_active ON health_consents (user_id) WHERE withdrawn_at IS NULL;

-- migrate:down
DROP TABLE health_consents;
