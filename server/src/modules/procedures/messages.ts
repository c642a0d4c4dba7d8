// Texts of the procedures module, Vietnamese first, in plain words.
import type { Messages } from '../../platform/i18n.ts';

/** Life events (sự kiện trong đời) people browse procedures by. */
export const LIFE_EVENTS: Record<string, { vi: string; en: string }> = {
  having_baby: { vi: 'Sinh con', en: 'Having a baby' },
  getting_married: { vi: 'Kết hôn', en: 'Getting married' },
  death_in_family: { vi: 'Gia đình có người mất', en: 'A death in the family' },
  moving_house: { vi: 'Chuyển nơi ở', en: 'Moving house' },
  building_house: { vi: 'Xây, sửa nhà', en: 'Building or repairing a house' },
  buying_land: { vi: 'Mua bán, thừa kế nhà đất', en: 'Buying, selling or inheriting land' },
  starting_business: { vi: 'Mở cửa hàng, kinh doanh', en: 'Starting a business' },
  starting_job: { vi: 'Đi làm, xin việc', en: 'Starting a job' },
  losing_job: { vi: 'Mất việc làm', en: 'Losing a job' },
  travelling_abroad: { vi: 'Đi nước ngoài', en: 'Travelling abroad' },
  turning_14: { vi: 'Con tròn 14 tuổi', en: 'Turning 14' },
  buying_vehicle: { vi: 'Mua xe', en: 'Buying a vehicle' },
  school: { vi: 'Đi học', en: 'School' },
  old_age: { vi: 'Người cao tuổi', en: 'Old age' },
  disability: { vi: 'Người khuyết tật', en: 'Disability' },
  natural_disaster: { vi: 'Thiên tai, mất mùa', en: 'Natural disaster' },
};

const vi: Record<string, string> = {
  'procedures.not_found': 'Không tìm thấy thủ tục này',
  'procedures.template_not_found': 'Không có mẫu đơn này để tải về',
  'procedures.code_taken': 'Mã thủ tục {code} đã có',
  'procedures.agency_unknown': 'Không có cơ quan với mã này',
  'procedures.agency_commune': 'Thủ tục cấp xã do Ủy ban nhân dân xã của người nộp giải quyết, không ghi mã cơ quan',
  'procedures.agency_required': 'Thủ tục cấp tỉnh nộp trên ứng dụng phải có mã cơ quan giải quyết',
  'procedures.template_missing': 'Không có tệp mẫu này trong bộ dữ liệu của tỉnh',
  'procedures.document_key_repeated': 'Mã giấy tờ bị trùng',
  'procedures.life_event_unknown': 'Không có sự kiện này',
  'procedures.schema.not_object': 'Phải là một đối tượng',
  'procedures.schema.unsupported': 'Thuộc tính này không được hỗ trợ trong mẫu tờ khai',
  'procedures.schema.root_type': 'Mẫu tờ khai phải có type là "object"',
  'procedures.schema.no_fields': 'Mẫu tờ khai phải có từ 1 đến 100 trường',
  'procedures.schema.required_list': 'Danh sách trường bắt buộc phải là một mảng',
  'procedures.schema.required_unknown': 'Trường bắt buộc này không có trong mẫu',
  'procedures.schema.field_name': 'Tên trường chỉ gồm chữ cái không dấu, chữ số và dấu gạch dưới',
  'procedures.schema.field_type': 'Kiểu trường phải là string, integer, number hoặc boolean',
  'procedures.schema.title': 'Trường phải có tiêu đề',
  'procedures.schema.text': 'Phải là chữ',
  'procedures.schema.enum': 'Danh sách lựa chọn chỉ dùng cho trường chữ và phải có ít nhất một giá trị',
  'procedures.schema.format': 'Định dạng chỉ có thể là date hoặc email, cho trường chữ',
  'procedures.schema.length': 'Độ dài phải là số nguyên không âm, cho trường chữ',
  'procedures.schema.bound': 'Giới hạn chỉ dùng cho trường số',
  'procedures.schema.range': 'Giá trị nhỏ nhất lớn hơn giá trị lớn nhất',
  'procedures.schema.personal_id': 'Chỉ trường chữ mới đánh dấu được là số định danh cá nhân (true hoặc false)',
  'procedures.schema.pattern': 'Mẫu kiểm tra (pattern) không hợp lệ',
  'procedures.fee.free': 'Miễn phí',
  'procedures.fee.from': 'Từ {amount} đồng',
  'procedures.fee.one': '{amount} đồng',
};

const en: Record<string, string> = {
  'procedures.not_found': 'This procedure was not found',
  'procedures.template_not_found': 'There is no such template to download',
  'procedures.code_taken': 'Procedure code {code} already exists',
  'procedures.agency_unknown': 'No agency has this code',
  'procedures.agency_commune': "Commune procedures are handled by the applicant's commune committee; leave the agency code empty",
  'procedures.agency_required': 'A provincial procedure offered online here needs the code of the agency that handles it',
  'procedures.template_missing': "The province pack has no such template file",
  'procedures.document_key_repeated': 'This document key is used twice',
  'procedures.life_event_unknown': 'Unknown life event',
  'procedures.schema.not_object': 'Must be an object',
  'procedures.schema.unsupported': 'This keyword is not supported in application forms',
  'procedures.schema.root_type': 'The form must have type "object"',
  'procedures.schema.no_fields': 'The form must have between 1 and 100 fields',
  'procedures.schema.required_list': 'The required fields must be a list',
  'procedures.schema.required_unknown': 'This required field is not in the form',
  'procedures.schema.field_name': 'Field names use ASCII letters, digits and underscores',
  'procedures.schema.field_type': 'Field type must be string, integer, number or boolean',
  'procedures.schema.title': 'The field needs a title',
  'procedures.schema.text': 'Must be text',
  'procedures.schema.enum': 'A list of choices is for text fields and needs at least one value',
  'procedures.schema.format': 'Format can be date or email, for text fields',
  'procedures.schema.length': 'Lengths are non-negative integers, for text fields',
  'procedures.schema.bound': 'Bounds are for number fields',
  'procedures.schema.range': 'The minimum is larger than the maximum',
  'procedures.schema.personal_id': 'Only a string field can be marked as a personal ID number (true or false)',
  'procedures.schema.pattern': 'The pattern is not a valid regular expression',
  'procedures.fee.free': 'Free',
  'procedures.fee.from': 'From {amount} VND',
  'procedures.fee.one': '{amount} VND',
};

for (const [key, name] of Object.entries(LIFE_EVENTS)) {
  vi[`procedures.life.${key}`] = name.vi;
  en[`procedures.life.${key}`] = name.en;
}

export const messages: Messages = { vi, en };
