-- migrate:up
-- Complaints (khiếu nại) about an order, refunds of cancelled paid orders, and what a shop
-- tells buyers about itself (description, opening hours).

-- a cancelled order the buyer had paid by VietQR: owed → sent (seller) → confirmed (buyer)
ALTER TABLE market_orders
  ADD COLUMN refund_status text CHECK (refund_status IN ('owed', 'sent', 'confirmed')),
  ADD COLUMN refund_due_on text CHECK (refund_due_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  ADD COLUMN refund_amount_vnd bigint CHECK (refund_amount_vnd > 0),
  ADD COLUMN refund_reference text,
  ADD COLUMN refund_sent_at timestamptz,
  ADD COLUMN refund_confirmed_at timestamptz;
CREATE INDEX market_orders_refund_owed ON market_orders (refund_due_on) WHERE refund_status = 'owed';

ALTER TABLE market_shops
  ADD COLUMN description text NOT NULL DEFAULT '',
  ADD COLUMN opening_hours text NOT NULL DEFAULT '';

CREATE TABLE market_complaints (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id uuid NOT NULL REFERENCES market_orders (id),
  shop_id uuid NOT NULL REFERENCES market_shops (id),
  buyer_user_id uuid NOT NULL,
  -- the shop's commune: the area whose market officer decides
  commune_code text NOT NULL,
  reason text NOT NULL CHECK (reason IN ('not_received', 'damaged', 'wrong_item', 'not_as_described', 'refund_missing', 'other')),
  body text NOT NULL,
  -- an optional photo of what arrived (re-encoded like product photos), in the file store
  photo_file_id text,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'upheld', 'refused')),
  seller_answer text,
  answered_by uuid,
  answered_at timestamptz,
  decision_reason text,
  decided_by uuid,
  decided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- one complaint at a time per order
CREATE UNIQUE INDEX market_complaints_one_open ON market_complaints (order_id) WHERE status IN ('open', 'answered');
CREATE INDEX market_complaints_order ON market_complaints (order_id, created_at);
CREATE INDEX market_complaints_area ON market_complaints (commune_code, status, created_at);

-- migrate:down
DROP TABLE market_complaints;
ALTER TABLE market_shops DROP COLUMN opening_hours, DROP COLUMN description;
DROP INDEX market_orders_refund_owed;
ALTER TABLE market_orders DROP COLUMN refund_confirmed_at, DROP COLUMN refund_sent_at, DROP COLUMN refund_reference, DROP COLUMN refund_amount_vnd, DROP COLUMN refund_due_on, DROP COLUMN refund_status;
