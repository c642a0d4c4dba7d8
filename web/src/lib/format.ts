import i18n from 'i18next';

function locale(): string {
  return i18n.language === 'en' ? 'en-GB' : 'vi-VN';
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  // a bare day has no time zone: show that day, wherever the reader is
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return new Date(`${iso}T00:00:00Z`).toLocaleDateString(locale(), { timeZone: 'UTC' });
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(locale());
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(locale(), { dateStyle: 'short', timeStyle: 'short' });
}

export function formatNumber(n: number): string {
  return n.toLocaleString(locale());
}
