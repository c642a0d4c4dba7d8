// Texts of the cameras module, Vietnamese first.
import type { Messages } from '../../platform/i18n.ts';

export const messages: Messages = {
  vi: {
    'cameras.not_found': 'Không tìm thấy camera',
    'cameras.forbidden': 'Bạn không có quyền thêm camera ở đây',
    'cameras.code_taken': 'Mã camera này đã có',
    'cameras.unknown_commune': 'Không có xã/phường này',
  },
  en: {
    'cameras.not_found': 'Camera not found',
    'cameras.forbidden': 'You may not add a camera here',
    'cameras.code_taken': 'This camera code already exists',
    'cameras.unknown_commune': 'No such commune',
  },
};
