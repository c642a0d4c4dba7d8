// RSS 2.0 and Atom 1.0 documents of published news, built with fast-xml-parser's builder
// (it escapes text and attributes), so every feed is well-formed XML.
import { XMLBuilder } from 'fast-xml-parser';
import { w3cVietnam } from '@cds/contracts';

export interface FeedEntry {
  id: string;
  title: string;
  summary: string;
  link: string;
  publishedAt: Date;
  updatedAt: Date;
  author: string;
  categories: string[];
}

export interface FeedMeta {
  title: string;
  description: string;
  /** The page the feed is about (the web app's news page). */
  link: string;
  /** The feed's own address. */
  self: string;
  language: string;
  updatedAt: Date;
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true, suppressBooleanAttributes: false });
const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** RFC 822 date as RSS 2.0 requires (e.g. "Sun, 06 Dec 2026 23:10:00 GMT"). */
export function rfc822(d: Date): string {
  return d.toUTCString();
}

/** RFC 3339 with the Vietnam offset and no milliseconds, as people here read it. */
export function rfc3339(d: Date): string {
  return w3cVietnam(d);
}

export function rss(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const doc = {
    rss: {
      '@_version': '2.0',
      '@_xmlns:atom': 'http://www.w3.org/2005/Atom',
      channel: {
        title: meta.title,
        link: meta.link,
        description: meta.description,
        language: meta.language,
        lastBuildDate: rfc822(meta.updatedAt),
        'atom:link': { '@_href': meta.self, '@_rel': 'self', '@_type': 'application/rss+xml' },
        item: entries.map((e) => ({
          title: e.title,
          link: e.link,
          guid: { '@_isPermaLink': 'true', '#text': e.link },
          pubDate: rfc822(e.publishedAt),
          description: e.summary,
          category: e.categories,
        })),
      },
    },
  };
  return DECLARATION + (builder.build(doc) as string);
}

export function atom(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const doc = {
    feed: {
      '@_xmlns': 'http://www.w3.org/2005/Atom',
      '@_xml:lang': meta.language,
      title: meta.title,
      subtitle: meta.description,
      id: meta.self,
      updated: rfc3339(meta.updatedAt),
      link: [{ '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': meta.self }, { '@_rel': 'alternate', '@_type': 'text/html', '@_href': meta.link }],
      entry: entries.map((e) => ({
        title: e.title,
        id: e.link,
        link: { '@_rel': 'alternate', '@_type': 'text/html', '@_href': e.link },
        published: rfc3339(e.publishedAt),
        updated: rfc3339(e.updatedAt),
        author: { name: e.author },
        summary: e.summary,
        category: e.categories.map((term) => ({ '@_term': term })),
      })),
    },
  };
  return DECLARATION + (builder.build(doc) as string);
}
