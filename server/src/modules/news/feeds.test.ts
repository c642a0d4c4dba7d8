// Unit tests of the feed documents: well-formed XML with hostile text, the dates each format needs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { atom, rfc3339, rfc822, rss, type FeedEntry, type FeedMeta } from './feeds.ts';

const meta: FeedMeta = { title: 'Tin <tức> & "thông báo"', description: 'Mô tả', link: 'http://x/news', self: 'http://x/api/news/feed.rss?area=20&topic=health', language: 'vi', updatedAt: new Date('2026-12-06T17:30:00Z') };
const entry: FeedEntry = {
  id: '1', title: 'A < B & C > D', summary: ']]> <script>alert(1)</script>', link: 'http://x/news/1?a=1&b=2',
  publishedAt: new Date('2026-12-06T17:30:00.123Z'), updatedAt: new Date('2026-12-06T18:00:00Z'), author: 'UBND tỉnh', categories: ['health', 'events'],
};

describe('news feeds', () => {
  it('formats RFC 822 dates for RSS and RFC 3339 with the Vietnam offset for Atom', () => {
    assert.equal(rfc822(new Date('2026-12-06T17:30:00Z')), 'Sun, 06 Dec 2026 17:30:00 GMT');
    assert.equal(rfc3339(new Date('2026-12-06T17:30:00.123Z')), '2026-12-07T00:30:00+07:00');
  });

  it('escapes text so the RSS stays well-formed and round-trips', () => {
    const xml = rss(meta, [entry, { ...entry, id: '2', categories: ['policy'] }]);
    assert.equal(XMLValidator.validate(xml), true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml) as { rss: { channel: { title: string; 'atom:link': Record<string, string>; item: { title: string; description: string; link: string; category: string[] | string }[] } } };
    assert.equal(doc.rss.channel.title, 'Tin <tức> & "thông báo"');
    assert.equal(doc.rss.channel['atom:link']['@_href'], meta.self);
    assert.equal(doc.rss.channel.item[0]!.title, 'A < B & C > D');
    assert.equal(doc.rss.channel.item[0]!.description, ']]> <script>alert(1)</script>');
    assert.equal(doc.rss.channel.item[0]!.link, 'http://x/news/1?a=1&b=2');
    assert.deepEqual(doc.rss.channel.item[0]!.category, ['health', 'events']);
  });

  it('builds a well-formed Atom feed, empty or not', () => {
    const xml = atom(meta, [entry]);
    assert.equal(XMLValidator.validate(xml), true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml) as { feed: { entry: { title: string; author: { name: string }; category: { '@_term': string }[] } } };
    assert.equal(doc.feed.entry.title, 'A < B & C > D');
    assert.equal(doc.feed.entry.author.name, 'UBND tỉnh');
    assert.deepEqual(doc.feed.entry.category.map((c) => c['@_term']), ['health', 'events']);
    assert.equal(XMLValidator.validate(atom(meta, [])), true);
    assert.equal(XMLValidator.validate(rss(meta, [])), true);
  });
});
