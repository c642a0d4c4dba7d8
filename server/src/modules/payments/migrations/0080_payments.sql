-- migrate:up
-- Payments (thanh toán): one row per payment of an exact amount the server computed, in
-- whole VND (BIGINT). The code (mã thanh toán) is the VNPay TxnRef and the VietQR purpose.
CREATE SEQUENCE payment_code_seq;

CREATE TABLE payments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  purpose text NOT NULL CHECK (purpose IN ('dossier_fee', 'bill')),
  reference text NOT NULL,
  description text NOT NULL,
  payer_user_id uuid NOT NULL,
  agency_id uuid,
  commune_code text,
  amount_vnd bigint NOT NULL CHECK (amount_vnd > 0),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed', 'expired', 'refunded')),
  channel text CHECK (channel IN ('vnpay', 'vietqr')),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  -- the moment VNPay's order was created (vnp_CreateDate): querydr and refund name it
  gateway_created_at timestamptz,
  paid_at timestamptz,
  provider_transaction_no text,
  provider_bank_code text,
  -- money that came for a payment no longer open (late, duplicate): refunded, never kept
  late_amount_vnd bigint,
  refunded_at timestamptz,
  refund_reason text,
  refunded_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- one open payment per thing to pay: a double tap or a second tab gets the same one
CREATE UNIQUE INDEX payments_one_open ON payments (purpose, reference) WHERE status IN ('pending', 'failed');
-- and never two successful ones
CREATE UNIQUE INDEX payments_one_paid ON payments (purpose, reference) WHERE status = 'succeeded';
CREATE INDEX payments_payer ON payments (payer_user_id, created_at DESC);
CREATE INDEX payments_paid_day ON payments (paid_at) WHERE paid_at IS NOT NULL;
CREATE INDEX payments_stale ON payments (expires_at) WHERE status IN ('pending', 'failed');

-- Every callback as it arrived (VNPay IPN and return, bank notifications), kept whatever
-- its outcome: the evidence when a citizen or the bank disputes a payment.
CREATE TABLE payment_callbacks (
  id bigserial PRIMARY KEY,
  payment_id uuid REFERENCES payments (id),
  source text NOT NULL CHECK (source IN ('vnpay_ipn', 'vnpay_return', 'vnpay_querydr', 'vnpay_refund', 'bank')),
  -- the provider's own id of the notification (bank transaction id), for deduplication
  provider_ref text,
  raw jsonb NOT NULL,
  outcome text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_callbacks_payment ON payment_callbacks (payment_id);
CREATE INDEX payment_callbacks_provider_ref ON payment_callbacks (source, provider_ref) WHERE provider_ref IS NOT NULL;

-- The demo gateway's own ledger (demo mode only): what the local VNPay stand-in charged,
-- so querydr and refund answer like VNPay does.
CREATE TABLE payment_demo_gateway (
  txn_ref text NOT NULL,
  tmn_code text NOT NULL,
  transaction_no text PRIMARY KEY,
  amount bigint NOT NULL,
  order_info text NOT NULL,
  response_code text NOT NULL,
  transaction_status text NOT NULL,
  bank_code text NOT NULL,
  pay_date text NOT NULL,
  refunded_amount bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_demo_gateway_ref ON payment_demo_gateway (tmn_code, txn_ref);

-- migrate:down
DROP TABLE payment_demo_gateway;
DROP TABLE payment_callbacks;
DROP TABLE payments;
DROP SEQUENCE payment_code_seq;
