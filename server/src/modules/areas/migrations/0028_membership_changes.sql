-- A membership granted, changed or revoked changes what that person's sessions may do: tell
-- every API process (NOTIFY cds_principals with the person's id) so the identity module's
-- in-memory principal of that person is read again.
-- migrate:up
CREATE FUNCTION areas_notify_membership_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('cds_principals', OLD.user_id::text);
  ELSE
    PERFORM pg_notify('cds_principals', NEW.user_id::text);
    IF TG_OP = 'UPDATE' AND OLD.user_id <> NEW.user_id THEN
      PERFORM pg_notify('cds_principals', OLD.user_id::text);
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER staff_memberships_notify_principal AFTER INSERT OR UPDATE OR DELETE ON staff_memberships
  FOR EACH ROW EXECUTE FUNCTION areas_notify_membership_change();

-- migrate:down
DROP TRIGGER staff_memberships_notify_principal ON staff_memberships;
DROP FUNCTION areas_notify_membership_change();
