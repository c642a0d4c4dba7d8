import type { Messages } from '../../platform/i18n.ts';

export const messages: Messages = {
  vi: {
    'land.point.outside': 'Điểm này nằm ngoài tỉnh',
    'land.parcel.none_here': 'Không có thửa đất nào tại điểm này trong dữ liệu địa chính',
    'land.parcel.not_found': 'Không tìm thấy thửa đất',
    'land.key.empty': 'Nhập ít nhất một phần của số hiệu thửa: xã, số tờ hoặc số thửa',
    'land.commune.unknown': 'Không có xã, phường (hiện nay hoặc trước sáp nhập) với mã này',
    'land.import.forbidden': 'Bạn không có quyền nhập dữ liệu đất đai',
    'land.import.srid': 'Hệ tọa độ phải là VN-2000 múi 3° của tỉnh (EPSG 9210, 9215, 5897, 5899) hoặc WGS 84 (4326)',
    'land.import.plan_required': 'Nhập vùng quy hoạch cần tên, số và ngày quyết định phê duyệt',
    'land.import.no_file': 'Chưa có tệp: gửi một tệp GeoJSON (file) hoặc cặp tệp Shapefile (shp và dbf)',
    'land.import.bad_file': 'Không đọc được tệp: {reason}',
    'land.disclaimer': 'Thông tin tra cứu chỉ để tham khảo, không thay thế Giấy chứng nhận quyền sử dụng đất hay văn bản của cơ quan nhà nước có thẩm quyền.',
    'land.demo_notice': 'Dữ liệu mô phỏng để trình diễn, không phải thửa đất thật',
    'land.sheet_title': 'Phiếu thông tin thửa đất',
  },
  en: {
    'land.point.outside': 'This point is outside the province',
    'land.parcel.none_here': 'No parcel at this point in the cadastral data',
    'land.parcel.not_found': 'Parcel not found',
    'land.key.empty': 'Give at least one part of the parcel key: commune, sheet or parcel number',
    'land.commune.unknown': 'There is no commune (current or former) with this code',
    'land.import.forbidden': 'You may not import land data',
    'land.import.srid': 'The coordinate system must be a VN-2000 TM-3 zone of the province (EPSG 9210, 9215, 5897, 5899) or WGS 84 (4326)',
    'land.import.plan_required': 'Importing zoning needs the plan name, decision number and decision date',
    'land.import.no_file': 'No file: send a GeoJSON file (file) or a Shapefile pair (shp and dbf)',
    'land.import.bad_file': 'Cannot read the file: {reason}',
    'land.disclaimer': 'This information is for reference only; it does not replace a land use right certificate or a decision of a competent authority.',
    'land.demo_notice': 'Synthetic demo data, not real parcels',
    'land.sheet_title': 'Parcel information sheet',
  },
};
