-- migrate:up
-- Hóa đơn của tôi: the customer codes a citizen keeps with a label of their own ("Điện nhà
-- mẹ"), and whether a reminder comes before a bill's due date.
CREATE TABLE payment_saved_bills (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL,
  service text NOT NULL CHECK (service IN ('electricity', 'water', 'telecom', 'school')),
  customer_code text NOT NULL,
  label text NOT NULL CHECK (char_length(label) BETWEEN 1 AND 60),
  reminders boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, service, customer_code)
);
CREATE INDEX payment_saved_bills_remind ON payment_saved_bills (id) WHERE reminders;

-- One reminder per bill and saved code, whatever the job's retries.
CREATE TABLE payment_bill_reminders (
  saved_bill_id uuid NOT NULL REFERENCES payment_saved_bills (id) ON DELETE CASCADE,
  bill_id text NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (saved_bill_id, bill_id)
);

-- migrate:down
DROP TABLE payment_bill_reminders;
DROP TABLE payment_saved_bills;
