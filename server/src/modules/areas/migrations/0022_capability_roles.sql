-- The staff roles of the capabilities added after the first four (payments, alerts,
-- news, land, market, assistant). The role list lives in packages/contracts/src/roles.ts;
-- this constraint mirrors it so a bad row cannot be written even by hand.
-- migrate:up
ALTER TABLE staff_memberships DROP CONSTRAINT staff_memberships_role_check;
ALTER TABLE staff_memberships ADD CONSTRAINT staff_memberships_role_check CHECK (role IN (
  'officer', 'agency_admin', 'leader', 'community_helper', 'merchant', 'sysadmin',
  'finance_officer', 'alert_officer', 'news_editor', 'land_officer', 'market_officer', 'assistant_editor'));
ALTER TABLE staff_memberships DROP CONSTRAINT staff_memberships_check;
ALTER TABLE staff_memberships ADD CONSTRAINT staff_memberships_agency_check CHECK (
  role NOT IN ('officer', 'agency_admin', 'finance_officer', 'alert_officer', 'news_editor', 'land_officer') OR agency_id IS NOT NULL);

-- migrate:down
ALTER TABLE staff_memberships DROP CONSTRAINT staff_memberships_agency_check;
ALTER TABLE staff_memberships ADD CONSTRAINT staff_memberships_check CHECK (role NOT IN ('officer', 'agency_admin') OR agency_id IS NOT NULL);
ALTER TABLE staff_memberships DROP CONSTRAINT staff_memberships_role_check;
ALTER TABLE staff_memberships ADD CONSTRAINT staff_memberships_role_check CHECK (role IN ('officer', 'agency_admin', 'leader', 'community_helper', 'merchant', 'sysadmin'));
