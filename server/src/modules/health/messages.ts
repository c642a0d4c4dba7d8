import type { Messages } from '../../platform/i18n.ts';

export const messages: Messages = {
  vi: {
    'health.eid_required': 'Cần đăng nhập bằng tài khoản định danh điện tử (VNeID) để xem sổ sức khỏe',
    'health.consent_required': 'Cần đồng ý cho ứng dụng đọc hồ sơ sức khỏe trước khi xem',
    'health.consent_version': 'Nội dung đồng ý đã thay đổi, vui lòng tải lại trang và đọc lại',
    'health.patient_not_found': 'Hệ thống y tế chưa có hồ sơ sức khỏe điện tử của ông/bà',
    'health.upstream': 'Hệ thống y tế đang không trả lời. Vui lòng thử lại sau.',
    'health.off': 'Sổ sức khỏe điện tử chưa được kết nối',
    'health.source': 'Hệ thống thông tin y tế',
    'health.erased.consents': 'Sự đồng ý cho xem sổ sức khỏe điện tử (hồ sơ sức khỏe không được lưu ở đây)',
  },
  en: {
    'health.eid_required': 'Sign in with the national eID (VNeID) to see your health book',
    'health.consent_required': 'Give your consent to read your health record first',
    'health.consent_version': 'The consent text has changed; reload the page and read it again',
    'health.patient_not_found': 'The health system has no electronic health record for you yet',
    'health.upstream': 'The health system is not answering. Please try again later.',
    'health.off': 'The health book is not connected',
    'health.source': 'Health information system',
    'health.erased.consents': 'Your consent to read the health book (the health record itself is never stored here)',
  },
};
