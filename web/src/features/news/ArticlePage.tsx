// One item: title, place and date, cover, text, attachments (PDF), a banner when withdrawn,
// and a share button. Opened once, it stays readable offline (the service worker keeps it).
import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ButtonLink, Card, ErrorState, List, ListItem, Loading } from '../../ui/index.ts';
import { usePageTitle } from '../../app/installation.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { shareLink, useArticle, type NewsArticle } from './api.ts';
import './news.css';

export function ArticlePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const article = useArticle(id);
  usePageTitle(article.data?.title ?? t('news.title'));
  if (article.isPending) return <Loading />;
  if (article.isError) return <ErrorState error={article.error} onRetry={() => void article.refetch()} />;
  return <Article a={article.data} />;
}

function Article({ a }: { a: NewsArticle }) {
  const { t } = useTranslation();
  const [shared, setShared] = useState<string | null>(null);
  const share = async () => {
    const result = await shareLink(`${window.location.origin}/news/${a.id}`, a.title);
    setShared(result === 'copied' ? t('news.article.copied') : result === 'failed' ? t('news.article.shareFailed') : null);
  };
  return (
    <article className="stack news-article">
      <ButtonLink to="/news" variant="ghost" icon="chevronLeft" className="back-link">{t('news.article.back')}</ButtonLink>
      {a.status === 'withdrawn' && (
        <div role="alert" className="news-withdrawn">
          <strong>{t('news.article.withdrawn', { date: formatDate(a.withdrawnAt) })}</strong>
          {a.withdrawnReason && <p>{t('news.article.reason', { reason: a.withdrawnReason })}</p>}
        </div>
      )}
      <header className="stack--tight">
        <span className="news-card__kind">{t(`news.kind.${a.kind}`)}</span>
        <h1>{a.title}</h1>
        <p className="muted">{a.agencyName} · {formatDate(a.publishedAt)} · {a.areaLabel}</p>
        {a.majorUpdateAt && <p className="news-updated">{t('news.article.updated', { at: formatDateTime(a.majorUpdateAt) })}</p>}
      </header>
      {a.coverUrl && <img className="news-article__cover" src={a.coverUrl} alt="" />}
      {a.summary && <p className="news-article__lead">{a.summary}</p>}
      <div className="news-article__body">
        {a.body.split(/\n{2,}/).map((para, i) => <p key={i}>{para}</p>)}
      </div>
      {a.attachments.length > 0 && (
        <Card title={t('news.article.attachments')}>
          <List>
            {a.attachments.map((f) => <ListItem key={f.id} icon="download" title={f.name} description={t('news.article.pdf', { kb: Math.max(1, Math.round(f.size / 1024)) })} href={f.url} download />)}
          </List>
        </Card>
      )}
      <p className="muted">{a.topics.map((x) => t(`news.topic.${x}`)).join(' · ')}</p>
      <Button icon="globe" variant="secondary" onClick={() => void share()}>{t('news.article.share')}</Button>
      {shared && <Alert kind="info" live>{shared}</Alert>}
    </article>
  );
}
