// Texts of the environment module, Vietnamese first.
import type { Messages } from '../../platform/i18n.ts';

export const messages: Messages = {
  vi: {
    'environment.not_found': 'Không tìm thấy trạm quan trắc',
    'environment.forbidden': 'Bạn không có quyền quản lý trạm này',
    'environment.station_key': 'Thiếu hoặc sai khóa của trạm',
    'environment.code_taken': 'Mã trạm này đã có',
    'environment.future': 'Thời điểm đo không được ở tương lai',
    'environment.no_station': 'Chưa có trạm quan trắc loại này',
    'environment.csv_header': 'Dòng đầu của tệp CSV phải là: station,at,… (thiếu cột {column})',
    'environment.csv_row': 'Dòng {line} của tệp CSV không đọc được: {reason}',
    'environment.unknown_commune': 'Không có xã/phường này',
    'environment.empty_reading': 'Lần đo này không có số liệu nào',
    'environment.csv_station': 'Tệp CSV có mã trạm chưa đăng ký: {code}',
  },
  en: {
    'environment.not_found': 'Monitoring station not found',
    'environment.forbidden': 'You may not manage this station',
    'environment.station_key': 'The station key is missing or wrong',
    'environment.code_taken': 'This station code already exists',
    'environment.future': 'The measurement time may not be in the future',
    'environment.no_station': 'No station of this kind yet',
    'environment.csv_header': 'The CSV header must be: station,at,… (missing column {column})',
    'environment.csv_row': 'Line {line} of the CSV cannot be read: {reason}',
    'environment.unknown_commune': 'No such commune',
    'environment.empty_reading': 'This reading holds no measurement',
    'environment.csv_station': 'The CSV names a station that is not registered: {code}',
  },
};
