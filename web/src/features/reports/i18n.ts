// Texts of the reports pages, added to the app's catalogue when the feature loads, so the
// shared locale files stay untouched. Vietnamese first, plain words.
import i18n from 'i18next';

const vi = {
  tile: { label: 'Phản ánh kiến nghị', description: 'Báo cho chính quyền việc cần xử lý' },
  nav: 'Phản ánh',
  public: { title: 'Phản ánh của người dân', map: 'Bản đồ phản ánh', list: 'Danh sách', empty: 'Chưa có phản ánh nào', new: 'Gửi phản ánh', mine: 'Phản ánh của tôi' },
  filter: { category: 'Lĩnh vực', status: 'Trạng thái', all: 'Tất cả', from: 'Từ ngày', to: 'Đến ngày', apply: 'Lọc', search: 'Tìm theo mã hoặc nội dung', urgency: 'Hạn xử lý', overdue: 'Quá hạn', dueSoon: 'Sắp đến hạn', sort: 'Sắp xếp', sortDue: 'Hạn sớm nhất', sortNewest: 'Mới nhất' },
  form: {
    title: 'Gửi phản ánh',
    step1: '1. Chọn lĩnh vực',
    step2: '2. Mô tả sự việc',
    step3: '3. Ảnh (không bắt buộc, tối đa 5 ảnh)',
    step4: '4. Vị trí',
    step5: '5. Gửi',
    back: 'Chọn lại lĩnh vực',
    description: 'Nội dung phản ánh',
    descriptionHint: 'Ghi rõ việc gì, ở đâu, từ khi nào (ít nhất 10 chữ)',
    photos: 'Chọn ảnh',
    photosHint: 'Ảnh JPEG, PNG hoặc WebP. Ảnh được thu nhỏ và xóa thông tin máy chụp trước khi gửi.',
    removePhoto: 'Bỏ ảnh {{n}}',
    photoLocation: 'Ảnh có vị trí chụp. Dùng vị trí này?',
    usePhotoLocation: 'Dùng vị trí của ảnh',
    gps: 'Dùng vị trí hiện tại (GPS)',
    gpsFailed: 'Không lấy được vị trí. Hãy chạm lên bản đồ để chọn.',
    mapHint: 'Chạm lên bản đồ để đặt ghim vào đúng chỗ.',
    pinCentre: 'Đặt ghim ở giữa bản đồ',
    pinned: 'Đã chọn vị trí: {{lat}}, {{lon}}',
    address: 'Địa chỉ (số nhà, đường, thôn)',
    commune: 'Xã/phường (khi không chọn trên bản đồ)',
    anonymous: 'Ẩn tên tôi với mọi người (cán bộ vẫn biết ai gửi)',
    submit: 'Gửi phản ánh',
    duplicatesTitle: 'Gần đây đã có phản ánh giống vậy',
    duplicatesText: 'Bạn có thể ủng hộ phản ánh có sẵn thay vì gửi thêm.',
    support: 'Ủng hộ (+1)',
    supported: 'Đã ủng hộ',
    sent: 'Đã gửi phản ánh. Mã theo dõi: {{code}}',
    queued: 'Chưa có mạng. Phản ánh đã được lưu và sẽ tự gửi khi có mạng lại.',
    required: 'Bắt buộc phải có',
    tooShort: 'Hãy viết ít nhất 10 chữ',
    noPlace: 'Hãy chọn vị trí trên bản đồ, dùng GPS, hoặc chọn xã/phường và nhập địa chỉ',
    tooMany: 'Chỉ gửi được tối đa 5 ảnh',
    notImage: 'Tệp này không phải ảnh',
  },
  detail: {
    code: 'Mã theo dõi',
    received: 'Ngày gửi',
    due: 'Hạn xử lý',
    agency: 'Cơ quan xử lý',
    place: 'Địa điểm',
    answer: 'Trả lời của cơ quan',
    timeline: 'Quá trình xử lý',
    supporters: '{{n}} người ủng hộ',
    follow: 'Theo dõi',
    unfollow: 'Bỏ theo dõi',
    rateTitle: 'Bạn thấy kết quả thế nào?',
    stars: '{{n}} sao',
    comment: 'Góp ý thêm (không bắt buộc)',
    rate: 'Gửi đánh giá',
    reopenTitle: 'Việc chưa được giải quyết?',
    reopenReason: 'Lý do mở lại',
    reopen: 'Mở lại phản ánh',
    infoTitle: 'Cơ quan cần thêm thông tin',
    infoText: 'Câu trả lời của bạn',
    infoSend: 'Gửi thông tin',
    rated: 'Bạn đã đánh giá {{n}} sao',
    photos: 'Ảnh',
  },
  kinds: {
    created: 'Đã gửi phản ánh', accept: 'Đã tiếp nhận', reject: 'Không tiếp nhận', assign: 'Đã giao cán bộ xử lý', start: 'Bắt đầu xử lý',
    request_info: 'Đề nghị bổ sung thông tin', info_provided: 'Người dân đã bổ sung', resume: 'Tiếp tục xử lý', resolve: 'Đã xử lý xong', rated: 'Người dân đánh giá',
    reopened: 'Mở lại', transfer: 'Chuyển cơ quan khác', merge: 'Gộp vào phản ánh khác', merged_in: 'Gộp phản ánh trùng', reply: 'Trả lời', note: 'Ghi chú nội bộ',
    auto_closed: 'Tự đóng sau 7 ngày', close: 'Đã đóng', moderated: 'Kiểm duyệt', escalated: 'Báo lãnh đạo vì quá hạn', photo_moderated: 'Duyệt ảnh',
  },
  staff: {
    inbox: 'Phản ánh cần xử lý',
    empty: 'Không có phản ánh nào',
    export: 'Tải CSV',
    reporter: 'Người gửi',
    anonymousFlag: 'Ẩn danh với công chúng',
    notes: 'Ghi chú nội bộ',
    addNote: 'Thêm ghi chú',
    reply: 'Trả lời công khai',
    sendReply: 'Gửi trả lời',
    actions: 'Xử lý',
    accept: 'Tiếp nhận',
    reject: 'Không tiếp nhận',
    assignMe: 'Giao cho tôi',
    start: 'Bắt đầu xử lý',
    requestInfo: 'Đề nghị bổ sung',
    resume: 'Tiếp tục xử lý',
    resolve: 'Hoàn thành',
    transfer: 'Chuyển cơ quan',
    merge: 'Gộp vào phản ánh',
    reason: 'Lý do',
    answer: 'Nội dung trả lời người dân',
    question: 'Cần bổ sung gì?',
    agencyCode: 'Mã cơ quan nhận',
    target: 'Mã phản ánh gốc',
    template: 'Dùng mẫu trả lời',
    approve: 'Cho hiện công khai',
    hide: 'Ẩn ảnh',
    pending: 'Chờ duyệt',
    done: 'Đã cập nhật',
    urgency: { ok: 'Trong hạn', due_soon: 'Sắp đến hạn', overdue: 'Quá hạn' },
  },
};

const en: typeof vi = {
  tile: { label: 'Report a problem', description: 'Tell the authorities what needs fixing' },
  nav: 'Reports',
  public: { title: 'Citizen reports', map: 'Map of reports', list: 'List', empty: 'No reports yet', new: 'Report a problem', mine: 'My reports' },
  filter: { category: 'Category', status: 'Status', all: 'All', from: 'From', to: 'To', apply: 'Filter', search: 'Search by code or text', urgency: 'Deadline', overdue: 'Overdue', dueSoon: 'Due soon', sort: 'Sort', sortDue: 'Earliest deadline', sortNewest: 'Newest' },
  form: {
    title: 'Report a problem', step1: '1. Choose a category', step2: '2. Describe it', step3: '3. Photos (optional, up to 5)', step4: '4. Place', step5: '5. Send',
    back: 'Choose another category', description: 'What is the problem?', descriptionHint: 'Say what, where and since when (at least 10 characters)',
    photos: 'Choose photos', photosHint: 'JPEG, PNG or WebP. Photos are made smaller and camera details removed before sending.', removePhoto: 'Remove photo {{n}}',
    photoLocation: 'The photo knows where it was taken. Use that place?', usePhotoLocation: 'Use the photo\'s place', gps: 'Use my location (GPS)',
    gpsFailed: 'Could not get your location. Tap the map instead.', mapHint: 'Tap the map to put the pin in the right place.', pinCentre: 'Pin the centre of the map', pinned: 'Place chosen: {{lat}}, {{lon}}',
    address: 'Address (house number, street, village)', commune: 'Commune or ward (when not chosen on the map)', anonymous: 'Hide my name from the public (staff still know who sent it)',
    submit: 'Send report', duplicatesTitle: 'A similar report was sent nearby', duplicatesText: 'You can support the existing report instead of sending another.',
    support: 'Support (+1)', supported: 'Supported', sent: 'Report sent. Tracking code: {{code}}', queued: 'No network. The report is saved and will be sent when the network is back.',
    required: 'Required', tooShort: 'Please write at least 10 characters', noPlace: 'Choose a place on the map, use GPS, or choose a commune and type an address',
    tooMany: 'At most 5 photos', notImage: 'This file is not a photo',
  },
  detail: {
    code: 'Tracking code', received: 'Sent on', due: 'Due', agency: 'Handled by', place: 'Place', answer: 'Answer from the agency', timeline: 'History',
    supporters: '{{n}} supporters', follow: 'Follow', unfollow: 'Unfollow', rateTitle: 'How was the outcome?', stars: '{{n}} stars', comment: 'Comment (optional)', rate: 'Send rating',
    reopenTitle: 'Not really fixed?', reopenReason: 'Why reopen', reopen: 'Reopen the report', infoTitle: 'The agency needs more information', infoText: 'Your answer', infoSend: 'Send',
    rated: 'You rated it {{n}} stars', photos: 'Photos',
  },
  kinds: {
    created: 'Report sent', accept: 'Accepted', reject: 'Rejected', assign: 'Assigned to an officer', start: 'Work started', request_info: 'More information requested',
    info_provided: 'Citizen added information', resume: 'Work resumed', resolve: 'Resolved', rated: 'Citizen rated', reopened: 'Reopened', transfer: 'Transferred', merge: 'Merged into another report',
    merged_in: 'Duplicate merged in', reply: 'Reply', note: 'Internal note', auto_closed: 'Closed after 7 days', close: 'Closed', moderated: 'Moderated', escalated: 'Escalated as overdue', photo_moderated: 'Photo reviewed',
  },
  staff: {
    inbox: 'Reports to handle', empty: 'No reports', export: 'Download CSV', reporter: 'Sent by', anonymousFlag: 'Anonymous to the public', notes: 'Internal notes', addNote: 'Add note',
    reply: 'Public reply', sendReply: 'Send reply', actions: 'Actions', accept: 'Accept', reject: 'Reject', assignMe: 'Assign to me', start: 'Start work', requestInfo: 'Ask for information',
    resume: 'Resume', resolve: 'Resolve', transfer: 'Transfer', merge: 'Merge into report', reason: 'Reason', answer: 'Answer to the citizen', question: 'What is needed?',
    agencyCode: 'Agency code', target: 'Original report code', template: 'Use a template', approve: 'Show publicly', hide: 'Hide photo', pending: 'Waiting for review', done: 'Updated',
    urgency: { ok: 'On time', due_soon: 'Due soon', overdue: 'Overdue' },
  },
};

const TEXTS = { vi, en } as const;

/** Adds the texts once the language's main bundle is there (English loads on demand; adding ours first would stop it loading). */
function addFor(lng: string): void {
  if (lng !== 'vi' && lng !== 'en') return;
  if (!i18n.hasResourceBundle(lng, 'translation') || i18n.exists('reports.nav', { lng, fallbackLng: [] })) return;
  i18n.addResourceBundle(lng, 'translation', { reports: TEXTS[lng] }, true, false);
}

let hooked = false;
export function addReportTexts(): void {
  if (hooked) return;
  hooked = true;
  const hook = () => {
    addFor('vi');
    addFor('en');
    i18n.store.on('added', (lng: string) => addFor(lng));
  };
  if (i18n.isInitialized) hook();
  else i18n.on('initialized', hook);
}
addReportTexts();
