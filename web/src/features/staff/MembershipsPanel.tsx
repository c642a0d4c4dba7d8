import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Dialog, EmptyState, ErrorState, List, ListItem, Loading, useToast } from '../../ui/index.ts';
import { api } from '../../lib/api.ts';
import { formatDate } from '../../lib/format.ts';
import type { Membership as AdminMembership } from '@cds/contracts/areas';
import { staffKeys, useMemberships } from './api.ts';
import { GrantForm } from './GrantForm.tsx';

export function MembershipsPanel({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const toast = useToast();
  const memberships = useMemberships(userId);
  const [revoking, setRevoking] = useState<AdminMembership | null>(null);

  const revoke = useMutation({
    mutationFn: (id: string) => api<void>(`/api/admin/memberships/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => {
      setRevoking(null);
      toast.show(t('staff.memberships.revoked'));
      void client.invalidateQueries({ queryKey: staffKeys.memberships(userId) });
      void client.invalidateQueries({ queryKey: staffKeys.audit(userId) });
    },
  });

  const active = memberships.data?.filter((m) => !m.revokedAt) ?? [];
  const revoked = memberships.data?.filter((m) => m.revokedAt) ?? [];
  const where = (m: AdminMembership) => [m.agencyName, m.areaName].filter(Boolean).join(' · ') || t('staff.wholeSystem');

  return (
    <div className="stack">
      <h2>{t('staff.memberships.current')}</h2>
      {memberships.isPending && <Loading />}
      {memberships.isError && <ErrorState error={memberships.error} onRetry={() => void memberships.refetch()} />}
      {memberships.data && active.length === 0 && <EmptyState title={t('staff.memberships.none')} icon="briefcase" />}
      {active.length > 0 && (
        <List label={t('staff.memberships.current')}>
          {active.map((m) => (
            <ListItem
              key={m.id}
              icon="briefcase"
              title={t(`roles.${m.role}`)}
              description={`${where(m)} · ${t('staff.memberships.since', { date: formatDate(m.grantedAt) })}`}
              trailing={
                <Button variant="secondary" onClick={() => setRevoking(m)} aria-label={t('staff.memberships.revokeLabel', { role: t(`roles.${m.role}`), where: where(m) })}>
                  {t('staff.memberships.revoke')}
                </Button>
              }
            />
          ))}
        </List>
      )}
      {revoked.length > 0 && (
        <details>
          <summary>{t('staff.memberships.revokedList', { count: revoked.length })}</summary>
          <List>
            {revoked.map((m) => (
              <ListItem key={m.id} title={t(`roles.${m.role}`)} description={`${where(m)} · ${t('staff.memberships.revokedOn', { date: formatDate(m.revokedAt) })}`} />
            ))}
          </List>
        </details>
      )}
      <GrantForm userId={userId} />
      <Dialog
        open={revoking !== null}
        title={t('staff.memberships.revokeTitle')}
        onClose={() => setRevoking(null)}
        actions={
          <>
            <Button variant="secondary" onClick={() => setRevoking(null)}>
              {t('ui.cancel')}
            </Button>
            <Button variant="danger" busy={revoke.isPending} onClick={() => revoking && revoke.mutate(revoking.id)}>
              {t('staff.memberships.revoke')}
            </Button>
          </>
        }
      >
        {revoking && <p>{t('staff.memberships.revokeText', { role: t(`roles.${revoking.role}`), where: where(revoking) })}</p>}
        {revoke.isError && <Alert kind="error" live>{revoke.error.message}</Alert>}
      </Dialog>
    </div>
  );
}
