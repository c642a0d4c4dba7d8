import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ButtonLink, Card, List, ListItem, useToast } from '../../ui/index.ts';
import type { Me } from '@cds/contracts/identity';
import { opensConsole, useSignOut } from '../../app/auth.ts';
import { DisplaySettings } from '../../app/chrome.tsx';
import { usePageTitle } from '../../app/installation.ts';

export function AccountPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  usePageTitle(t('account.title'));
  const navigate = useNavigate();
  const toast = useToast();
  const signOut = useSignOut();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onSignOut = async () => {
    setBusy(true);
    setError(null);
    try {
      await signOut();
      toast.show(t('account.signOut.done'));
      navigate('/', { replace: true });
    } catch (err) {
      setError(err instanceof Error ? err.message : t('errors.generic'));
      setBusy(false);
    }
  };

  const profileIncomplete = !me.communeCode || !me.dateOfBirth;
  return (
    <div className="stack">
      <h1>{t('account.title')}</h1>
      <Card title={me.fullName || t('account.noName')}>
        <p>
          {t('account.fields.phone')}: <strong>{me.phone ?? '—'}</strong>
        </p>
        <p>
          {me.eidLinked ? (
            <span className="badge badge--ok">{t('account.eid.linked', { level: me.eidLevel ?? '' })}</span>
          ) : (
            <span className="badge">{t('account.eid.notLinked')}</span>
          )}
        </p>
      </Card>
      {profileIncomplete && <Alert kind="info">{t('account.completeProfile')}</Alert>}
      {opensConsole(me) && (
        <ButtonLink to="/staff" icon="briefcase" block>
          {t('home.openConsole')}
        </ButtonLink>
      )}
      <List label={t('account.menu')}>
        <ListItem to="/account/profile" icon="edit" title={t('account.profile.title')} description={t('account.profile.short')} />
        <ListItem to="/account/consents" icon="shield" title={t('account.consents.title')} description={t('account.consents.short')} />
        <ListItem to="/account/data" icon="download" title={t('account.data.title')} description={t('account.data.short')} />
      </List>
      <DisplaySettings />
      {error && <Alert kind="error" live>{error}</Alert>}
      <Button variant="secondary" icon="logout" onClick={() => void onSignOut()} busy={busy} block>
        {t('account.signOut.button')}
      </Button>
    </div>
  );
}
