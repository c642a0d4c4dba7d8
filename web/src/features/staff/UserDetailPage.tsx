import { useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card, EmptyState, ErrorState, Loading, PageHeader, Tabs } from '../../ui/index.ts';
import { usePageTitle } from '../../app/installation.ts';
import { formatDateTime } from '../../lib/format.ts';
import { isRecord } from '../../lib/api.ts';
import type { AuditEntry } from '@cds/contracts/areas';
import type { AdminUser } from '@cds/contracts/identity';
import { useUserAudit } from './api.ts';
import { MembershipsPanel } from './MembershipsPanel.tsx';

function userFromState(state: unknown): AdminUser | null {
  return isRecord(state) && isRecord(state.user) && typeof state.user.id === 'string' ? (state.user as unknown as AdminUser) : null;
}

export function UserDetailPage() {
  const { t } = useTranslation();
  const { userId = '' } = useParams();
  const location = useLocation();
  const known = userFromState(location.state);
  const user = known?.id === userId ? known : null;
  const [tab, setTab] = useState('roles');
  const name = user?.fullName || t('staff.user.unnamed');
  usePageTitle(name);

  return (
    <div className="stack">
      <PageHeader back={{ to: '/staff/users', label: t('staff.users.title') }} title={name} />
      <Card>
        <p>
          {t('account.fields.phone')}: <strong>{user?.phone ?? '—'}</strong>
        </p>
        <p className="muted">{t('staff.user.id', { id: userId })}</p>
      </Card>
      <Tabs
        label={t('staff.user.tabsLabel')}
        selected={tab}
        onSelect={setTab}
        items={[
          { key: 'roles', label: t('staff.user.rolesTab'), panel: <MembershipsPanel userId={userId} /> },
          { key: 'audit', label: t('staff.user.auditTab'), panel: <AuditPanel userId={userId} /> },
        ]}
      />
    </div>
  );
}

function AuditPanel({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const audit = useUserAudit(userId);
  if (audit.isPending) return <Loading />;
  if (audit.isError) return <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />;
  if (audit.data.length === 0) return <EmptyState title={t('staff.audit.none')} icon="history" />;
  const sorted = [...audit.data].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <ol className="list" aria-label={t('staff.audit.label')}>
      {sorted.map((entry) => (
        <li key={entry.id} className="list__item">
          <div className="list__row">
            <span className="list__body">
              <span className="list__title">{actionLabel(entry, t)}</span>
              <span className="list__desc">
                {formatDateTime(entry.at)} · {entry.actorUserId ? t('staff.audit.by', { actor: entry.actorUserId === userId ? t('staff.audit.self') : entry.actorUserId }) : t('staff.audit.bySystem')}
              </span>
              {entry.details && Object.keys(entry.details).length > 0 && <AuditDetails details={entry.details} />}
            </span>
          </div>
        </li>
      ))}
    </ol>
  );
}

/** A readable name for known actions; unknown ones show their code so nothing is hidden. */
function actionLabel(entry: AuditEntry, t: (key: string, opts?: { defaultValue: string }) => string): string {
  return t(`staff.audit.actions.${entry.action.replace(/\./g, '_')}`, { defaultValue: entry.action });
}

/** Details as "key: value" lines; nested values stay JSON so nothing is hidden. */
function AuditDetails({ details }: { details: Record<string, unknown> }) {
  const lines = Object.entries(details)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  return <pre className="audit-details">{lines.join('\n')}</pre>;
}
