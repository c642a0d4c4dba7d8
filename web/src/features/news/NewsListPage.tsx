// The news page: everything for the person's commune and the province, by topic, and the
// topics they follow (new items and major updates come to their inbox).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ButtonLink, Card, EmptyState, ErrorState, Loading } from '../../ui/index.ts';
import { useAuth } from '../../app/auth.ts';
import { usePageTitle } from '../../app/installation.ts';
import { EDIT_ABILITY, useFollow, useFollowed, useNewsList, useTopics } from './api.ts';
import { NewsCards } from './parts.tsx';
import './news.css';

export function NewsListPage() {
  const { t } = useTranslation();
  usePageTitle(t('news.title'));
  const auth = useAuth();
  const signedIn = auth.status === 'signedIn';
  const [topic, setTopic] = useState('');
  const topics = useTopics();
  const news = useNewsList({ topic: topic || undefined, limit: 30 }, signedIn);
  return (
    <div className="stack">
      <h1>{t('news.title')}</h1>
      <p className="muted">{signedIn && auth.me.communeName ? t('news.list.forCommune', { commune: auth.me.communeName }) : t('news.list.forProvince')}</p>
      {signedIn && auth.me.abilities.includes(EDIT_ABILITY) && (
        <ButtonLink to="/news/desk" icon="edit" variant="secondary">{t('news.desk.open')}</ButtonLink>
      )}
      {topics.data && (
        <div className="news-chips" role="group" aria-label={t('news.list.topicFilter')}>
          <button type="button" className="news-chip" aria-pressed={topic === ''} onClick={() => setTopic('')}>{t('news.list.allTopics')}</button>
          {topics.data.topics.map((x) => (
            <button key={x} type="button" className="news-chip" aria-pressed={topic === x} onClick={() => setTopic(x)}>{t(`news.topic.${x}`)}</button>
          ))}
        </div>
      )}
      {news.isPending && <Loading />}
      {news.isError && <ErrorState error={news.error} onRetry={() => void news.refetch()} />}
      {news.data && news.data.items.length === 0 && <EmptyState title={t('news.list.empty')} icon="megaphone" />}
      {news.data && news.data.items.length > 0 && <NewsCards items={news.data.items} label={t('news.title')} />}
      {signedIn && topics.data && <FollowCard all={topics.data.topics} />}
    </div>
  );
}

function FollowCard({ all }: { all: string[] }) {
  const { t } = useTranslation();
  const followed = useFollowed(true);
  const follow = useFollow();
  const [chosen, setChosen] = useState<string[] | null>(null);
  const current = chosen ?? followed.data?.topics ?? [];
  const toggle = (x: string) => setChosen(current.includes(x) ? current.filter((y) => y !== x) : [...current, x]);
  return (
    <Card title={t('news.follow.title')}>
      <p className="muted">{t('news.follow.hint')}</p>
      <fieldset className="news-topics">
        <legend className="visually-hidden">{t('news.follow.title')}</legend>
        {all.map((x) => (
          <label key={x} className="check">
            <input type="checkbox" checked={current.includes(x)} onChange={() => toggle(x)} /> {t(`news.topic.${x}`)}
          </label>
        ))}
      </fieldset>
      {follow.isError && <Alert kind="error" live>{follow.error.message}</Alert>}
      {follow.isSuccess && chosen === null && <Alert kind="success" live>{t('news.follow.saved')}</Alert>}
      <Button icon="bell" busy={follow.isPending} onClick={() => follow.mutate(current, { onSuccess: () => setChosen(null) })}>{t('news.follow.save')}</Button>
    </Card>
  );
}
