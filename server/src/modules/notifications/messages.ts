import type { Messages } from '../../platform/i18n.ts';

export const messages: Messages = {
  vi: { 'notifications.not_found': 'Không tìm thấy thông báo này' },
  en: { 'notifications.not_found': 'Notification not found' },
};
