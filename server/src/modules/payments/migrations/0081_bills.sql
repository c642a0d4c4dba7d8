-- migrate:up
-- What a bill payment settles (service, customer code, bill ids), kept with the payment so
-- the biller can be told after the confirmation.
ALTER TABLE payments ADD COLUMN details jsonb;

-- The demo biller's own books (demo mode only): which demo bills were paid, by which payment.
CREATE TABLE payment_demo_bills (
  bill_id text PRIMARY KEY,
  payment_id uuid NOT NULL,
  paid_at timestamptz NOT NULL DEFAULT now()
);

-- migrate:down
DROP TABLE payment_demo_bills;
ALTER TABLE payments DROP COLUMN details;
