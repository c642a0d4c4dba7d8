// Replies of the API that the web tests serve from their fake server. Each one is typed by
// its contract and checked against the contract's schema in fixtures.test.ts, so when a
// reply shape changes on the server, the tests that pretend to be the server fail too.
// Add a fixture here (not inline in a test) and give it its schema in fixtures.test.ts.
import type { Commune } from '@cds/contracts/areas';
import type { Consent, Me, OtpStarted, Prefill, SignedInReply, UserView } from '@cds/contracts/identity';
import type { Inbox, ReadAllReply } from '@cds/contracts/notifications';
import type { LifeEventItem, Procedure, SearchItem, SectorItem } from '@cds/contracts/procedures';
import type { Installation } from '@cds/contracts/system';

/** GET /api/features */
export const INSTALLATION = {
  province: { code: '20', name: 'Lạng Sơn' },
  brand: {
    appName: 'Công dân số Xứ Lạng',
    shortName: 'Xứ Lạng số',
    tagline: 'Chính quyền gần dân',
    hotline: '1022',
    colors: { primary: '#0b5c3b', primaryContrast: '#ffffff', accent: '#c8102e' },
  },
  demoMode: false,
  features: [],
} satisfies Installation;

/** A citizen's profile, as sign-in replies carry it. */
const PROFILE = {
  id: '0b9d6f7e-5c1a-4a8e-9f3d-2e1c0b9a8d71',
  phone: '0900000001',
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '1980-05-01',
  sex: 'male',
  personalIdMasked: '********1234',
  communeCode: null,
  communeName: null,
  address: null,
  eidLinked: false,
  eidLevel: null,
  roles: ['citizen'],
  memberships: [],
  createdAt: '2026-01-01T00:00:00Z',
  deletionRequestedAt: null,
  deletionDueAt: null,
} satisfies UserView;

/** GET /api/me: a citizen with a full profile (a citizen has no abilities of staff). */
export const ME = { ...PROFILE, abilities: [] } satisfies Me;

/** GET /api/me: a citizen who has just signed up. */
export const NEW_CITIZEN = {
  ...ME,
  id: '5e0f1c2d-3b4a-4c5d-8e6f-7a8b9c0d1e2f',
  phone: '0912345678',
  fullName: 'Trần Thị Cúc',
  dateOfBirth: null,
  sex: null,
  personalIdMasked: null,
} satisfies Me;

/** GET /api/me: an officer of a commune People's Committee. */
export const OFFICER = {
  ...ME,
  id: '7c6b5a49-3827-4615-a4b3-c2d1e0f9a8b7',
  phone: '0900000101',
  fullName: 'Lê Văn Bình',
  roles: ['citizen', 'officer'],
  memberships: [{ id: '9a8b7c6d-5e4f-4321-8fed-cba987654321', role: 'officer', agencyId: '1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9', areaCode: '05977' }],
  abilities: ['console.open', 'dossiers.process', 'dossiers.read_staff', 'reports.work'],
} satisfies Me;

/** POST /api/auth/login, POST /api/auth/register/verify */
export const SIGNED_IN = { token: 'demo-session-token', expiresAt: '2030-01-01T00:00:00Z', user: PROFILE } satisfies SignedInReply;

/** POST /api/auth/register/start, POST /api/auth/password-reset/start */
export const OTP_STARTED = { expiresInSeconds: 300, resendAfterSeconds: 60 } satisfies OtpStarted;

/** POST /api/me/consents */
export const CONSENT = { purpose: 'terms', version: '1.0', grantedAt: '2026-01-01T00:00:00Z', withdrawnAt: null } satisfies Consent;

/** GET /api/me/prefill */
export const PREFILL = {
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '1985-03-12',
  sex: 'female',
  personalId: '020085001234',
  phone: '0900000001',
  communeCode: '05983',
  communeName: 'Phường Lương Văn Tri',
  address: 'Số 12',
  eid: { linked: true, level: 2 },
} satisfies Prefill;

/** GET /api/areas/communes */
export const COMMUNES = [
  { code: '06040', name: 'Xã Thất Khê', type: 'commune' },
  { code: '05977', name: 'Phường Lương Văn Tri', type: 'ward' },
] satisfies Commune[];

/** GET /api/me/notifications */
export const INBOX = {
  total: 2,
  unread: 1,
  items: [
    { id: 'n2', kind: 'report.status', title: 'Phản ánh đã được tiếp nhận', body: 'UBND phường đã tiếp nhận.', link: '/reports/r1', createdAt: '2026-11-22T03:00:00Z', readAt: null },
    { id: 'n1', kind: 'dossier.status', title: 'Hồ sơ đã có kết quả', body: 'Mời bạn tải kết quả.', link: null, createdAt: '2026-11-21T03:00:00Z', readAt: '2026-11-21T04:00:00Z' },
  ],
} satisfies Inbox;

export const EMPTY_INBOX = { total: 0, unread: 0, items: [] } satisfies Inbox;

/** POST /api/me/notifications/read-all */
export const READ_ALL = { updated: 1 } satisfies ReadAllReply;

/** An item of GET /api/procedures */
export const BIRTH_REGISTRATION = {
  id: '11111111-1111-4111-8111-111111111111', code: '1.001193', name: 'Đăng ký khai sinh', sector: 'Hộ tịch', level: 'full_online', tier: 'commune',
  agencyCode: null, agencyLabel: 'Ủy ban nhân dân xã, phường nơi cư trú', processingDays: 1, processingNote: null, feeSummary: 'Miễn phí',
  essential: true, online: true, lifeEvents: ['having_baby'],
} satisfies SearchItem;

/** GET /api/procedures/{id} */
export const BIRTH_REGISTRATION_DETAIL = {
  ...BIRTH_REGISTRATION,
  fees: [{ name: 'Lệ phí', amountVnd: 0, note: 'Miễn lệ phí khi đăng ký đúng hạn' }],
  requiredDocuments: [
    { key: 'declaration', name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, required: true, template: 'to-khai.pdf', templateUrl: `/api/procedures/${BIRTH_REGISTRATION.id}/templates/declaration` },
    { key: 'birthCertificate', name: 'Giấy chứng sinh', originals: 1, copies: 0, required: true, template: null, templateUrl: null },
  ],
  applicants: 'Cha, mẹ của trẻ',
  legalBasis: ['Luật Hộ tịch 2014'],
  steps: ['Nộp hồ sơ', 'Nhận kết quả'],
  result: 'Giấy khai sinh',
  formSchema: { type: 'object', properties: {} },
  keywords: ['khai sinh', 'giấy khai sinh'],
  externalUrl: null,
  source: 'pack',
  updatedAt: '2026-01-01T00:00:00Z',
} satisfies Procedure;

/** GET /api/procedures/life-events */
export const LIFE_EVENTS = [{ key: 'having_baby', name: 'Sinh con', count: 6 }] satisfies LifeEventItem[];

/** GET /api/procedures/sectors */
export const SECTORS = [{ name: 'Hộ tịch', count: 20 }] satisfies SectorItem[];

/** A pending deletion with its receipt: one dossier the law keeps. */
export const DELETION_RECEIPT = {
  requestedAt: '2026-12-01T02:00:00.000Z',
  dueAt: '2026-12-31T02:00:00.000Z',
  erased: ['Họ tên, số điện thoại, số CCCD, ngày sinh, giới tính, địa chỉ và liên kết VNeID của bạn'],
  kept: [{
    module: 'dossiers',
    reference: 'H41.01-261201-0001',
    kept: 'Hồ sơ "Đăng ký khai sinh": tờ khai, giấy tờ và kết quả giải quyết, không còn gắn với tài khoản',
    basis: 'Hồ sơ thủ tục hành chính đã nộp là hồ sơ của cơ quan nhà nước, phải lưu trữ theo Luật Lưu trữ số 33/2024/QH15.',
  }],
};
