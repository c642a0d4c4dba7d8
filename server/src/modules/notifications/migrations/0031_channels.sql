-- Channels that reach a phone: Web Push subscriptions (RFC 8030), the server's VAPID key
-- pair (RFC 8292) when configuration gives none (demo mode), and each person's choices.
-- migrate:up
CREATE TABLE push_subscriptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- null for a device that subscribed without signing in
  user_id uuid,
  endpoint text NOT NULL UNIQUE,
  p256dh text NOT NULL,
  auth text NOT NULL,
  -- communes an anonymous device asked alerts for (a signed-in person's come from their account)
  communes text[] NOT NULL DEFAULT '{}',
  accept_tests boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_success_at timestamptz,
  failures integer NOT NULL DEFAULT 0
);
CREATE INDEX push_subscriptions_user ON push_subscriptions (user_id) WHERE user_id IS NOT NULL;
CREATE INDEX push_subscriptions_communes ON push_subscriptions USING gin (communes);

CREATE TABLE push_vapid_keys (
  id smallint PRIMARY KEY CHECK (id = 1),
  public_key text NOT NULL,
  private_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE notification_preferences (
  user_id uuid PRIMARY KEY,
  sms boolean NOT NULL DEFAULT false,
  accept_tests boolean NOT NULL DEFAULT false,
  quiet_from time,
  quiet_to time,
  communes text[] NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((quiet_from IS NULL) = (quiet_to IS NULL))
);
CREATE INDEX notification_preferences_communes ON notification_preferences USING gin (communes);

-- migrate:down
DROP TABLE notification_preferences;
DROP TABLE push_vapid_keys;
DROP TABLE push_subscriptions;
