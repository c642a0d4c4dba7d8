// Pieces shared by the news pages: one item's card in a list, the topic label.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format.ts';
import type { NewsSummary } from './api.ts';

export function NewsCard({ item }: { item: NewsSummary }) {
  const { t } = useTranslation();
  return (
    <li className="news-card">
      <Link to={`/news/${item.id}`} className="news-card__link">
        {item.coverUrl && <img className="news-card__cover" src={item.coverUrl} alt="" loading="lazy" />}
        <span className="news-card__kind">{t(`news.kind.${item.kind}`)}</span>
        <span className="news-card__title">{item.title}</span>
        {item.summary && <span className="news-card__summary">{item.summary}</span>}
        <span className="news-card__meta">
          {formatDate(item.publishedAt)} · {item.areaLabel}
        </span>
      </Link>
    </li>
  );
}

export function NewsCards({ items, label }: { items: NewsSummary[]; label: string }) {
  return (
    <ul className="news-cards" aria-label={label}>
      {items.map((i) => <NewsCard key={i.id} item={i} />)}
    </ul>
  );
}
