-- Staff memberships: a user acting in a role for an agency within an area. Rows are
-- revoked, never deleted, so the history of who could do what stays readable.
-- migrate:up
CREATE TABLE staff_memberships (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('officer', 'agency_admin', 'leader', 'community_helper', 'merchant', 'sysadmin')),
  agency_id uuid REFERENCES agencies (id),
  -- province (2 digits) or commune (5 digits); null only for sysadmin (no area limit)
  area_code text CHECK (area_code ~ '^([0-9]{2}|[0-9]{5})$'),
  granted_by uuid,
  granted_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  revoked_by uuid,
  CHECK (role NOT IN ('officer', 'agency_admin') OR agency_id IS NOT NULL),
  CHECK (role <> 'sysadmin' OR (agency_id IS NULL AND area_code IS NULL)),
  CHECK (role = 'sysadmin' OR area_code IS NOT NULL)
);
CREATE INDEX staff_memberships_user ON staff_memberships (user_id) WHERE revoked_at IS NULL;
CREATE INDEX staff_memberships_agency ON staff_memberships (agency_id) WHERE revoked_at IS NULL;
-- one active grant of the same role for the same place
CREATE UNIQUE INDEX staff_memberships_active_unique ON staff_memberships
  (user_id, role, COALESCE(agency_id::text, ''), COALESCE(area_code, '')) WHERE revoked_at IS NULL;

-- migrate:down
DROP TABLE staff_memberships;
