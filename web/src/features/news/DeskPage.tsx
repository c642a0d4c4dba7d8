// The editors' desk: the agency's items by status, the ones waiting for my review first.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink, EmptyState, ErrorState, List, ListItem, Loading } from '../../ui/index.ts';
import { usePageTitle } from '../../app/installation.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useDeskList } from './api.ts';
import './news.css';

const TABS = ['in_review', 'draft', 'scheduled', 'published', 'withdrawn'] as const;

export function DeskPage() {
  const { t } = useTranslation();
  usePageTitle(t('news.desk.title'));
  const [status, setStatus] = useState<string>('in_review');
  const list = useDeskList(status);
  return (
    <div className="stack">
      <h1>{t('news.desk.title')}</h1>
      <ButtonLink to="/news/desk/new" icon="plus" block>{t('news.desk.new')}</ButtonLink>
      <div className="news-chips" role="group" aria-label={t('news.desk.byStatus')}>
        {TABS.map((s) => (
          <button key={s} type="button" className="news-chip" aria-pressed={status === s} onClick={() => setStatus(s)}>{t(`news.status.${s}`)}</button>
        ))}
      </div>
      {list.isPending && <Loading />}
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && <EmptyState title={t('news.desk.empty')} icon="inbox" />}
      {list.data && list.data.items.length > 0 && (
        <List label={t(`news.status.${status}`)}>
          {list.data.items.map((i) => (
            <ListItem
              key={i.id}
              to={`/news/desk/${i.id}`}
              icon={i.canReview ? 'check' : 'document'}
              title={i.title}
              description={[i.areaLabel, i.authorName, formatDateTime(i.updatedAt), i.canReview ? t('news.desk.waitsForYou') : ''].filter(Boolean).join(' · ')}
            />
          ))}
        </List>
      )}
    </div>
  );
}
