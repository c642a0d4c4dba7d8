-- migrate:up
-- Local market (chợ địa phương): shops of households and cooperatives, their products
-- (with an optional OCOP block a market officer verifies), orders of one shop each, and
-- the buyers' reviews. Money is whole VND (bigint); stock never goes below zero.
CREATE SEQUENCE market_order_code_seq;

CREATE TABLE market_shops (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_user_id uuid NOT NULL,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('household', 'cooperative')),
  commune_code text NOT NULL,
  phone text NOT NULL,
  pickup_address text NOT NULL,
  bank_bin text NOT NULL,
  bank_account text NOT NULL,
  bank_account_name text NOT NULL,
  business_reg_no text,
  -- a community helper (người hỗ trợ cộng đồng) who opened it at the owner's door, and when the owner's code was checked
  opened_by uuid,
  consent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX market_shops_owner ON market_shops (owner_user_id);
CREATE INDEX market_shops_commune ON market_shops (commune_code);

CREATE TABLE market_products (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  shop_id uuid NOT NULL REFERENCES market_shops (id),
  name text NOT NULL,
  -- folded name, shop and commune (no diacritics) that search matches
  search_text text NOT NULL,
  category text NOT NULL,
  price_vnd bigint NOT NULL CHECK (price_vnd > 0),
  unit text NOT NULL,
  stock integer NOT NULL CHECK (stock >= 0),
  weight_grams integer NOT NULL CHECK (weight_grams > 0),
  description text NOT NULL DEFAULT '',
  ocop jsonb,
  ocop_status text CHECK (ocop_status IN ('pending', 'verified', 'rejected')),
  ocop_stars smallint,
  ocop_note text,
  ocop_checked_by uuid,
  ocop_checked_at timestamptz,
  hidden_reason text,
  hidden_by uuid,
  hidden_at timestamptz,
  commune_code text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX market_products_shop ON market_products (shop_id);
CREATE INDEX market_products_listing ON market_products (created_at DESC) WHERE hidden_at IS NULL;
CREATE INDEX market_products_search ON market_products USING gin (search_text gin_trgm_ops);

CREATE TABLE market_product_photos (
  product_id uuid NOT NULL REFERENCES market_products (id) ON DELETE CASCADE,
  position smallint NOT NULL,
  file_id text NOT NULL,
  thumb_id text NOT NULL,
  PRIMARY KEY (product_id, position)
);
CREATE INDEX market_product_photos_file ON market_product_photos (file_id);
CREATE INDEX market_product_photos_thumb ON market_product_photos (thumb_id);

CREATE TABLE market_orders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  shop_id uuid NOT NULL REFERENCES market_shops (id),
  buyer_user_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'confirmed', 'packed', 'shipping', 'delivered', 'cancelled')),
  payment_method text NOT NULL CHECK (payment_method IN ('vietqr', 'cod')),
  paid_at timestamptz,
  delivery_method text NOT NULL CHECK (delivery_method IN ('carrier', 'seller')),
  tracking_code text,
  address text NOT NULL,
  phone text NOT NULL,
  commune_code text NOT NULL,
  note text,
  subtotal_vnd bigint NOT NULL CHECK (subtotal_vnd > 0),
  shipping_vnd bigint NOT NULL CHECK (shipping_vnd >= 0),
  total_vnd bigint NOT NULL CHECK (total_vnd > 0),
  cancel_reason text,
  -- Idempotency-Key of the request that placed it, and a fingerprint of that request
  client_key text,
  client_hash text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz
);
CREATE UNIQUE INDEX market_orders_client_key ON market_orders (buyer_user_id, client_key) WHERE client_key IS NOT NULL;
CREATE INDEX market_orders_buyer ON market_orders (buyer_user_id, created_at DESC);
CREATE INDEX market_orders_shop ON market_orders (shop_id, created_at DESC);
CREATE UNIQUE INDEX market_orders_tracking ON market_orders (tracking_code) WHERE tracking_code IS NOT NULL;

CREATE TABLE market_order_items (
  order_id uuid NOT NULL REFERENCES market_orders (id) ON DELETE CASCADE,
  product_id uuid NOT NULL REFERENCES market_products (id),
  name text NOT NULL,
  unit text NOT NULL,
  price_vnd bigint NOT NULL,
  quantity integer NOT NULL CHECK (quantity > 0),
  weight_grams integer NOT NULL,
  PRIMARY KEY (order_id, product_id)
);
CREATE INDEX market_order_items_product ON market_order_items (product_id);

CREATE TABLE market_reviews (
  order_id uuid NOT NULL REFERENCES market_orders (id),
  product_id uuid NOT NULL REFERENCES market_products (id),
  shop_id uuid NOT NULL REFERENCES market_shops (id),
  buyer_user_id uuid NOT NULL,
  stars smallint NOT NULL CHECK (stars BETWEEN 1 AND 5),
  comment text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (order_id, product_id)
);
CREATE INDEX market_reviews_product ON market_reviews (product_id);
CREATE INDEX market_reviews_shop ON market_reviews (shop_id);

-- a shop owner's consent code (mã xác nhận) sent by SMS when a helper opens the shop for them
CREATE TABLE market_consent_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_phone text NOT NULL,
  helper_user_id uuid NOT NULL,
  code_hash text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  consumed_at timestamptz
);
CREATE INDEX market_consent_codes_latest ON market_consent_codes (owner_phone, helper_user_id, created_at DESC);

-- the demo carrier's own ledger of shipments (demo mode only), as the real carrier keeps it
CREATE TABLE market_demo_shipments (
  item_code text PRIMARY KEY,
  order_number text NOT NULL,
  callback_url text NOT NULL,
  status text NOT NULL,
  fee_vnd bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- migrate:down
DROP TABLE market_demo_shipments;
DROP TABLE market_consent_codes;
DROP TABLE market_reviews;
DROP TABLE market_order_items;
DROP TABLE market_orders;
DROP TABLE market_product_photos;
DROP TABLE market_products;
DROP TABLE market_shops;
DROP SEQUENCE market_order_code_seq;
