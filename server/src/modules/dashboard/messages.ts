import type { Messages } from '../../platform/i18n.ts';

export const messages: Messages = {
  vi: {
    'dashboard.area.unknown': 'Không có tỉnh hoặc xã, phường với mã này',
    'dashboard.area.forbidden': 'Bạn chỉ xem được số liệu trong địa bàn của mình',
  },
  en: {
    'dashboard.area.unknown': 'There is no province, commune or ward with this code',
    'dashboard.area.forbidden': 'You can only see figures for your own area',
  },
};
