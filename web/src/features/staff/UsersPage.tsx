import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, EmptyState, ErrorState, List, ListItem, Loading, TextField } from '../../ui/index.ts';
import { usePageTitle } from '../../app/installation.ts';
import { formatDate } from '../../lib/format.ts';
import { USERS_PAGE_SIZE, useAdminUsers } from './api.ts';

/** Sysadmin: find people by name or phone; the search and page live in the address bar. */
export function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('staff.users.title'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(0, Number(params.get('page') ?? '0') || 0);
  const [draft, setDraft] = useState(q);
  const users = useAdminUsers(q, page * USERS_PAGE_SIZE);

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    setParams(draft.trim() ? { q: draft.trim() } : {});
  };
  const goTo = (next: number) => setParams({ ...(q ? { q } : {}), page: String(next) });
  const total = users.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));

  return (
    <div className="stack">
      <h1>{t('staff.users.title')}</h1>
      <form className="search-form" role="search" onSubmit={onSearch}>
        <TextField label={t('staff.users.search')} hint={t('staff.users.searchHint')} type="search" value={draft} onChange={(e) => setDraft(e.target.value)} />
        <Button type="submit" icon="search">
          {t('staff.users.searchButton')}
        </Button>
      </form>
      {users.isPending && <Loading />}
      {users.isError && <ErrorState error={users.error} onRetry={() => void users.refetch()} />}
      {users.data && (
        <>
          <p role="status">{t('staff.users.count', { count: total })}</p>
          {users.data.items.length === 0 ? (
            <EmptyState title={t('staff.users.none')} icon="search" />
          ) : (
            <List label={t('staff.users.listLabel')}>
              {users.data.items.map((u) => (
                <ListItem
                  key={u.id}
                  to={`/staff/users/${u.id}`}
                  state={{ user: u }}
                  icon="user"
                  title={u.fullName || t('account.noName')}
                  description={[u.phone, u.roles.map((r) => t(`roles.${r}`)).join(', '), t('staff.users.joined', { date: formatDate(u.createdAt) })].filter(Boolean).join(' · ')}
                />
              ))}
            </List>
          )}
          {pages > 1 && (
            <nav className="pager" aria-label={t('ui.pages')}>
              <Button variant="secondary" icon="chevronLeft" disabled={page === 0} onClick={() => goTo(page - 1)}>
                {t('ui.previous')}
              </Button>
              <span>{t('ui.pageOf', { page: page + 1, pages })}</span>
              <Button variant="secondary" disabled={page + 1 >= pages} onClick={() => goTo(page + 1)}>
                {t('ui.next')}
              </Button>
            </nav>
          )}
        </>
      )}
    </div>
  );
}
