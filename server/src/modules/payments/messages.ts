import type { Messages } from '../../platform/i18n.ts';

export const messages: Messages = {
  vi: {
    'payments.not_found': 'Không tìm thấy khoản thanh toán này',
    'payments.nothing_to_pay': 'Không có khoản phí nào cần nộp cho hồ sơ này',
    'payments.already_paid': 'Khoản này đã được thanh toán',
    'payments.not_open': 'Khoản thanh toán này đã hết hạn hoặc đã đóng. Vui lòng tạo lại.',
    'payments.not_paid': 'Khoản này chưa được thanh toán nên chưa có biên lai',
    'payments.not_refundable': 'Chỉ hoàn được khoản đã thanh toán thành công',
    'payments.busy': 'Đang có một giao dịch khác cho khoản này. Vui lòng thử lại.',
    'payments.forbidden': 'Bạn không có quyền với khoản thanh toán này',
    'payments.bad_signature': 'Chữ ký thông báo không hợp lệ',
    'payments.receipt_unknown': 'Biên lai không có thật hoặc đường dẫn kiểm tra sai',
    'payments.gateway_error': 'Cổng thanh toán trả lời không hợp lệ',
    'payments.gateway_refused': 'Cổng thanh toán từ chối (mã {code})',
    'payments.channel_off': 'Hình thức thanh toán này chưa được cấu hình',
  },
  en: {
    'payments.not_found': 'Payment not found',
    'payments.nothing_to_pay': 'There is no fee to pay for this dossier',
    'payments.already_paid': 'This has already been paid',
    'payments.not_open': 'This payment has expired or is closed. Please start again.',
    'payments.not_paid': 'This is not paid yet, so there is no receipt',
    'payments.not_refundable': 'Only a successful payment can be refunded',
    'payments.busy': 'Another transaction for this is in progress. Please try again.',
    'payments.forbidden': 'You may not act on this payment',
    'payments.bad_signature': 'The notification signature is not valid',
    'payments.receipt_unknown': 'No such receipt, or the check link is wrong',
    'payments.gateway_error': 'The payment gateway answered with something invalid',
    'payments.gateway_refused': 'The payment gateway refused (code {code})',
    'payments.channel_off': 'This payment method is not configured',
  },
};
