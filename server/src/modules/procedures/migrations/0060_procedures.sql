-- Catalogue of administrative procedures (thủ tục hành chính): what a citizen can apply
-- for, where, how long it takes and what it costs. The province pack seeds it; admins
-- edit it. search_* columns hold the folded (no diacritics) text the search ranks on.
-- migrate:up
CREATE TABLE procedures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
  name text NOT NULL,
  sector text NOT NULL,
  -- online service level under Nghị định 42/2022: toàn trình / một phần
  level text NOT NULL CHECK (level IN ('full_online', 'partial_online')),
  tier text NOT NULL CHECK (tier IN ('province', 'commune')),
  -- province tier: the handling agency's code; commune tier: null (the applicant's commune committee)
  agency_code text,
  agency_label text NOT NULL,
  processing_days double precision NOT NULL CHECK (processing_days >= 0),
  processing_note text,
  fees jsonb NOT NULL DEFAULT '[]',
  required_documents jsonb NOT NULL DEFAULT '[]',
  applicants text NOT NULL,
  legal_basis jsonb NOT NULL DEFAULT '[]',
  steps jsonb NOT NULL DEFAULT '[]',
  result text NOT NULL,
  form_schema jsonb NOT NULL,
  life_events text[] NOT NULL DEFAULT '{}',
  keywords text[] NOT NULL DEFAULT '{}',
  essential boolean NOT NULL DEFAULT false,
  -- submissions accepted through this platform (false: handled on another portal)
  online boolean NOT NULL DEFAULT true,
  external_url text,
  -- 'pack' rows follow the province pack on every seed; 'admin' rows were edited here and are kept
  source text NOT NULL DEFAULT 'pack' CHECK (source IN ('pack', 'admin')),
  pack_hash text,
  search_name text NOT NULL,
  search_aliases text NOT NULL,
  search_sector text NOT NULL,
  name_words text[] NOT NULL,
  alias_words text[] NOT NULL,
  alias_phrases text[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX procedures_search_name_trgm ON procedures USING gin (search_name gin_trgm_ops);
CREATE INDEX procedures_search_aliases_trgm ON procedures USING gin (search_aliases gin_trgm_ops);
CREATE INDEX procedures_life_events ON procedures USING gin (life_events);
CREATE INDEX procedures_sector ON procedures (sector);
CREATE INDEX procedures_agency ON procedures (agency_code);

-- migrate:down
DROP TABLE procedures;
