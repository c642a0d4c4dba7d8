import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Value } from 'typebox/value';
import { EditorNewsItem, NewsArticle, NewsList } from '@cds/contracts/news';
import { INSTALLATION, ME } from '../../test/fixtures.ts';
import { fakeApi, renderPage } from '../../test/helpers.tsx';
import { ArticlePage } from './ArticlePage.tsx';
import { DeskItemPage } from './DeskItemPage.tsx';
import { NewsListPage } from './NewsListPage.tsx';
import { NewsSection } from './NewsSection.tsx';
import { newsQueryString } from './api.ts';

const ID = '3f2e1d0c-9b8a-4765-8432-10fedcba9876';
const SUMMARY = {
  id: ID, kind: 'announcement', title: 'Tạm ngừng cấp nước để sửa đường ống', summary: 'Một số tổ dân phố tạm ngừng cấp nước buổi sáng.',
  topics: ['events'], areaLabel: 'Phường Lương Văn Tri', targetCommunes: ['05983'], agencyName: 'Ủy ban nhân dân tỉnh Lạng Sơn',
  publishedAt: '2026-12-05T02:00:00.000Z', coverUrl: null,
} as const;
const LIST = { items: [SUMMARY], total: 1 };
const ARTICLE = {
  ...SUMMARY, body: 'Để sửa chữa đường ống…\n\nNgười dân chủ động trữ nước.', lang: 'vi', languages: ['vi'], status: 'withdrawn', version: 1,
  attachments: [{ id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', kind: 'pdf', name: 'Quyết định.pdf', size: 20480, url: '/api/news/files/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }],
  updatedAt: '2026-12-05T02:00:00.000Z', majorUpdateAt: null, withdrawnAt: '2026-12-06T02:00:00.000Z', withdrawnReason: 'Đã sửa xong sớm',
};
const EDITOR_ITEM = {
  id: ID, kind: 'news', status: 'in_review', texts: { vi: { title: 'Họp dân', summary: '', body: 'Mời bà con dự họp.' } }, topics: ['events'], targetCommunes: [],
  areaLabel: 'Toàn tỉnh Lạng Sơn', agencyId: '1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9', agencyName: 'Ủy ban nhân dân tỉnh Lạng Sơn', cover: null, attachments: [],
  publishAt: null, publishedAt: null, version: 1, authorName: 'Lộc Thị Hạnh', reviewNote: null, withdrawnReason: null,
  createdAt: '2026-12-05T02:00:00.000Z', updatedAt: '2026-12-05T02:00:00.000Z', actions: ['approve', 'return'], pendingUpdate: null,
  revisions: [{ version: 1, change: 'submitted', note: null, editorName: 'Lộc Thị Hạnh', at: '2026-12-05T02:00:00.000Z', title: null }],
};
const WITH_NEWS = { ...INSTALLATION, features: [{ key: 'news', face: 'citizen' as const }] };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('news fixtures', () => {
  it('match the contract', () => {
    expect([...Value.Errors(NewsList, LIST)]).toEqual([]);
    expect([...Value.Errors(NewsArticle, ARTICLE)]).toEqual([]);
    expect([...Value.Errors(EditorNewsItem, EDITOR_ITEM)]).toEqual([]);
  });
});

describe('news pages', { timeout: 20_000 }, () => {
  it('builds the list query', () => {
    expect(newsQueryString({ topic: 'health', followed: true, limit: 3 })).toBe('topic=health&followed=true&limit=3');
  });

  it('shows the latest news on the home screen when the server offers news', async () => {
    fakeApi({ 'GET /api/features': () => ({ body: WITH_NEWS }), 'GET /api/news': () => ({ body: LIST }) });
    renderPage(<NewsSection />);
    expect(await screen.findByRole('link', { name: /Tạm ngừng cấp nước/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: /Xem tất cả tin tức/ }).getAttribute('href')).toBe('/news');
  });

  it('filters by topic and lets a signed-in person follow topics', async () => {
    const topicsAsked: string[] = [];
    const api = fakeApi({
      'GET /api/me': () => ({ body: ME }),
      'GET /api/news': ({ url }) => {
        topicsAsked.push(url.searchParams.get('topic') ?? '');
        return { body: LIST };
      },
      'GET /api/news/topics': () => ({ body: { topics: ['health', 'events'] } }),
      'GET /api/me/news/topics': () => ({ body: { topics: [] } }),
      'PUT /api/me/news/topics': ({ body }) => ({ body }),
    });
    renderPage(<NewsListPage />, { path: '/news' });
    await userEvent.click(await screen.findByRole('button', { name: 'Y tế' }));
    await waitFor(() => expect(topicsAsked).toContain('health'));
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Sự kiện' }));
    await userEvent.click(screen.getByRole('button', { name: 'Lưu chủ đề theo dõi' }));
    expect(await screen.findByText('Đã lưu chủ đề theo dõi.')).toBeTruthy();
    expect(api.calls.find((c) => c.method === 'PUT')?.body).toEqual({ topics: ['events'] });
  });

  it('shows a withdrawn item with its reason, and its attachment', async () => {
    fakeApi({ [`GET /api/news/${ID}`]: () => ({ body: ARTICLE }) });
    renderPage(<ArticlePage />, { path: '/news/:id', at: `/news/${ID}` });
    expect(await screen.findByRole('heading', { level: 1, name: SUMMARY.title })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/đã được thu hồi.*Lý do: Đã sửa xong sớm/);
    expect(screen.getByRole('link', { name: /Quyết định\.pdf/ }).getAttribute('href')).toBe(ARTICLE.attachments[0]!.url);
    expect(screen.getByRole('button', { name: 'Chia sẻ tin này' })).toBeTruthy();
  });

  it('lets the second editor approve an item under review', async () => {
    let current: typeof EDITOR_ITEM | (Omit<typeof EDITOR_ITEM, 'status' | 'actions'> & { status: string; actions: string[] }) = EDITOR_ITEM;
    const api = fakeApi({
      [`GET /api/news-desk/items/${ID}`]: () => ({ body: current }),
      [`POST /api/news-desk/items/${ID}/approve`]: () => {
        current = { ...EDITOR_ITEM, status: 'published', actions: ['edit', 'withdraw'] };
        return { body: current };
      },
      'GET /api/news/topics': () => ({ body: { topics: ['events'] } }),
    });
    renderPage(<DeskItemPage />, { path: '/news/desk/:id', at: `/news/desk/${ID}` });
    await userEvent.click(await screen.findByRole('button', { name: 'Duyệt và đăng' }));
    await waitFor(() => expect(screen.getByTestId('news-status').textContent).toBe('Đã đăng'));
    expect(api.calls.some((c) => c.method === 'POST' && c.path.endsWith('/approve'))).toBe(true);
  });

  it('shows a waiting major update beside the published item, for the second editor to approve', async () => {
    const waiting = {
      ...EDITOR_ITEM, status: 'published', publishedAt: '2026-12-05T03:00:00.000Z', actions: ['edit', 'approve', 'return', 'withdraw'],
      pendingUpdate: { texts: { vi: { title: 'Họp dân dời sang thứ hai', summary: '', body: 'Cuộc họp dời sang sáng thứ hai.' } }, editorName: 'Lộc Thị Hạnh', note: null, at: '2026-12-05T04:00:00.000Z' },
    };
    expect([...Value.Errors(EditorNewsItem, waiting)]).toEqual([]);
    fakeApi({ [`GET /api/news-desk/items/${ID}`]: () => ({ body: waiting }), 'GET /api/news/topics': () => ({ body: { topics: ['events'] } }) });
    renderPage(<DeskItemPage />, { path: '/news/desk/:id', at: `/news/desk/${ID}` });
    const pending = await screen.findByTestId('news-pending-update');
    expect(pending.textContent).toContain('Họp dân dời sang thứ hai');
    expect(pending.textContent).toContain('Người dân vẫn đọc bản đang đăng');
    expect(screen.getByTestId('news-status').textContent).toBe('Đã đăng');
    expect(screen.getByRole('button', { name: 'Duyệt và đăng' })).toBeTruthy();
  });
});
