import type { Messages } from '../../platform/i18n.ts';

export const messages: Messages = {
  vi: {
    'alerts.not_found': 'Không tìm thấy cảnh báo này',
    'alerts.forbidden': 'Bạn không có quyền thực hiện việc này với cảnh báo này',
    'alerts.expires_past': 'Thời điểm hết hiệu lực phải sau thời điểm bắt đầu và sau hiện tại',
    'alerts.commune_unknown': 'Mã xã/phường không có trong danh mục',
    'alerts.polygon_open': 'Vùng vẽ phải khép kín (điểm đầu trùng điểm cuối)',
    'alerts.area_empty': 'Vùng cảnh báo không chứa xã/phường nào',
    'alerts.language_twice': 'Mỗi ngôn ngữ chỉ một bản dịch, tiếng Việt là bản chính',
    'alerts.not_draft': 'Cảnh báo này không còn là bản nháp',
    'alerts.expired': 'Cảnh báo đã hết hiệu lực, không thể gửi',
    'alerts.not_followable': 'Chỉ cập nhật hoặc hủy được cảnh báo đã gửi và còn hiệu lực',
    'alerts.status_differs': 'Cập nhật phải giữ nguyên loại cảnh báo (thật, diễn tập, thử nghiệm)',
    'alerts.location_pair': 'Cần có cả vĩ độ và kinh độ',
    'alerts.erased.answers': 'Các trả lời của bạn cho cảnh báo khẩn cấp ("Tôi an toàn", "Tôi cần giúp đỡ") cùng vị trí kèm theo',
  },
  en: {
    'alerts.not_found': 'Alert not found',
    'alerts.forbidden': 'You may not do this with this alert',
    'alerts.expires_past': 'Expiry must be after the start and in the future',
    'alerts.commune_unknown': 'Unknown commune code',
    'alerts.polygon_open': 'The polygon must be closed (first point = last point)',
    'alerts.area_empty': 'The alert area contains no commune',
    'alerts.language_twice': 'One translation per language; Vietnamese is the main text',
    'alerts.not_draft': 'This alert is no longer a draft',
    'alerts.expired': 'The alert has expired and cannot be sent',
    'alerts.not_followable': 'Only a sent alert in force can be updated or cancelled',
    'alerts.status_differs': 'An update keeps the status (Actual, Exercise, Test)',
    'alerts.location_pair': 'Both latitude and longitude are needed',
    'alerts.erased.answers': 'Your answers to emergency alerts ("I am safe", "I need help") and the location sent with them',
  },
};
