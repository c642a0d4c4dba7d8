// Official news on the client: queries and mutations. Reply shapes come from @cds/contracts.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EditorList, EditorNewsItem, FollowedTopics, NewsArticle, NewsEdit, NewsFile, NewsInput, NewsList } from '@cds/contracts/news';
import { api } from '../../lib/api.ts';

export type { EditorList, EditorListItem, EditorNewsItem, NewsArticle, NewsEdit, NewsFile, NewsInput, NewsSummary, NewsText } from '@cds/contracts/news';

/** May write and review news (the server's ability). */
export const EDIT_ABILITY = 'news.edit';

export function newsQueryString(p: { topic?: string; followed?: boolean; limit?: number }): string {
  const qs = new URLSearchParams();
  if (p.topic) qs.set('topic', p.topic);
  if (p.followed) qs.set('followed', 'true');
  qs.set('limit', String(p.limit ?? 20));
  return qs.toString();
}

export function useNewsList(p: { topic?: string; followed?: boolean; limit?: number }, signedIn: boolean) {
  const qs = newsQueryString(p);
  return useQuery({
    // the list depends on who asks (their commune)
    queryKey: ['news', 'list', qs, signedIn],
    queryFn: ({ signal }) => api<NewsList>(`/api/news?${qs}`, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useArticle(id: string) {
  return useQuery({
    queryKey: ['news', 'article', id],
    queryFn: ({ signal }) => api<NewsArticle>(`/api/news/${encodeURIComponent(id)}`, { signal }),
    staleTime: 60_000,
  });
}

export function useTopics() {
  return useQuery({
    queryKey: ['news', 'topics'],
    queryFn: ({ signal }) => api<FollowedTopics>('/api/news/topics', { signal }),
    staleTime: Infinity,
  });
}

export function useFollowed(enabled: boolean) {
  return useQuery({
    queryKey: ['news', 'followed'],
    queryFn: ({ signal }) => api<FollowedTopics>('/api/me/news/topics', { signal }),
    enabled,
  });
}

export function useFollow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (topics: string[]) => api<FollowedTopics>('/api/me/news/topics', { method: 'PUT', body: { topics } }),
    onSuccess: (data) => {
      client.setQueryData(['news', 'followed'], data);
      void client.invalidateQueries({ queryKey: ['news', 'list'] });
    },
  });
}

// ------------------------------------------------------------------ editors' desk

export function useDeskList(status: string) {
  return useQuery({
    queryKey: ['news', 'desk', status],
    queryFn: ({ signal }) => api<EditorList>(`/api/news-desk/items?limit=100${status ? `&status=${status}` : ''}`, { signal }),
  });
}

export const deskItemKey = (id: string) => ['news', 'desk-item', id] as const;

export function useDeskItem(id: string | undefined) {
  return useQuery({
    queryKey: deskItemKey(id ?? ''),
    queryFn: ({ signal }) => api<EditorNewsItem>(`/api/news-desk/items/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: !!id,
  });
}

/** Saves a new draft (POST) or changes to an item (PATCH). */
export function useSaveItem(id: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewsInput | NewsEdit) =>
      id ? api<EditorNewsItem>(`/api/news-desk/items/${id}`, { method: 'PATCH', body }) : api<EditorNewsItem>('/api/news-desk/items', { method: 'POST', body }),
    onSuccess: (item) => {
      client.setQueryData(deskItemKey(item.id), item);
      void client.invalidateQueries({ queryKey: ['news'] });
    },
  });
}

export function useItemAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, note }: { action: 'submit' | 'approve' | 'return' | 'withdraw'; note?: string }) =>
      api<EditorNewsItem>(`/api/news-desk/items/${id}/${action}`, { method: 'POST', body: note === undefined ? {} : { note } }),
    onSuccess: (item) => {
      client.setQueryData(deskItemKey(item.id), item);
      void client.invalidateQueries({ queryKey: ['news'] });
    },
  });
}

/** Reads a chosen file as base64 (without the data: prefix) for the upload route. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^;]*;base64,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export async function uploadFile(file: File): Promise<NewsFile> {
  return api<NewsFile>('/api/news-desk/files', { method: 'POST', body: { name: file.name, contentBase64: await readAsBase64(file) } });
}

/** Shares a link with the phone's share sheet, or copies it where there is none. */
export async function shareLink(url: string, title: string): Promise<'shared' | 'copied' | 'failed'> {
  try {
    if (typeof navigator.share === 'function') {
      await navigator.share({ title, url });
      return 'shared';
    }
    await navigator.clipboard.writeText(url);
    return 'copied';
  } catch {
    return 'failed';
  }
}
