import type { Messages } from '../../platform/i18n.ts';

export const messages: Messages = {
  vi: {
    'directory.agency.not_found': 'Không tìm thấy cơ quan này',
    'directory.forbidden': 'Chỉ cán bộ của cơ quan này mới được sửa thông tin của cơ quan',
    'directory.welfare.not_found': 'Không tìm thấy chế độ này',
    'directory.hours.invalid': 'Giờ làm việc không hợp lệ (giờ kết thúc phải sau giờ bắt đầu, các buổi không chồng nhau)',
    'directory.location.both': 'Cần cả vĩ độ và kinh độ, hoặc bỏ trống cả hai',
    'directory.near.both': 'Cần cả vĩ độ và kinh độ để tìm nơi gần bạn',
  },
  en: {
    'directory.agency.not_found': 'Agency not found',
    'directory.forbidden': "Only this agency's staff may edit its entry",
    'directory.welfare.not_found': 'Benefit not found',
    'directory.hours.invalid': 'Invalid opening hours (each period must end after it starts, periods must not overlap)',
    'directory.location.both': 'Give both latitude and longitude, or neither',
    'directory.near.both': 'Give both latitude and longitude to search near you',
  },
};
