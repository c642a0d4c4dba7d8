import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Button, Card, Dialog, ErrorState, Loading, PageHeader, Switch, useToast } from '../../ui/index.ts';
import { api } from '../../lib/api.ts';
import { CONSENT_PURPOSES, CONSENT_VERSION, type ConsentPurpose } from '@cds/contracts';
import type { Consent } from '@cds/contracts/identity';
import { usePageTitle } from '../../app/installation.ts';
import { formatDate } from '../../lib/format.ts';

const consentsKey = ['me', 'consents'] as const;
/** Withdrawing these stops the account from working, so the person confirms first. */
const NEEDS_CONFIRM: readonly ConsentPurpose[] = ['terms', 'personal_data_processing'];

/** A purpose counts as given when the current version was granted and not withdrawn. */
export function isGranted(consents: Consent[], purpose: ConsentPurpose): boolean {
  return consents.some((c) => c.purpose === purpose && c.version === CONSENT_VERSION && !c.withdrawnAt);
}

export function ConsentsPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.consents.title'));
  const client = useQueryClient();
  const toast = useToast();
  const [confirming, setConfirming] = useState<ConsentPurpose | null>(null);
  const consents = useQuery({ queryKey: consentsKey, queryFn: ({ signal }) => api<Consent[]>('/api/me/consents', { signal }) });

  const change = useMutation({
    mutationFn: ({ purpose, grant }: { purpose: ConsentPurpose; grant: boolean }) =>
      grant
        ? api('/api/me/consents', { method: 'POST', body: { purpose, version: CONSENT_VERSION } })
        : api(`/api/me/consents/${purpose}`, { method: 'DELETE' }),
    onSuccess: (_reply, { purpose, grant }) => {
      toast.show(t(grant ? 'account.consents.granted' : 'account.consents.withdrawn', { purpose: t(`consents.${purpose}.title`) }));
    },
    onError: (err) => toast.show(err instanceof Error ? err.message : t('errors.generic'), 'error'),
    onSettled: () => client.invalidateQueries({ queryKey: consentsKey }),
  });

  const toggle = (purpose: ConsentPurpose, grant: boolean) => {
    if (!grant && NEEDS_CONFIRM.includes(purpose)) setConfirming(purpose);
    else change.mutate({ purpose, grant });
  };

  const dateOf = (purpose: ConsentPurpose) => {
    const c = consents.data?.find((x) => x.purpose === purpose && x.version === CONSENT_VERSION && !x.withdrawnAt);
    return c ? formatDate(c.grantedAt) : null;
  };

  return (
    <div className="narrow stack">
      <PageHeader back={{ to: '/account', label: t('account.title') }} title={t('account.consents.title')} />
      <p>{t('account.consents.intro')}</p>
      {consents.isPending && <Loading />}
      {consents.isError && <ErrorState error={consents.error} onRetry={() => void consents.refetch()} />}
      {consents.data &&
        CONSENT_PURPOSES.map((purpose) => {
          const granted = isGranted(consents.data, purpose);
          const since = dateOf(purpose);
          return (
            <Card key={purpose} title={t(`consents.${purpose}.title`)}>
              <p>{t(`consents.${purpose}.text`)}</p>
              <Switch
                checked={granted}
                disabled={change.isPending}
                onChange={(grant) => toggle(purpose, grant)}
                label={
                  <>
                    {t('account.consents.agree')}
                    <span className="visually-hidden">: {t(`consents.${purpose}.title`)}</span>
                  </>
                }
                description={since ? t('account.consents.since', { date: since }) : t('account.consents.notGiven')}
              />
            </Card>
          );
        })}
      <Dialog
        open={confirming !== null}
        title={t('account.consents.confirmTitle')}
        onClose={() => setConfirming(null)}
        actions={
          <>
            <Button variant="secondary" onClick={() => setConfirming(null)}>
              {t('ui.cancel')}
            </Button>
            <Button
              variant="danger"
              onClick={() => {
                if (confirming) change.mutate({ purpose: confirming, grant: false });
                setConfirming(null);
              }}
            >
              {t('account.consents.confirmWithdraw')}
            </Button>
          </>
        }
      >
        <p>{confirming && t(`consents.${confirming}.withdrawEffect`)}</p>
      </Dialog>
    </div>
  );
}
