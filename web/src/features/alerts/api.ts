// Emergency alerts on the client: queries, actions, and this device's Web Push
// subscription. Reply shapes come from @cds/contracts.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Alert, AlertArea, AlertDraftInput, AlertList, AlertReport, AnswerInput, AreaPreview } from '@cds/contracts/alerts';
import type { PushSubscriptionReply, VapidKeyReply } from '@cds/contracts/notifications';
import { api } from '../../lib/api.ts';

export type { Alert, AlertDraftInput, AlertReport };

export const alertsKey = ['alerts'] as const;

/** Alerts in force for a commune; polled so an open app learns of a new one within a minute. */
export function useCurrentAlerts(commune: string | null | undefined) {
  return useQuery({
    queryKey: [...alertsKey, 'current', commune],
    queryFn: ({ signal }) => api<AlertList>(`/api/alerts?current=true&commune=${encodeURIComponent(commune ?? '')}`, { signal }),
    enabled: !!commune,
    refetchInterval: 30_000,
  });
}

export function useAlertHistory(commune: string | null | undefined) {
  const qs = commune ? `?commune=${encodeURIComponent(commune)}` : '';
  return useQuery({ queryKey: [...alertsKey, 'history', commune], queryFn: ({ signal }) => api<AlertList>(`/api/alerts${qs}`, { signal }) });
}

export function useAlert(id: string | undefined) {
  return useQuery({ queryKey: [...alertsKey, 'one', id], queryFn: ({ signal }) => api<Alert>(`/api/alerts/${id ?? ''}`, { signal }), enabled: !!id });
}

export function useAnswer(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AnswerInput) => api<Alert>(`/api/alerts/${id}/answers`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: alertsKey }),
  });
}

export function useStaffAlerts() {
  return useQuery({ queryKey: [...alertsKey, 'staff'], queryFn: ({ signal }) => api<AlertList>('/api/staff/alerts', { signal }), refetchInterval: 15_000 });
}

export function useAlertReport(id: string | null) {
  return useQuery({
    queryKey: [...alertsKey, 'report', id],
    queryFn: ({ signal }) => api<AlertReport>(`/api/staff/alerts/${id ?? ''}/report`, { signal }),
    enabled: !!id,
    refetchInterval: 10_000,
  });
}

/** What a drawn area covers (communes, residents), asked before the draft is saved. */
export function useAreaPreview() {
  return useMutation({ mutationFn: (area: AlertArea) => api<AreaPreview>('/api/staff/alerts/area-preview', { method: 'POST', body: area }) });
}

export function useStaffAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (a: { path: string; body?: unknown }) => api<Alert>(a.path, { method: 'POST', body: a.body }),
    onSettled: () => client.invalidateQueries({ queryKey: alertsKey }),
  });
}

function base64UrlToBytes(s: string): Uint8Array<ArrayBuffer> {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4);
  const raw = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

export function pushSupported(): boolean {
  return typeof navigator !== 'undefined' && 'serviceWorker' in navigator && typeof window !== 'undefined' && 'PushManager' in window;
}

/** Asks permission, subscribes this browser with the server's VAPID key, registers it. */
export async function subscribeThisDevice(communes: string[]): Promise<PushSubscriptionReply> {
  const { publicKey } = await api<VapidKeyReply>('/api/push/vapid-public-key');
  if ((await Notification.requestPermission()) !== 'granted') throw new Error('permission');
  const reg = await navigator.serviceWorker.ready;
  const sub = (await reg.pushManager.getSubscription()) ?? (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlToBytes(publicKey) }));
  const json = sub.toJSON() as { endpoint: string; keys: { p256dh: string; auth: string } };
  return api<PushSubscriptionReply>('/api/push/subscriptions', { method: 'POST', body: { endpoint: json.endpoint, keys: json.keys, communes } });
}
