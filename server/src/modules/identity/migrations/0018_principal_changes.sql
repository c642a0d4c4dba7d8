-- Each API process keeps resolved sessions in memory (identity/principal-cache.ts). These
-- triggers tell every process, through NOTIFY on cds_principals with the person's id, when
-- what a session resolves to changes: a live session ends (sign-out, password reset, account
-- deletion) or the account's status changes. Expired sessions swept later notify nothing:
-- the cache never serves a session past its expiry anyway.
-- migrate:up
CREATE FUNCTION identity_notify_principal_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('cds_principals', OLD.user_id::text);
  ELSE
    PERFORM pg_notify('cds_principals', NEW.id::text);
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER sessions_notify_principal AFTER DELETE ON sessions
  FOR EACH ROW WHEN (OLD.expires_at > now()) EXECUTE FUNCTION identity_notify_principal_change();
CREATE TRIGGER users_notify_principal AFTER UPDATE OF status ON users
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION identity_notify_principal_change();

-- migrate:down
DROP TRIGGER users_notify_principal ON users;
DROP TRIGGER sessions_notify_principal ON sessions;
DROP FUNCTION identity_notify_principal_change();
