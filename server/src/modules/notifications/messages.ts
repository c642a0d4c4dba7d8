import type { Messages } from '../../platform/i18n.ts';

export const messages: Messages = {
  vi: {
    'notifications.not_found': 'Không tìm thấy thông báo này',
    'notifications.push_unavailable': 'Máy chủ chưa bật thông báo đẩy',
    'notifications.endpoint_https': 'Địa chỉ nhận thông báo đẩy phải dùng https',
    'notifications.commune_unknown': 'Mã xã/phường không có trong danh mục',
    'notifications.communes_required': 'Thiết bị chưa đăng nhập cần chọn ít nhất một xã/phường',
    'notifications.subscription_not_found': 'Không tìm thấy đăng ký nhận thông báo này',
    'notifications.quiet_pair': 'Cần có cả giờ bắt đầu và giờ kết thúc',
    'notifications.erased': 'Hộp thư thông báo, đăng ký nhận thông báo trên các máy của bạn và cài đặt nhận tin',
    'notifications.dlr_signature': 'Chữ ký báo cáo trạng thái tin nhắn không hợp lệ hoặc đã quá hạn',
    'notifications.dlr_body': 'Báo cáo trạng thái tin nhắn không đúng định dạng',
  },
  en: {
    'notifications.not_found': 'Notification not found',
    'notifications.push_unavailable': 'Web Push is not configured on this server',
    'notifications.endpoint_https': 'The push endpoint must use https',
    'notifications.commune_unknown': 'Unknown commune code',
    'notifications.communes_required': 'A device that is not signed in must choose at least one commune',
    'notifications.subscription_not_found': 'Push subscription not found',
    'notifications.quiet_pair': 'Both the start and the end of quiet hours are needed',
    'notifications.erased': 'Your notification inbox, the push subscriptions of your devices and your notification settings',
    'notifications.dlr_signature': 'The delivery report’s signature is wrong or too old',
    'notifications.dlr_body': 'The delivery report is malformed',
  },
};
