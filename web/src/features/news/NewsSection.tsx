// The home screen's news: the latest items for the person's commune and the province.
import { useTranslation } from 'react-i18next';
import { ButtonLink, ErrorState } from '../../ui/index.ts';
import { useAuth } from '../../app/auth.ts';
import { useInstallation } from '../../app/installation.ts';
import { useNewsList } from './api.ts';
import { NewsCards } from './parts.tsx';
import './news.css';

export function NewsSection() {
  const { t } = useTranslation();
  const auth = useAuth();
  const installation = useInstallation();
  const offered = !!installation.data?.features.some((f) => f.key === 'news');
  const news = useNewsList({ limit: 3 }, auth.status === 'signedIn');
  if (!offered) return null;
  return (
    <section aria-labelledby="home-news-title" className="stack--tight">
      <h2 id="home-news-title" className="section-title">{t('news.home.title')}</h2>
      {news.isError && <ErrorState error={news.error} onRetry={() => void news.refetch()} />}
      {news.data && news.data.items.length === 0 && <p className="muted">{t('news.list.empty')}</p>}
      {news.data && news.data.items.length > 0 && <NewsCards items={news.data.items} label={t('news.home.title')} />}
      <ButtonLink to="/news" variant="secondary" icon="megaphone" block>{t('news.home.all')}</ButtonLink>
    </section>
  );
}
