// Builds procedures.json, the Lạng Sơn catalogue of administrative procedures (thủ tục
// hành chính), from the compact definitions below. Run: node packs/lang-son/procedures/generate.mjs
// Codes: the few national codes we are sure of (e.g. 1.001193 khai sinh) are kept; every
// other procedure has a pack code "LS.<sector>.<nn>" until it is mapped to the national
// database (csdl.dichvucong.gov.vn). Fees follow the national circulars named in each note;
// where the province council (HĐND tỉnh) sets the amount, the note says so.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const NATIONAL_PORTAL = 'https://dichvucong.gov.vn';

// ---- form fields (JSON Schema subset, see server/src/modules/procedures/form-schema.ts)
const s = (title, o = {}) => ({ type: 'string', title, minLength: 1, maxLength: 300, ...o });
const name = (title) => s(title, { minLength: 2, maxLength: 100 });
const date = (title) => ({ type: 'string', format: 'date', title });
const pick = (title, values) => ({ type: 'string', title, enum: values });
const int = (title, minimum, maximum) => ({ type: 'integer', title, minimum, maximum });
const num = (title, minimum, maximum) => ({ type: 'number', title, minimum, maximum });
const yes = (title) => ({ type: 'boolean', title });
// a personal ID number: the server encrypts it at rest and shows it masked (x-personal-id)
const idNo = (title) => s(title, { pattern: '^[0-9]{12}$', minLength: 12, maxLength: 12, description: 'Gồm 12 chữ số', 'x-personal-id': true });

const applicant = {
  applicantName: name('Họ, chữ đệm và tên người nộp hồ sơ'),
  applicantIdNumber: idNo('Số định danh cá nhân (số căn cước) của người nộp'),
  applicantPhone: s('Số điện thoại liên hệ', { pattern: '^0[0-9]{9}$', minLength: 10, maxLength: 10, description: 'Ví dụ: 0912345678' }),
  applicantEmail: s('Thư điện tử (nếu có)', { format: 'email', maxLength: 200 }),
  applicantAddress: s('Nơi cư trú của người nộp', { minLength: 5 }),
};
const baseRequired = ['applicantName', 'applicantIdNumber', 'applicantPhone', 'applicantAddress'];
const SEX = ['Nam', 'Nữ'];
const RELATION = ['Cha', 'Mẹ', 'Ông', 'Bà', 'Anh, chị', 'Người thân thích khác', 'Người được ủy quyền'];
const parcel = {
  parcelNumber: s('Thửa đất số', { maxLength: 20 }),
  mapSheet: s('Tờ bản đồ số', { maxLength: 20 }),
  parcelAddress: s('Địa chỉ thửa đất'),
  parcelArea: num('Diện tích (m²)', 1, 10000000),
  certificateNumber: s('Số phát hành Giấy chứng nhận đã cấp (nếu có)', { maxLength: 30 }),
};
const parcelRequired = ['parcelNumber', 'mapSheet', 'parcelAddress'];
const household = {
  businessName: s('Tên hộ kinh doanh', { minLength: 3, maxLength: 200 }),
  businessAddress: s('Địa điểm kinh doanh'),
  businessLines: s('Ngành, nghề kinh doanh', { maxLength: 1000 }),
  capitalVnd: int('Vốn kinh doanh (đồng)', 0, 100000000000),
  employees: int('Số lao động', 0, 1000),
};
const company = {
  companyName: s('Tên doanh nghiệp (tiếng Việt)', { minLength: 3, maxLength: 200 }),
  headOffice: s('Địa chỉ trụ sở chính'),
  businessLines: s('Ngành, nghề kinh doanh', { maxLength: 2000 }),
  charterCapitalVnd: int('Vốn điều lệ (đồng)', 0, 1000000000000000),
  legalRepresentative: name('Người đại diện theo pháp luật'),
};
const building = {
  ...parcel,
  buildingAddress: s('Địa điểm xây dựng'),
  floorArea: num('Tổng diện tích sàn (m²)', 1, 100000),
  floors: int('Số tầng', 1, 50),
  buildingHeight: num('Chiều cao công trình (m)', 1, 300),
  designer: s('Đơn vị hoặc người thiết kế (nếu có)', { maxLength: 200 }),
};
const beneficiary = {
  beneficiaryName: name('Họ và tên người được hưởng'),
  beneficiaryBirthDate: date('Ngày sinh người được hưởng'),
  beneficiarySex: pick('Giới tính', SEX),
  beneficiaryIdNumber: idNo('Số định danh cá nhân người được hưởng'),
  beneficiaryAddress: s('Nơi cư trú người được hưởng'),
  situation: s('Hoàn cảnh, lý do đề nghị', { maxLength: 2000 }),
};
const beneficiaryRequired = ['beneficiaryName', 'beneficiaryBirthDate', 'beneficiarySex', 'beneficiaryAddress', 'situation'];
const deceased = {
  deceasedName: name('Họ và tên người đã chết'),
  deceasedBirthDate: date('Ngày sinh người đã chết'),
  deceasedIdNumber: idNo('Số định danh cá nhân người đã chết'),
  deathDate: date('Ngày chết'),
  deathPlace: s('Nơi chết'),
  deathCause: s('Nguyên nhân chết', { maxLength: 500 }),
  relationship: pick('Quan hệ của người đi khai với người đã chết', ['Vợ, chồng', 'Con', 'Cha, mẹ', 'Anh, chị, em', 'Người thân thích khác', 'Đại diện cơ quan, tổ chức']),
};
const deceasedRequired = ['deceasedName', 'deathDate', 'deathPlace', 'relationship'];
const spouses = {
  brideName: name('Họ và tên bên nữ'), brideBirthDate: date('Ngày sinh bên nữ'), brideIdNumber: idNo('Số định danh cá nhân bên nữ'),
  brideEthnicity: s('Dân tộc bên nữ', { maxLength: 50 }), brideResidence: s('Nơi cư trú bên nữ'),
  groomName: name('Họ và tên bên nam'), groomBirthDate: date('Ngày sinh bên nam'), groomIdNumber: idNo('Số định danh cá nhân bên nam'),
  groomEthnicity: s('Dân tộc bên nam', { maxLength: 50 }), groomResidence: s('Nơi cư trú bên nam'),
};
const spousesRequired = ['brideName', 'brideBirthDate', 'brideIdNumber', 'groomName', 'groomBirthDate', 'groomIdNumber'];
const child = {
  childName: name('Họ, chữ đệm và tên của trẻ'),
  childBirthDate: date('Ngày, tháng, năm sinh của trẻ'),
  childSex: pick('Giới tính của trẻ', SEX),
  childEthnicity: s('Dân tộc của trẻ', { maxLength: 50 }),
  childNationality: s('Quốc tịch của trẻ', { maxLength: 50 }),
  birthPlace: s('Nơi sinh (tên cơ sở y tế hoặc địa chỉ)'),
  motherName: name('Họ và tên người mẹ'), motherBirthDate: date('Ngày sinh người mẹ'), motherIdNumber: idNo('Số định danh cá nhân người mẹ'),
  fatherName: name('Họ và tên người cha (nếu có)'), fatherBirthDate: date('Ngày sinh người cha'), fatherIdNumber: idNo('Số định danh cá nhân người cha'),
  applicantRelationship: pick('Quan hệ của người đi khai với trẻ', RELATION),
};
const childRequired = ['childName', 'childBirthDate', 'childSex', 'birthPlace', 'motherName', 'applicantRelationship'];
const copies = {
  documentName: s('Tên giấy tờ, văn bản cần chứng thực', { maxLength: 300 }),
  pages: int('Số trang của mỗi bản', 1, 500),
  copies: int('Số bản cần chứng thực', 1, 100),
};
const contract = {
  contractType: s('Loại hợp đồng, giao dịch', { maxLength: 200 }),
  counterpartyName: name('Họ và tên bên còn lại'),
  assetDescription: s('Tài sản của hợp đồng, giao dịch', { maxLength: 1000 }),
};
const residence = {
  residenceAddress: s('Địa chỉ nơi đăng ký cư trú'),
  householdHeadName: name('Họ và tên chủ hộ'),
  relationToHead: s('Quan hệ với chủ hộ', { maxLength: 50 }),
  reason: s('Lý do', { maxLength: 1000 }),
};
const vehicle = {
  vehicleBrand: s('Nhãn hiệu xe', { maxLength: 100 }), vehicleModel: s('Số loại (kiểu xe)', { maxLength: 100 }),
  vehicleColor: s('Màu sơn', { maxLength: 50 }), engineNumber: s('Số máy', { maxLength: 50 }), chassisNumber: s('Số khung', { maxLength: 50 }),
};
const student = {
  studentName: name('Họ và tên học sinh'), studentBirthDate: date('Ngày sinh học sinh'),
  currentSchool: s('Trường đang học', { maxLength: 200 }), targetSchool: s('Trường xin chuyển đến', { maxLength: 200 }),
  grade: int('Lớp', 1, 12), reason: s('Lý do', { maxLength: 1000 }),
};
const org = {
  organizationName: s('Tên cơ sở, tổ chức', { minLength: 3, maxLength: 200 }),
  organizationAddress: s('Địa chỉ cơ sở'),
  representative: name('Người đại diện'),
};
const premises = { ...org, sellingArea: num('Diện tích điểm kinh doanh (m²)', 1, 100000), products: s('Mặt hàng, sản phẩm', { maxLength: 500 }) };
const complaint = {
  subject: s('Nội dung khiếu nại, tố cáo, kiến nghị', { maxLength: 4000 }),
  respondent: s('Người hoặc cơ quan bị khiếu nại, tố cáo', { maxLength: 300 }),
  eventDate: date('Ngày xảy ra việc'),
};

// ---- documents
const doc = (key, docName, o = {}) => ({ key, name: docName, originals: o.originals ?? 1, copies: o.copies ?? 0, required: o.required ?? true, template: o.template ?? null });
const form = (key, docName, template) => doc(key, docName, { template });
const idCard = doc('identity', 'Giấy tờ tùy thân có ảnh của người nộp (căn cước, hộ chiếu) hoặc thông tin trên VNeID', { originals: 0, copies: 1 });
const authorization = doc('authorization', 'Văn bản ủy quyền có chứng thực (nếu nộp thay)', { required: false });

// ---- agencies (codes from packs/lang-son/agencies.json)
const COMMUNE = { tier: 'commune', agencyCode: null, agencyLabel: 'Ủy ban nhân dân xã, phường nơi cư trú' };
const dept = (code, label) => ({ tier: 'province', agencyCode: code, agencyLabel: label });
const POLICE = dept('CA-20', 'Công an tỉnh Lạng Sơn (tiếp nhận qua Công an xã, phường hoặc Cổng Dịch vụ công quốc gia, VNeID)');
const RESIDENCE_POLICE = dept('CA-20', 'Công an xã, phường nơi cư trú (thuộc Công an tỉnh Lạng Sơn)');
const JUSTICE = dept('STP-20', 'Sở Tư pháp tỉnh Lạng Sơn');
const LAND = dept('SNNMT-20', 'Văn phòng Đăng ký đất đai tỉnh Lạng Sơn (Sở Nông nghiệp và Môi trường)');
const CONSTRUCTION = dept('SXD-20', 'Sở Xây dựng tỉnh Lạng Sơn');
const HEALTH = dept('SYT-20', 'Sở Y tế tỉnh Lạng Sơn');
const FINANCE = dept('STC-20', 'Phòng Đăng ký kinh doanh, Sở Tài chính tỉnh Lạng Sơn');
const TRADE = dept('SCT-20', 'Sở Công Thương tỉnh Lạng Sơn');
const EDUCATION = dept('SGDDT-20', 'Sở Giáo dục và Đào tạo tỉnh Lạng Sơn');
const CULTURE = dept('SVHTTDL-20', 'Sở Văn hóa, Thể thao và Du lịch tỉnh Lạng Sơn');
const HOME = dept('SNV-20', 'Sở Nội vụ tỉnh Lạng Sơn');
const JOBS = dept('SNV-20', 'Trung tâm Dịch vụ việc làm tỉnh Lạng Sơn (Sở Nội vụ)');
const RELIGION = dept('SDTTG-20', 'Sở Dân tộc và Tôn giáo tỉnh Lạng Sơn');
const outside = (label) => ({ tier: 'province', agencyCode: null, agencyLabel: label });

const fee = (feeName, amountVnd, note = null) => ({ name: feeName, amountVnd, note });
const FREE = [fee('Lệ phí', 0, 'Không thu phí, lệ phí')];

const stepsFor = (where, extra = []) => [
  'Chuẩn bị hồ sơ theo danh sách giấy tờ',
  `Nộp hồ sơ trực tuyến trên ứng dụng hoặc tại ${where}`,
  'Cán bộ tiếp nhận kiểm tra hồ sơ; nếu thiếu sẽ hướng dẫn bổ sung một lần',
  ...extra,
  'Cơ quan có thẩm quyền xem xét, giải quyết',
  'Nhận kết quả trực tuyến, qua bưu điện hoặc tại nơi nộp hồ sơ',
];
const ONE_STOP_COMMUNE = 'Bộ phận Một cửa của Ủy ban nhân dân xã, phường';
const ONE_STOP_PROVINCE = 'Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn';

const all = [];
function p(def) {
  const agency = def.agency;
  all.push({
    code: def.code,
    name: def.name,
    sector: def.sector,
    level: def.level ?? 'partial_online',
    tier: agency.tier,
    agencyCode: agency.agencyCode,
    agencyLabel: agency.agencyLabel,
    processingDays: def.days,
    processingNote: def.daysNote ?? null,
    fees: def.fees ?? FREE,
    requiredDocuments: def.docs ?? [idCard],
    applicants: def.applicants ?? 'Công dân Việt Nam, tổ chức có yêu cầu',
    legalBasis: def.legal,
    steps: def.steps ?? stepsFor(agency.tier === 'commune' ? ONE_STOP_COMMUNE : ONE_STOP_PROVINCE),
    result: def.result,
    formSchema: {
      type: 'object',
      title: def.formTitle ?? `Tờ khai ${def.name.charAt(0).toLowerCase()}${def.name.slice(1)}`,
      properties: { ...applicant, ...def.fields },
      required: [...baseRequired, ...(def.required ?? [])],
    },
    lifeEvents: def.life ?? [],
    keywords: def.kw ?? [],
    essential: def.essential ?? false,
    online: def.online ?? true,
    externalUrl: def.externalUrl ?? null,
  });
}

// =============================== 25 essential services (Đề án 06) ===============================
const ESS = { essential: true };
const policeOnline = { ...ESS, agency: POLICE, level: 'full_online', online: false, externalUrl: NATIONAL_PORTAL };
const LAW_ID = 'Luật Căn cước số 26/2023/QH15';
const LAW_RES = 'Luật Cư trú số 68/2020/QH14';
const DECREE_RES = 'Nghị định 154/2024/NĐ-CP quy định chi tiết Luật Cư trú';
const LAW_CIVIL = 'Luật Hộ tịch số 60/2014/QH13';
const DECREE_CIVIL = 'Nghị định 123/2015/NĐ-CP quy định chi tiết Luật Hộ tịch';
const CIRC_CIVIL = 'Thông tư 04/2020/TT-BTP hướng dẫn Luật Hộ tịch';
const DECREE_LINK = 'Nghị định 63/2024/NĐ-CP về liên thông thủ tục hành chính';

p({ ...policeOnline, code: 'LS.CC.01', name: 'Xác nhận số Chứng minh nhân dân 9 số và số định danh cá nhân', sector: 'Căn cước', days: 3,
  legal: [LAW_ID, 'Nghị định 70/2024/NĐ-CP quy định chi tiết Luật Căn cước'], result: 'Giấy xác nhận số Chứng minh nhân dân 9 số',
  fields: { oldIdNumber: s('Số Chứng minh nhân dân 9 số đã được cấp', { pattern: '^[0-9]{9}$', minLength: 9, maxLength: 9, 'x-personal-id': true }), purpose: s('Mục đích xác nhận', { maxLength: 500 }) },
  required: ['oldIdNumber'], kw: ['xac nhan so cmnd', 'giay xac nhan cmnd cu', 'so chung minh cu', 'cmnd 9 so'] });
p({ ...policeOnline, code: 'LS.CC.02', name: 'Cấp, cấp đổi, cấp lại thẻ căn cước', sector: 'Căn cước', days: 7,
  fees: [fee('Cấp lần đầu', 0, 'Miễn lệ phí'), fee('Cấp đổi', 50000, 'Thông tư 73/2024/TT-BTC'), fee('Cấp lại do mất, hỏng', 70000, 'Thông tư 73/2024/TT-BTC')],
  docs: [doc('declaration', 'Tờ khai căn cước (cán bộ in từ cơ sở dữ liệu)', { required: false }), doc('oldCard', 'Thẻ căn cước hoặc căn cước công dân cũ (khi cấp đổi)', { required: false })],
  legal: [LAW_ID, 'Nghị định 70/2024/NĐ-CP', 'Thông tư 73/2024/TT-BTC về lệ phí cấp căn cước'], result: 'Thẻ căn cước (gửi qua bưu điện nếu có yêu cầu)',
  fields: { requestType: pick('Loại yêu cầu', ['Cấp lần đầu', 'Cấp đổi', 'Cấp lại']), reason: s('Lý do cấp đổi, cấp lại', { maxLength: 500 }), deliveryAddress: s('Địa chỉ nhận thẻ qua bưu điện (nếu có)') },
  required: ['requestType'], life: ['turning_14', 'moving_house'], kw: ['cccd', 'can cuoc cong dan', 'lam can cuoc', 'doi cccd', 'cap lai cccd', 'lam cccd', 'the can cuoc', 'cmnd', 'chung minh nhan dan', 'mat can cuoc'] });
p({ ...ESS, agency: RESIDENCE_POLICE, level: 'full_online', online: false, externalUrl: NATIONAL_PORTAL, code: 'LS.CT.01', name: 'Đăng ký thường trú', sector: 'Cư trú', days: 7,
  fees: [fee('Lệ phí đăng ký thường trú', 20000, 'Nộp trực tuyến: 10.000 đồng (Thông tư 75/2022/TT-BTC)')],
  docs: [form('declaration', 'Tờ khai thay đổi thông tin cư trú (mẫu CT01)', 'to-khai-thay-doi-thong-tin-cu-tru.pdf'), doc('legalResidence', 'Giấy tờ chứng minh chỗ ở hợp pháp'), doc('consent', 'Ý kiến đồng ý của chủ hộ, chủ sở hữu chỗ ở (ghi trong tờ khai)', { required: false })],
  legal: [LAW_RES, DECREE_RES, 'Thông tư 53/2021/TT-BCA'], result: 'Thông báo kết quả đăng ký; thông tin được cập nhật vào Cơ sở dữ liệu về cư trú',
  fields: residence, required: ['residenceAddress', 'householdHeadName', 'relationToHead'], life: ['moving_house', 'getting_married', 'having_baby'],
  kw: ['nhap ho khau', 'dang ky ho khau', 'chuyen ho khau', 'thuong tru', 'nhap khau', 'so ho khau', 'chuyen khau'] });
p({ ...ESS, agency: RESIDENCE_POLICE, level: 'full_online', online: false, externalUrl: NATIONAL_PORTAL, code: 'LS.CT.02', name: 'Đăng ký tạm trú', sector: 'Cư trú', days: 3,
  fees: [fee('Lệ phí đăng ký tạm trú', 15000, 'Nộp trực tuyến: 7.000 đồng (Thông tư 75/2022/TT-BTC)')],
  docs: [form('declaration', 'Tờ khai thay đổi thông tin cư trú (mẫu CT01)', 'to-khai-thay-doi-thong-tin-cu-tru.pdf'), doc('legalResidence', 'Giấy tờ chứng minh chỗ ở hợp pháp (hợp đồng thuê nhà...)')],
  legal: [LAW_RES, DECREE_RES], result: 'Thông báo kết quả đăng ký tạm trú',
  fields: { ...residence, stayUntil: date('Tạm trú đến ngày') }, required: ['residenceAddress', 'reason'], life: ['moving_house', 'starting_job'],
  kw: ['tam tru', 'dang ky tam tru', 'thue tro', 'o tro', 'sinh vien thue nha', 'kt3'] });
p({ ...ESS, agency: RESIDENCE_POLICE, level: 'full_online', online: false, externalUrl: NATIONAL_PORTAL, code: 'LS.CT.03', name: 'Khai báo tạm vắng', sector: 'Cư trú', days: 1,
  legal: [LAW_RES, DECREE_RES], result: 'Phiếu khai báo tạm vắng',
  fields: { absenceFrom: date('Tạm vắng từ ngày'), absenceTo: date('Đến ngày'), destination: s('Nơi đến'), reason: s('Lý do tạm vắng', { maxLength: 500 }) },
  required: ['absenceFrom', 'absenceTo', 'destination', 'reason'], kw: ['tam vang', 'bao tam vang', 'di lam xa', 'vang nha'] });
p({ ...ESS, agency: RESIDENCE_POLICE, level: 'full_online', online: false, externalUrl: NATIONAL_PORTAL, code: 'LS.CT.04', name: 'Thông báo lưu trú', sector: 'Cư trú', days: 0, daysNote: 'Tiếp nhận ngay',
  legal: [LAW_RES, DECREE_RES], result: 'Thông tin lưu trú được ghi nhận',
  fields: { guestName: name('Họ và tên người lưu trú'), guestIdNumber: idNo('Số định danh cá nhân người lưu trú'), stayAddress: s('Địa chỉ lưu trú'), stayFrom: date('Lưu trú từ ngày'), stayTo: date('Đến ngày') },
  required: ['guestName', 'stayAddress', 'stayFrom'], kw: ['luu tru', 'bao luu tru', 'khai bao khach', 'nha nghi', 'homestay', 'khach o lai qua dem'] });
p({ ...ESS, agency: POLICE, level: 'full_online', online: false, externalUrl: NATIONAL_PORTAL, code: 'LS.GT.01', name: 'Đăng ký, cấp biển số xe mô tô, xe gắn máy lần đầu', sector: 'Đăng ký, quản lý phương tiện giao thông', days: 2,
  fees: [fee('Lệ phí cấp giấy đăng ký và biển số (khu vực III)', 150000, 'Xe trị giá đến 15 triệu đồng; xe giá cao hơn thu theo Thông tư 60/2023/TT-BTC')],
  docs: [form('declaration', 'Giấy khai đăng ký xe', null), doc('invoice', 'Hóa đơn, chứng từ chuyển quyền sở hữu xe'), doc('registrationFee', 'Chứng từ nộp lệ phí trước bạ')],
  legal: ['Luật Trật tự, an toàn giao thông đường bộ 2024', 'Thông tư 79/2024/TT-BCA về cấp, thu hồi đăng ký, biển số xe', 'Thông tư 60/2023/TT-BTC'],
  result: 'Chứng nhận đăng ký xe và biển số xe', fields: vehicle, required: ['vehicleBrand', 'engineNumber', 'chassisNumber'],
  life: ['buying_vehicle'], kw: ['dang ky xe may', 'bien so xe', 'bam bien so', 'cavet xe', 'ca vet', 'giay dang ky xe', 'xe moi mua'] });
p({ ...ESS, agency: POLICE, level: 'full_online', online: false, externalUrl: NATIONAL_PORTAL, code: 'LS.GT.02', name: 'Nộp tiền phạt vi phạm hành chính về giao thông phát hiện qua hệ thống giám sát (camera)', sector: 'Xử lý vi phạm hành chính', days: 0, daysNote: 'Thanh toán ngay',
  fees: [fee('Tiền phạt', 0, 'Theo quyết định xử phạt; không thu thêm phí')], legal: ['Luật Xử lý vi phạm hành chính 2012 (sửa đổi 2020)', 'Nghị định 168/2024/NĐ-CP'],
  result: 'Biên lai nộp tiền phạt điện tử', fields: { decisionNumber: s('Số quyết định xử phạt', { maxLength: 50 }), plateNumber: s('Biển số xe', { maxLength: 20 }) },
  required: ['decisionNumber'], kw: ['phat nguoi', 'nop phat', 'phat camera', 'phat giao thong', 'tra cuu phat nguoi', 'vi pham giao thong'] });
p({ ...policeOnline, code: 'LS.XNC.01', name: 'Cấp hộ chiếu phổ thông ở trong nước', sector: 'Xuất nhập cảnh', days: 8,
  fees: [fee('Lệ phí cấp mới', 200000, 'Thông tư 25/2021/TT-BTC'), fee('Cấp lại do mất, hỏng', 400000, 'Thông tư 25/2021/TT-BTC')],
  docs: [form('declaration', 'Tờ khai đề nghị cấp hộ chiếu phổ thông (mẫu TK01)', null), doc('photo', 'Ảnh chân dung 4x6 nền trắng (2 ảnh)', { originals: 2 })],
  legal: ['Luật Xuất cảnh, nhập cảnh của công dân Việt Nam 2019 (sửa đổi 2023)', 'Thông tư 25/2021/TT-BTC'], result: 'Hộ chiếu phổ thông',
  fields: { requestType: pick('Loại yêu cầu', ['Cấp lần đầu', 'Cấp lại']), withChip: yes('Hộ chiếu có gắn chíp điện tử'), deliveryAddress: s('Địa chỉ nhận hộ chiếu qua bưu điện') },
  required: ['requestType'], life: ['travelling_abroad'], kw: ['ho chieu', 'lam ho chieu', 'passport', 'di nuoc ngoai', 'xuat canh'] });
p({ ...policeOnline, code: 'LS.CD.01', name: 'Đăng ký mẫu con dấu mới', sector: 'Quản lý ngành nghề kinh doanh có điều kiện và con dấu', days: 3,
  fees: [fee('Lệ phí cấp Giấy chứng nhận đăng ký mẫu con dấu', 50000, 'Thông tư 23/2019/TT-BTC')],
  legal: ['Nghị định 99/2016/NĐ-CP về quản lý và sử dụng con dấu', 'Nghị định 56/2023/NĐ-CP'], result: 'Giấy chứng nhận đã đăng ký mẫu con dấu',
  fields: { ...org, sealCount: int('Số con dấu đăng ký', 1, 10) }, required: ['organizationName', 'organizationAddress'], life: ['starting_business'],
  kw: ['con dau', 'khac dau', 'dang ky con dau', 'mau dau'] });
p({ ...policeOnline, code: 'LS.CD.02', name: 'Đăng ký lại mẫu con dấu', sector: 'Quản lý ngành nghề kinh doanh có điều kiện và con dấu', days: 3,
  fees: [fee('Lệ phí cấp Giấy chứng nhận đăng ký mẫu con dấu', 50000, 'Thông tư 23/2019/TT-BTC')],
  legal: ['Nghị định 99/2016/NĐ-CP', 'Nghị định 56/2023/NĐ-CP'], result: 'Giấy chứng nhận đã đăng ký mẫu con dấu',
  fields: { ...org, reason: s('Lý do đăng ký lại (mất, hỏng, đổi tên...)', { maxLength: 500 }) }, required: ['organizationName', 'reason'],
  kw: ['mat con dau', 'lam lai con dau', 'doi con dau'] });
p({ ...policeOnline, code: 'LS.LLTP.01', name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam', sector: 'Lý lịch tư pháp', days: 10,
  fees: [fee('Phí cung cấp thông tin lý lịch tư pháp', 200000, 'Sinh viên, người có công, thân nhân liệt sĩ: 100.000 đồng; trẻ em, người cao tuổi, người khuyết tật, hộ nghèo: miễn (Thông tư 244/2016/TT-BTC)')],
  legal: ['Luật Lý lịch tư pháp 2009', 'Thông tư 244/2016/TT-BTC'], result: 'Phiếu lý lịch tư pháp số 1 hoặc số 2 (bản điện tử trên VNeID hoặc bản giấy)',
  fields: { certificateType: pick('Loại phiếu', ['Phiếu số 1', 'Phiếu số 2']), copiesRequested: int('Số bản', 1, 10), purpose: s('Mục đích sử dụng', { maxLength: 300 }) },
  required: ['certificateType', 'purpose'], life: ['starting_job', 'travelling_abroad'], kw: ['ly lich tu phap', 'lltp', 'phieu ly lich', 'xin ly lich', 'tien an tien su', 'xin viec'] });
p({ ...policeOnline, code: 'LS.GT.03', name: 'Cấp đổi, cấp lại giấy phép lái xe', sector: 'Đăng ký, quản lý phương tiện giao thông', days: 5,
  fees: [fee('Lệ phí cấp giấy phép lái xe', 135000, 'Thông tư 37/2023/TT-BTC')],
  docs: [form('declaration', 'Đơn đề nghị đổi, cấp lại giấy phép lái xe', null), doc('health', 'Giấy khám sức khỏe của người lái xe'), doc('oldLicense', 'Giấy phép lái xe cũ (khi đổi)', { required: false })],
  legal: ['Luật Trật tự, an toàn giao thông đường bộ 2024', 'Thông tư 35/2024/TT-BCA', 'Thông tư 37/2023/TT-BTC'], result: 'Giấy phép lái xe',
  fields: { licenseNumber: s('Số giấy phép lái xe hiện có', { maxLength: 20 }), licenseClass: pick('Hạng giấy phép', ['A1', 'A', 'B1', 'B', 'C1', 'C', 'D1', 'D2', 'D', 'BE', 'C1E', 'CE', 'D1E', 'D2E', 'DE']), requestType: pick('Loại yêu cầu', ['Cấp đổi', 'Cấp lại do mất']) },
  required: ['licenseClass', 'requestType'], kw: ['gplx', 'bang lai', 'bang lai xe', 'doi bang lai', 'doi gplx', 'mat bang lai', 'giay phep lai xe', 'bang lai xe may'] });

const civilSteps = (extra) => stepsFor(ONE_STOP_COMMUNE, extra);
p({ ...ESS, agency: COMMUNE, level: 'full_online', code: '1.001193', name: 'Đăng ký khai sinh', sector: 'Hộ tịch', days: 1,
  daysNote: 'Trả kết quả ngay trong ngày; hồ sơ nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo',
  fees: [fee('Lệ phí đăng ký khai sinh', 0, 'Miễn lệ phí khi đăng ký đúng hạn (trong 60 ngày kể từ ngày sinh)')],
  docs: [form('declaration', 'Tờ khai đăng ký khai sinh', 'to-khai-dang-ky-khai-sinh.pdf'), doc('birthCertificate', 'Giấy chứng sinh do cơ sở y tế cấp (hoặc văn bản của người làm chứng)'), doc('marriage', 'Giấy chứng nhận kết hôn của cha mẹ (nếu có)', { required: false, originals: 0, copies: 1 }), idCard],
  applicants: 'Cha, mẹ, ông, bà hoặc người thân thích khác của trẻ', legal: [LAW_CIVIL, DECREE_CIVIL, CIRC_CIVIL],
  steps: civilSteps(['Công chức tư pháp – hộ tịch ghi vào Sổ hộ tịch và cập nhật cơ sở dữ liệu']), result: 'Giấy khai sinh (bản chính và bản điện tử) và số định danh cá nhân của trẻ',
  fields: child, required: childRequired, life: ['having_baby'],
  kw: ['giay khai sinh', 'lam giay khai sinh', 'khai sinh cho con', 'lam khai sinh', 'dk khai sinh', 'dkks', 'be moi sinh', 'sinh con', 'con moi de'] });
p({ ...ESS, agency: COMMUNE, level: 'full_online', code: '1.000656', name: 'Đăng ký khai tử', sector: 'Hộ tịch', days: 1,
  daysNote: 'Trả kết quả ngay trong ngày; cần xác minh thì không quá 3 ngày làm việc',
  fees: [fee('Lệ phí đăng ký khai tử', 0, 'Miễn lệ phí khi đăng ký đúng hạn')],
  docs: [form('declaration', 'Tờ khai đăng ký khai tử', 'to-khai-dang-ky-khai-tu.pdf'), doc('deathNotice', 'Giấy báo tử hoặc giấy tờ thay giấy báo tử'), idCard],
  applicants: 'Người thân thích của người chết hoặc đại diện cơ quan, tổ chức', legal: [LAW_CIVIL, DECREE_CIVIL, CIRC_CIVIL],
  result: 'Trích lục khai tử', fields: deceased, required: deceasedRequired, life: ['death_in_family'],
  kw: ['khai tu', 'bao tu', 'giay chung tu', 'nguoi mat', 'nguoi chet', 'trich luc khai tu', 'dang ky nguoi mat'] });
p({ ...ESS, agency: COMMUNE, level: 'full_online', code: '1.000894', name: 'Đăng ký kết hôn', sector: 'Hộ tịch', days: 5,
  daysNote: 'Giải quyết ngay khi nhận đủ hồ sơ; trường hợp cần xác minh không quá 5 ngày làm việc',
  fees: [fee('Lệ phí đăng ký kết hôn', 0, 'Mức thu do HĐND tỉnh quy định; trường hợp miễn theo quy định của tỉnh')],
  docs: [form('declaration', 'Tờ khai đăng ký kết hôn', 'to-khai-dang-ky-ket-hon.pdf'), doc('maritalStatus', 'Giấy xác nhận tình trạng hôn nhân (nếu đăng ký ở xã không phải nơi cư trú)', { required: false }), idCard],
  applicants: 'Nam, nữ đủ điều kiện kết hôn (nam từ 20 tuổi, nữ từ 18 tuổi)', legal: ['Luật Hôn nhân và gia đình 2014', LAW_CIVIL, DECREE_CIVIL, CIRC_CIVIL],
  steps: civilSteps(['Hai bên nam, nữ cùng có mặt để ký Sổ đăng ký kết hôn']), result: 'Giấy chứng nhận kết hôn (mỗi bên một bản chính)',
  fields: { ...spouses, marriageDate: date('Ngày dự kiến nhận Giấy chứng nhận kết hôn') }, required: spousesRequired, life: ['getting_married'],
  kw: ['ket hon', 'dang ky ket hon', 'giay dang ky ket hon', 'dkkh', 'lay vo', 'lay chong', 'cuoi', 'dam cuoi', 'giay ket hon'] });
p({ ...ESS, agency: COMMUNE, level: 'full_online', code: 'LS.LT.01', name: 'Liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi', sector: 'Hộ tịch', days: 5,
  fees: [fee('Lệ phí đăng ký khai sinh', 0, 'Miễn khi đúng hạn'), fee('Lệ phí đăng ký thường trú', 0, 'Miễn lệ phí đăng ký thường trú cho trẻ khi thực hiện liên thông trực tuyến')],
  docs: [form('declaration', 'Tờ khai đăng ký khai sinh', 'to-khai-dang-ky-khai-sinh.pdf'), form('residence', 'Tờ khai thay đổi thông tin cư trú (mẫu CT01)', 'to-khai-thay-doi-thong-tin-cu-tru.pdf'), doc('birthCertificate', 'Giấy chứng sinh')],
  applicants: 'Cha, mẹ hoặc người giám hộ của trẻ dưới 6 tuổi', legal: [DECREE_LINK, LAW_CIVIL, LAW_RES, 'Luật Bảo hiểm y tế 2008 (sửa đổi 2014, 2024)'],
  result: 'Giấy khai sinh, thông báo đăng ký thường trú và thẻ bảo hiểm y tế (bản điện tử) của trẻ',
  fields: { ...child, residenceAddress: s('Địa chỉ đăng ký thường trú cho trẻ') }, required: [...childRequired, 'residenceAddress'], life: ['having_baby'],
  kw: ['lien thong khai sinh', 'khai sinh thuong tru bhyt', 'the bao hiem cho tre', 'bhyt tre em', 'the bhyt cho con', 'nhap khau cho con', 'khai sinh cho con'] });
p({ ...ESS, agency: COMMUNE, level: 'full_online', code: 'LS.LT.02', name: 'Liên thông thủ tục hành chính về đăng ký khai tử, xóa đăng ký thường trú, hưởng chế độ tử tuất, hỗ trợ chi phí mai táng', sector: 'Hộ tịch', days: 5,
  docs: [form('declaration', 'Tờ khai đăng ký khai tử', 'to-khai-dang-ky-khai-tu.pdf'), doc('deathNotice', 'Giấy báo tử hoặc giấy tờ thay giấy báo tử')],
  applicants: 'Thân nhân của người đã chết', legal: [DECREE_LINK, LAW_CIVIL, LAW_RES, 'Luật Bảo hiểm xã hội 2024'],
  result: 'Trích lục khai tử, xóa đăng ký thường trú, quyết định hưởng trợ cấp mai táng hoặc tử tuất',
  fields: { ...deceased, bankAccount: s('Số tài khoản nhận trợ cấp (nếu có)', { pattern: '^[0-9]{6,20}$', maxLength: 20 }) }, required: deceasedRequired, life: ['death_in_family'],
  kw: ['lien thong khai tu', 'mai tang phi', 'tien mai tang', 'tu tuat', 'xoa thuong tru nguoi mat', 'tro cap mai tang'] });
p({ ...ESS, agency: COMMUNE, code: 'LS.DD.01', name: 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', sector: 'Đất đai', days: 10,
  fees: [fee('Lệ phí cấp Giấy chứng nhận', 30000, 'Mức thu theo Nghị quyết của HĐND tỉnh Lạng Sơn; không cấp mới Giấy chứng nhận thì không thu'), fee('Phí thẩm định hồ sơ', 0, 'Theo Nghị quyết của HĐND tỉnh')],
  docs: [form('declaration', 'Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (mẫu 11/ĐK)', 'don-dang-ky-bien-dong-dat-dai.pdf'), doc('certificate', 'Bản gốc Giấy chứng nhận đã cấp'), doc('contract', 'Hợp đồng, văn bản chuyển quyền đã công chứng, chứng thực')],
  legal: ['Luật Đất đai 2024', 'Nghị định 101/2024/NĐ-CP về đăng ký, cấp Giấy chứng nhận', 'Nghị định 151/2025/NĐ-CP về phân định thẩm quyền khi tổ chức chính quyền hai cấp'],
  result: 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất (được xác nhận biến động hoặc cấp mới)',
  fields: { ...parcel, changeType: pick('Loại biến động', ['Chuyển nhượng', 'Tặng cho', 'Thừa kế', 'Đổi tên', 'Thay đổi diện tích', 'Khác']), counterpartyName: name('Họ và tên bên chuyển quyền') },
  required: [...parcelRequired, 'changeType'], life: ['buying_land', 'death_in_family'],
  kw: ['sang ten so do', 'sang ten', 'sang ten dat', 'chuyen nhuong dat', 'mua ban dat', 'so do', 'so hong', 'tang cho dat', 'thua ke dat', 'gcn qsdd', 'bien dong dat'] });
p({ ...ESS, agency: outside('Bảo hiểm xã hội cơ sở (Bảo hiểm xã hội tỉnh Lạng Sơn)'), online: false, externalUrl: NATIONAL_PORTAL, level: 'full_online', code: 'LS.BH.01', name: 'Gia hạn thẻ bảo hiểm y tế theo hộ gia đình', sector: 'Bảo hiểm y tế', days: 5,
  fees: [fee('Mức đóng của người thứ nhất trong hộ', 1263600, '4,5% mức lương cơ sở × 12 tháng; người thứ hai 70%, thứ ba 60%, thứ tư 50%, từ thứ năm 40% mức của người thứ nhất')],
  legal: ['Luật Bảo hiểm y tế 2008 (sửa đổi 2014, 2024)', 'Nghị định 188/2025/NĐ-CP'], result: 'Thẻ bảo hiểm y tế được gia hạn (bản điện tử trên VssID, VNeID)',
  fields: { members: int('Số người trong hộ tham gia', 1, 20), months: pick('Thời gian gia hạn', ['3 tháng', '6 tháng', '12 tháng']) }, required: ['members', 'months'],
  kw: ['bhyt', 'bao hiem y te', 'gia han bhyt', 'mua bao hiem y te', 'the bao hiem', 'bhyt ho gia dinh', 'dong bao hiem y te'] });
p({ ...ESS, agency: outside('Cơ quan thuế quản lý địa bàn (Thuế tỉnh Lạng Sơn)'), online: false, externalUrl: NATIONAL_PORTAL, level: 'full_online', code: 'LS.THUE.01', name: 'Đăng ký thuế lần đầu đối với hộ kinh doanh, cá nhân kinh doanh', sector: 'Thuế', days: 3,
  legal: ['Luật Quản lý thuế 2019', 'Thông tư 86/2024/TT-BTC về đăng ký thuế'], result: 'Mã số thuế, thông báo mã số thuế',
  fields: household, required: ['businessName', 'businessAddress'], life: ['starting_business'],
  kw: ['ma so thue', 'mst', 'dang ky thue', 'thue ho kinh doanh', 'dang ky ma so thue'] });
p({ ...ESS, agency: outside('Công ty Điện lực Lạng Sơn'), online: false, externalUrl: 'https://cskh.npc.com.vn', level: 'full_online', code: 'LS.DIEN.01', name: 'Cấp điện mới từ lưới điện hạ áp', sector: 'Điện', days: 3,
  daysNote: 'Khu vực thành phố, thị xã 3 ngày làm việc; khu vực nông thôn 4 ngày', fees: [fee('Phí', 0, 'Không thu phí; tiền điện theo hợp đồng mua bán điện')],
  legal: ['Luật Điện lực 2024', 'Thông tư 25/2016/TT-BCT'], result: 'Hợp đồng mua bán điện và công tơ được lắp đặt',
  fields: { supplyAddress: s('Địa chỉ sử dụng điện'), purpose: pick('Mục đích sử dụng', ['Sinh hoạt', 'Kinh doanh, dịch vụ', 'Sản xuất']) }, required: ['supplyAddress', 'purpose'],
  life: ['building_house', 'moving_house', 'starting_business'], kw: ['lap dien', 'lap cong to', 'xin dien', 'dau noi dien', 'keo dien', 'dien moi'] });
p({ ...ESS, agency: outside('Công ty Điện lực Lạng Sơn'), online: false, externalUrl: 'https://cskh.npc.com.vn', level: 'full_online', code: 'LS.DIEN.02', name: 'Thay đổi chủ thể hợp đồng mua bán điện', sector: 'Điện', days: 3,
  fees: [fee('Phí', 0, 'Không thu phí')], legal: ['Luật Điện lực 2024', 'Thông tư 16/2014/TT-BCT'], result: 'Hợp đồng mua bán điện đứng tên người mới',
  fields: { customerCode: s('Mã khách hàng sử dụng điện', { maxLength: 20 }), supplyAddress: s('Địa chỉ sử dụng điện'), newOwnerName: name('Họ và tên người đứng tên mới') },
  required: ['customerCode', 'newOwnerName'], life: ['moving_house', 'buying_land'], kw: ['sang ten cong to', 'doi ten hop dong dien', 'chuyen ten dien', 'hop dong dien'] });
p({ ...ESS, agency: EDUCATION, online: false, externalUrl: 'https://thisinh.thitotnghiepthpt.edu.vn', level: 'full_online', code: 'LS.GD.01', name: 'Đăng ký dự thi tốt nghiệp trung học phổ thông và đăng ký xét tuyển đại học', sector: 'Giáo dục và Đào tạo', days: 0, daysNote: 'Theo lịch thi hằng năm của Bộ Giáo dục và Đào tạo',
  fees: [fee('Lệ phí dự thi', 0, 'Học sinh đang học lớp 12 không phải nộp; lệ phí xét tuyển theo quy định của cơ sở đào tạo')], legal: ['Luật Giáo dục 2019', 'Thông tư 24/2024/TT-BGDĐT Quy chế thi tốt nghiệp THPT'],
  result: 'Thẻ dự thi, giấy chứng nhận kết quả thi', fields: { candidateName: name('Họ và tên thí sinh'), school: s('Trường THPT', { maxLength: 200 }), examCluster: s('Điểm thi đăng ký', { maxLength: 200 }) },
  required: ['candidateName', 'school'], life: ['school'], kw: ['thi tot nghiep', 'thi thpt', 'xet tuyen dai hoc', 'thi dai hoc', 'dang ky thi'] });
p({ ...ESS, agency: JOBS, code: 'LS.VL.01', name: 'Giải quyết hưởng trợ cấp thất nghiệp', sector: 'Việc làm', days: 20,
  docs: [form('declaration', 'Đề nghị hưởng trợ cấp thất nghiệp (mẫu 03)', 'de-nghi-huong-tro-cap-that-nghiep.pdf'), doc('termination', 'Quyết định thôi việc hoặc giấy tờ chấm dứt hợp đồng lao động', { originals: 0, copies: 1 }), doc('socialInsurance', 'Sổ bảo hiểm xã hội')],
  applicants: 'Người lao động đã đóng bảo hiểm thất nghiệp từ đủ 12 tháng trong 24 tháng trước khi nghỉ việc', legal: ['Luật Việc làm 2013 (Luật Việc làm 2025 từ 01/01/2026)', 'Nghị định 28/2015/NĐ-CP', 'Nghị định 61/2020/NĐ-CP'],
  result: 'Quyết định hưởng trợ cấp thất nghiệp', fields: { employer: s('Đơn vị đã làm việc', { maxLength: 200 }), terminationDate: date('Ngày chấm dứt hợp đồng lao động'), socialInsuranceNumber: s('Mã số bảo hiểm xã hội', { pattern: '^[0-9]{10}$', minLength: 10, maxLength: 10 }), bankAccount: s('Số tài khoản nhận trợ cấp', { pattern: '^[0-9]{6,20}$', maxLength: 20 }) },
  required: ['employer', 'terminationDate', 'socialInsuranceNumber'], life: ['losing_job'], kw: ['that nghiep', 'tro cap that nghiep', 'bao hiem that nghiep', 'mat viec', 'nghi viec', 'bhtn', 'tctn'] });

// =============================== Hộ tịch (civil status), commune ===============================
const civil = (def) => p({ agency: COMMUNE, sector: 'Hộ tịch', legal: [LAW_CIVIL, DECREE_CIVIL, CIRC_CIVIL], ...def });
civil({ code: 'LS.HT.01', name: 'Đăng ký lại khai sinh', days: 5, fees: [fee('Lệ phí', 0, 'Theo Nghị quyết HĐND tỉnh')], result: 'Giấy khai sinh (đăng ký lại)', docs: [form('declaration', 'Tờ khai đăng ký lại khai sinh', null), doc('evidence', 'Giấy tờ, tài liệu có nội dung khai sinh (bản sao)', { originals: 0, copies: 1 })],
  fields: { ...child, lostReason: s('Lý do đăng ký lại (sổ hộ tịch, giấy khai sinh bị mất)', { maxLength: 500 }) }, required: [...childRequired.filter((k) => k !== 'applicantRelationship'), 'lostReason'], kw: ['mat giay khai sinh', 'lam lai giay khai sinh', 'khai sinh lai'] });
civil({ code: 'LS.HT.02', name: 'Đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân', days: 3, fees: [fee('Lệ phí', 0, 'Theo Nghị quyết HĐND tỉnh')], result: 'Giấy khai sinh',
  fields: child, required: childRequired.filter((k) => k !== 'applicantRelationship'), kw: ['chua co giay khai sinh', 'nguoi lon lam khai sinh'] });
civil({ code: 'LS.HT.03', name: 'Đăng ký nhận cha, mẹ, con', days: 3, fees: [fee('Lệ phí', 0, 'Theo Nghị quyết HĐND tỉnh')], result: 'Trích lục đăng ký nhận cha, mẹ, con',
  docs: [form('declaration', 'Tờ khai đăng ký nhận cha, mẹ, con', null), doc('evidence', 'Chứng cứ chứng minh quan hệ cha, mẹ, con (giám định ADN...)')],
  fields: { parentName: name('Họ và tên người nhận (cha hoặc mẹ)'), childName: name('Họ và tên người được nhận là con'), childBirthDate: date('Ngày sinh người con'), relationshipClaimed: pick('Nhận', ['Nhận con', 'Nhận cha', 'Nhận mẹ']) },
  required: ['parentName', 'childName', 'relationshipClaimed'], life: ['having_baby'], kw: ['nhan con', 'nhan cha', 'cong nhan cha con', 'xac nhan cha con'] });
civil({ code: 'LS.HT.04', name: 'Đăng ký khai sinh kết hợp nhận cha, mẹ, con', days: 3, fees: [fee('Lệ phí', 0, 'Theo Nghị quyết HĐND tỉnh')], result: 'Giấy khai sinh có ghi tên cha, mẹ',
  fields: child, required: [...childRequired, 'fatherName'], life: ['having_baby'], kw: ['khai sinh co ten cha', 'con ngoai gia thu', 'chua ket hon co con'] });
civil({ code: 'LS.HT.05', name: 'Thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc', days: 3, fees: [fee('Lệ phí', 15000, 'Mức thu theo Nghị quyết HĐND tỉnh Lạng Sơn')],
  result: 'Trích lục thay đổi, cải chính hoặc bổ sung hộ tịch', fields: { personName: name('Họ và tên người có thông tin cần sửa'), fieldToChange: s('Thông tin cần thay đổi (họ, tên, ngày sinh, dân tộc...)', { maxLength: 200 }), currentValue: s('Thông tin hiện tại', { maxLength: 300 }), newValue: s('Thông tin đề nghị', { maxLength: 300 }), reason: s('Lý do', { maxLength: 1000 }) },
  required: ['personName', 'fieldToChange', 'newValue', 'reason'], kw: ['doi ten', 'cai chinh ho tich', 'sua giay khai sinh', 'sua ngay sinh', 'doi ho', 'xac dinh lai dan toc', 'bo sung ho tich', 'sai ten'] });
civil({ code: 'LS.HT.06', name: 'Đăng ký lại kết hôn', days: 5, fees: [fee('Lệ phí', 0, 'Theo Nghị quyết HĐND tỉnh')], result: 'Giấy chứng nhận kết hôn', fields: { ...spouses, originalMarriagePlace: s('Nơi đã đăng ký kết hôn trước đây') }, required: spousesRequired, life: ['getting_married'], kw: ['mat giay ket hon', 'lam lai giay ket hon'] });
civil({ code: 'LS.HT.07', name: 'Đăng ký lại khai tử', days: 5, fees: [fee('Lệ phí', 0, 'Theo Nghị quyết HĐND tỉnh')], result: 'Trích lục khai tử', fields: deceased, required: deceasedRequired, life: ['death_in_family'], kw: ['mat giay chung tu', 'lam lai khai tu'] });
civil({ code: 'LS.HT.08', name: 'Cấp Giấy xác nhận tình trạng hôn nhân', days: 3, fees: [fee('Lệ phí', 0, 'Theo Nghị quyết HĐND tỉnh')],
  docs: [form('declaration', 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', 'to-khai-xac-nhan-tinh-trang-hon-nhan.pdf'), idCard], result: 'Giấy xác nhận tình trạng hôn nhân (hiệu lực 6 tháng)',
  fields: { maritalStatus: pick('Tình trạng hôn nhân hiện tại', ['Chưa kết hôn', 'Đã ly hôn', 'Vợ/chồng đã chết', 'Đang có vợ/chồng']), purpose: s('Mục đích sử dụng', { maxLength: 300 }) },
  required: ['maritalStatus', 'purpose'], life: ['getting_married', 'buying_land'], kw: ['xac nhan doc than', 'giay doc than', 'xac nhan tinh trang hon nhan', 'chua ket hon', 'xac nhan hon nhan'] });
civil({ code: 'LS.HT.09', name: 'Cấp bản sao trích lục hộ tịch', days: 1, fees: [fee('Phí cấp bản sao trích lục', 8000, 'Mỗi bản sao (Thông tư 281/2016/TT-BTC)')], result: 'Bản sao trích lục hộ tịch',
  fields: { recordType: pick('Loại sự kiện hộ tịch', ['Khai sinh', 'Kết hôn', 'Khai tử', 'Nhận cha, mẹ, con', 'Khác']), personName: name('Họ và tên người có sự kiện hộ tịch'), eventDate: date('Ngày đăng ký'), copiesRequested: int('Số bản cần cấp', 1, 20) },
  required: ['recordType', 'personName', 'copiesRequested'], kw: ['ban sao giay khai sinh', 'trich luc', 'xin ban sao khai sinh', 'ban sao giay ket hon', 'trich luc khai sinh'] });
civil({ code: 'LS.HT.10', name: 'Đăng ký giám hộ', days: 3, result: 'Trích lục đăng ký giám hộ', fields: { guardianName: name('Họ và tên người giám hộ'), wardName: name('Họ và tên người được giám hộ'), wardBirthDate: date('Ngày sinh người được giám hộ'), reason: s('Lý do giám hộ', { maxLength: 1000 }) }, required: ['guardianName', 'wardName', 'reason'], kw: ['giam ho', 'nguoi giam ho', 'nuoi chau'] });
civil({ code: 'LS.HT.11', name: 'Đăng ký chấm dứt giám hộ', days: 2, result: 'Trích lục đăng ký chấm dứt giám hộ', fields: { guardianName: name('Họ và tên người giám hộ'), wardName: name('Họ và tên người được giám hộ'), reason: s('Lý do chấm dứt', { maxLength: 1000 }) }, required: ['guardianName', 'wardName', 'reason'], kw: ['cham dut giam ho', 'thoi giam ho'] });
civil({ code: 'LS.HT.12', name: 'Đăng ký khai sinh có yếu tố nước ngoài', days: 3, fees: [fee('Lệ phí', 75000, 'Mức thu theo Nghị quyết HĐND tỉnh')], result: 'Giấy khai sinh', fields: { ...child, foreignParentNationality: s('Quốc tịch của cha hoặc mẹ là người nước ngoài', { maxLength: 100 }) }, required: [...childRequired, 'foreignParentNationality'], life: ['having_baby'], kw: ['khai sinh yeu to nuoc ngoai', 'con lai', 'bo nguoi trung quoc', 'cha me nuoc ngoai'] });
civil({ code: 'LS.HT.13', name: 'Đăng ký kết hôn có yếu tố nước ngoài', days: 10, fees: [fee('Lệ phí', 1000000, 'Mức thu theo Nghị quyết HĐND tỉnh')],
  docs: [form('declaration', 'Tờ khai đăng ký kết hôn', 'to-khai-dang-ky-ket-hon.pdf'), doc('health', 'Giấy xác nhận của tổ chức y tế về không mắc bệnh tâm thần'), doc('foreignMarital', 'Giấy tờ chứng minh tình trạng hôn nhân của người nước ngoài (hợp pháp hóa lãnh sự, dịch công chứng)')],
  result: 'Giấy chứng nhận kết hôn', fields: { ...spouses, foreignPartnerNationality: s('Quốc tịch của bên là người nước ngoài', { maxLength: 100 }), foreignPassport: s('Số hộ chiếu của bên là người nước ngoài', { maxLength: 30 }) },
  required: [...spousesRequired.filter((k) => !k.endsWith('IdNumber')), 'foreignPartnerNationality', 'foreignPassport'], life: ['getting_married'], kw: ['ket hon voi nguoi nuoc ngoai', 'lay chong trung quoc', 'lay vo nuoc ngoai', 'ket hon yeu to nuoc ngoai', 'lay chong nuoc ngoai'] });
civil({ code: 'LS.HT.14', name: 'Ghi vào Sổ hộ tịch việc kết hôn của công dân Việt Nam đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài', days: 5, fees: [fee('Lệ phí', 75000, 'Mức thu theo Nghị quyết HĐND tỉnh')], result: 'Trích lục ghi chú kết hôn', fields: { ...spouses, foreignAuthority: s('Cơ quan nước ngoài đã đăng ký kết hôn', { maxLength: 200 }) }, required: ['brideName', 'groomName', 'foreignAuthority'], life: ['getting_married'], kw: ['ghi chu ket hon', 'ket hon o nuoc ngoai'] });
civil({ code: 'LS.HT.15', name: 'Ghi vào Sổ hộ tịch việc ly hôn, hủy việc kết hôn đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài', days: 5, fees: [fee('Lệ phí', 75000, 'Mức thu theo Nghị quyết HĐND tỉnh')], result: 'Trích lục ghi chú ly hôn', fields: { ...spouses, judgementReference: s('Số bản án, quyết định ly hôn của nước ngoài', { maxLength: 100 }) }, required: ['brideName', 'groomName', 'judgementReference'], kw: ['ghi chu ly hon', 'ly hon o nuoc ngoai'] });
civil({ code: 'LS.HT.16', name: 'Đăng ký khai tử có yếu tố nước ngoài', days: 3, fees: [fee('Lệ phí', 75000, 'Mức thu theo Nghị quyết HĐND tỉnh')], result: 'Trích lục khai tử', fields: { ...deceased, nationality: s('Quốc tịch người đã chết', { maxLength: 100 }) }, required: [...deceasedRequired, 'nationality'], life: ['death_in_family'], kw: ['khai tu nguoi nuoc ngoai'] });
civil({ code: 'LS.HT.17', name: 'Đăng ký nuôi con nuôi trong nước', days: 20, sector: 'Nuôi con nuôi', legal: ['Luật Nuôi con nuôi 2010', 'Nghị định 19/2011/NĐ-CP (sửa đổi bởi Nghị định 24/2019/NĐ-CP)', 'Nghị định 114/2016/NĐ-CP về lệ phí'],
  fees: [fee('Lệ phí đăng ký nuôi con nuôi trong nước', 400000, 'Nghị định 114/2016/NĐ-CP; nuôi con nuôi là con riêng, cháu ruột được miễn')], result: 'Giấy chứng nhận nuôi con nuôi',
  docs: [form('application', 'Đơn xin nhận con nuôi', null), doc('health', 'Giấy khám sức khỏe của người nhận con nuôi'), doc('judicial', 'Phiếu lý lịch tư pháp của người nhận con nuôi'), doc('childPapers', 'Giấy khai sinh và ảnh của trẻ được nhận làm con nuôi')],
  fields: { adopterName: name('Họ và tên người nhận con nuôi'), childName: name('Họ và tên trẻ được nhận làm con nuôi'), childBirthDate: date('Ngày sinh của trẻ'), relationshipBefore: s('Quan hệ trước đây với trẻ (nếu có)', { maxLength: 100 }) },
  required: ['adopterName', 'childName', 'childBirthDate'], life: ['having_baby'], kw: ['nhan con nuoi', 'xin con nuoi', 'con nuoi'] });
civil({ code: 'LS.HT.18', name: 'Đăng ký lại việc nuôi con nuôi trong nước', days: 5, sector: 'Nuôi con nuôi', legal: ['Luật Nuôi con nuôi 2010', 'Nghị định 19/2011/NĐ-CP'], result: 'Giấy chứng nhận nuôi con nuôi (đăng ký lại)', fields: { adopterName: name('Họ và tên người nhận con nuôi'), childName: name('Họ và tên con nuôi'), originalDate: date('Ngày đã đăng ký trước đây') }, required: ['adopterName', 'childName'], kw: ['mat giay con nuoi'] });
civil({ code: 'LS.HT.19', name: 'Đăng ký khai sinh lưu động', days: 5, result: 'Giấy khai sinh (cán bộ tư pháp đến tận nhà)', fields: child, required: childRequired, life: ['having_baby'], applicants: 'Trẻ sinh ra mà cha mẹ bị khuyết tật, ốm bệnh không thể đi đăng ký; trẻ bị bỏ rơi', kw: ['khai sinh tai nha', 'can bo den nha khai sinh'] });

// =============================== Chứng thực (certification), commune ===============================
const certify = (def) => p({ agency: COMMUNE, sector: 'Chứng thực', level: def.level ?? 'partial_online', legal: ['Nghị định 23/2015/NĐ-CP về cấp bản sao từ sổ gốc, chứng thực', 'Thông tư 01/2020/TT-BTP', 'Thông tư 226/2016/TT-BTC về phí chứng thực'], applicants: 'Cá nhân, tổ chức có yêu cầu', ...def });
const SIGN_FEE = [fee('Phí chứng thực chữ ký', 10000, 'Mỗi trường hợp (Thông tư 226/2016/TT-BTC)')];
const CONTRACT_FEE = [fee('Phí chứng thực hợp đồng, giao dịch', 50000, 'Mỗi hợp đồng, giao dịch (Thông tư 226/2016/TT-BTC)')];
certify({ code: 'LS.CTH.01', name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản', days: 1, daysNote: 'Trong ngày; nhận sau 15 giờ thì trả ngày làm việc tiếp theo',
  fees: [fee('Phí chứng thực bản sao', 2000, '2.000 đồng/trang; từ trang thứ 3 trở đi 1.000 đồng/trang, tối đa 200.000 đồng/bản (Thông tư 226/2016/TT-BTC)')],
  docs: [doc('original', 'Bản chính giấy tờ, văn bản cần chứng thực'), doc('copy', 'Bản sao cần chứng thực (nếu không có, cán bộ chụp từ bản chính)', { required: false, originals: 0, copies: 1 })],
  result: 'Bản sao có chứng thực', fields: copies, required: ['documentName', 'pages', 'copies'], life: ['starting_job', 'school'],
  kw: ['cong chung', 'cong chung giay to', 'sao y', 'sao y ban chinh', 'chung thuc ban sao', 'photo cong chung', 'cong chung cccd', 'cong chung bang'] });
certify({ code: 'LS.CTH.02', name: 'Cấp bản sao điện tử được chứng thực từ bản chính', level: 'full_online', days: 1,
  fees: [fee('Phí chứng thực bản sao điện tử', 2000, '2.000 đồng/trang (Thông tư 226/2016/TT-BTC)')], result: 'Bản sao điện tử có chữ ký số của cơ quan chứng thực',
  fields: copies, required: ['documentName', 'pages', 'copies'], kw: ['chung thuc dien tu', 'cong chung online', 'sao y dien tu', 'cong chung truc tuyen'] });
certify({ code: 'LS.CTH.03', name: 'Chứng thực chữ ký trong các giấy tờ, văn bản', days: 1, fees: SIGN_FEE, result: 'Giấy tờ, văn bản được chứng thực chữ ký',
  docs: [doc('paper', 'Giấy tờ, văn bản mà người yêu cầu sẽ ký'), idCard], fields: { documentName: s('Tên giấy tờ cần chứng thực chữ ký', { maxLength: 300 }), signers: int('Số người ký', 1, 20) }, required: ['documentName'],
  kw: ['chung thuc chu ky', 'xac nhan chu ky', 'cong chung chu ky', 'ky xac nhan'] });
certify({ code: 'LS.CTH.04', name: 'Chứng thực chữ ký người dịch mà người dịch không phải là cộng tác viên dịch thuật', days: 1, fees: SIGN_FEE, result: 'Bản dịch được chứng thực chữ ký người dịch',
  fields: { documentName: s('Tên giấy tờ được dịch', { maxLength: 300 }), language: s('Ngôn ngữ dịch', { maxLength: 50 }), translatorName: name('Họ và tên người dịch') }, required: ['documentName', 'language', 'translatorName'], kw: ['dich thuat cong chung', 'ban dich', 'dich tieng trung'] });
certify({ code: 'LS.CTH.05', name: 'Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất, nhà ở', days: 2, fees: CONTRACT_FEE, result: 'Hợp đồng, giao dịch được chứng thực',
  docs: [form('contract', 'Dự thảo hợp đồng, giao dịch', null), doc('ownership', 'Giấy chứng nhận quyền sử dụng đất hoặc giấy tờ về tài sản', { originals: 0, copies: 1 }), idCard],
  fields: { ...contract, ...parcel }, required: ['contractType', 'counterpartyName', 'assetDescription'], life: ['buying_land'],
  kw: ['cong chung hop dong', 'chung thuc hop dong mua ban dat', 'hop dong mua ban nha', 'cong chung mua ban dat', 'hop dong tang cho'] });
certify({ code: 'LS.CTH.06', name: 'Chứng thực di chúc', days: 2, fees: CONTRACT_FEE, result: 'Di chúc được chứng thực', fields: { testatorName: name('Họ và tên người lập di chúc'), assetDescription: s('Tài sản để lại', { maxLength: 2000 }), heirs: s('Người được hưởng di sản', { maxLength: 1000 }) }, required: ['testatorName', 'assetDescription', 'heirs'], life: ['death_in_family'], kw: ['lam di chuc', 'viet di chuc', 'cong chung di chuc'] });
certify({ code: 'LS.CTH.07', name: 'Chứng thực văn bản thỏa thuận phân chia di sản', days: 2, fees: CONTRACT_FEE, result: 'Văn bản thỏa thuận phân chia di sản được chứng thực', fields: { deceasedName: name('Họ và tên người để lại di sản'), assetDescription: s('Di sản', { maxLength: 2000 }), heirs: s('Những người thừa kế', { maxLength: 1000 }) }, required: ['deceasedName', 'assetDescription', 'heirs'], life: ['death_in_family'], kw: ['chia thua ke', 'phan chia di san', 'thoa thuan thua ke'] });
certify({ code: 'LS.CTH.08', name: 'Chứng thực văn bản khai nhận di sản', days: 2, fees: CONTRACT_FEE, result: 'Văn bản khai nhận di sản được chứng thực', fields: { deceasedName: name('Họ và tên người để lại di sản'), assetDescription: s('Di sản', { maxLength: 2000 }), heirName: name('Người khai nhận') }, required: ['deceasedName', 'assetDescription', 'heirName'], life: ['death_in_family'], kw: ['khai nhan di san', 'nhan thua ke', 'thua ke nha dat'] });
certify({ code: 'LS.CTH.09', name: 'Chứng thực văn bản từ chối nhận di sản', days: 2, fees: CONTRACT_FEE, result: 'Văn bản từ chối nhận di sản được chứng thực', fields: { deceasedName: name('Họ và tên người để lại di sản'), refusingHeir: name('Người từ chối nhận di sản') }, required: ['deceasedName', 'refusingHeir'], life: ['death_in_family'], kw: ['tu choi thua ke', 'khong nhan thua ke'] });
certify({ code: 'LS.CTH.10', name: 'Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch', days: 2, fees: [fee('Phí chứng thực', 30000, 'Mỗi hợp đồng, giao dịch (Thông tư 226/2016/TT-BTC)')], result: 'Văn bản sửa đổi, bổ sung, hủy bỏ được chứng thực', fields: { ...contract, change: s('Nội dung sửa đổi, bổ sung hoặc hủy bỏ', { maxLength: 2000 }) }, required: ['contractType', 'change'], kw: ['sua hop dong', 'huy hop dong'] });
certify({ code: 'LS.CTH.11', name: 'Cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực', days: 1, fees: [fee('Phí', 2000, '2.000 đồng/trang, từ trang thứ 3 là 1.000 đồng/trang')], result: 'Bản sao có chứng thực hợp đồng', fields: { contractType: s('Hợp đồng, giao dịch cần cấp bản sao', { maxLength: 200 }), certifiedDate: date('Ngày đã chứng thực'), copies: int('Số bản', 1, 20) }, required: ['contractType', 'copies'], kw: ['ban sao hop dong'] });

// =============================== Cư trú (residence), commune police ===============================
const res = (def) => p({ agency: RESIDENCE_POLICE, sector: 'Cư trú', level: 'full_online', online: false, externalUrl: NATIONAL_PORTAL, legal: [LAW_RES, DECREE_RES, 'Thông tư 53/2021/TT-BCA'], ...def });
res({ code: 'LS.CT.05', name: 'Xóa đăng ký thường trú', days: 5, result: 'Thông tin thường trú được xóa trong Cơ sở dữ liệu về cư trú', fields: { personName: name('Họ và tên người bị xóa đăng ký'), reason: s('Lý do (chết, định cư nước ngoài...)', { maxLength: 500 }) }, required: ['personName', 'reason'], life: ['death_in_family'], kw: ['xoa ho khau', 'cat khau', 'xoa thuong tru', 'cat ho khau'] });
res({ code: 'LS.CT.06', name: 'Xóa đăng ký tạm trú', days: 3, result: 'Thông tin tạm trú được xóa', fields: { personName: name('Họ và tên người bị xóa đăng ký tạm trú'), reason: s('Lý do', { maxLength: 500 }) }, required: ['personName', 'reason'], kw: ['xoa tam tru', 'het tam tru'] });
res({ code: 'LS.CT.07', name: 'Gia hạn tạm trú', days: 3, fees: [fee('Lệ phí', 15000, 'Nộp trực tuyến 7.000 đồng (Thông tư 75/2022/TT-BTC)')], result: 'Thông báo gia hạn tạm trú', fields: { ...residence, stayUntil: date('Gia hạn đến ngày') }, required: ['residenceAddress', 'stayUntil'], kw: ['gia han tam tru', 'het han tam tru'] });
res({ code: 'LS.CT.08', name: 'Tách hộ', days: 5, fees: [fee('Lệ phí', 10000, 'Nộp trực tuyến 5.000 đồng (Thông tư 75/2022/TT-BTC)')], result: 'Thông báo kết quả tách hộ', fields: { ...residence, newHeadName: name('Họ và tên chủ hộ mới') }, required: ['residenceAddress', 'newHeadName'], life: ['getting_married'], kw: ['tach khau', 'tach ho khau', 'tach so ho khau'] });
res({ code: 'LS.CT.09', name: 'Điều chỉnh thông tin về cư trú trong Cơ sở dữ liệu về cư trú', days: 3, result: 'Thông tin cư trú được điều chỉnh', fields: { personName: name('Họ và tên'), fieldToChange: s('Thông tin cần điều chỉnh', { maxLength: 200 }), newValue: s('Thông tin mới', { maxLength: 300 }) }, required: ['personName', 'fieldToChange', 'newValue'], kw: ['sua thong tin cu tru', 'sai thong tin ho khau', 'doi chu ho'] });
res({ code: 'LS.CT.10', name: 'Xác nhận thông tin về cư trú', days: 1, daysNote: 'Không quá 1/2 ngày làm việc nếu thông tin đã có trong cơ sở dữ liệu', result: 'Giấy xác nhận thông tin về cư trú (mẫu CT07)', fields: { purpose: s('Mục đích sử dụng', { maxLength: 300 }) }, required: ['purpose'], life: ['school', 'starting_job'], kw: ['ct07', 'xac nhan cu tru', 'giay xac nhan noi o', 'xac nhan ho khau', 'thay so ho khau', 'ct08'] });
res({ code: 'LS.XNC.02', name: 'Cấp giấy thông hành biên giới Việt Nam – Trung Quốc cho công dân Việt Nam', sector: 'Xuất nhập cảnh', agency: POLICE, days: 5, fees: [fee('Lệ phí', 50000, 'Thông tư 25/2021/TT-BTC')], legal: ['Luật Xuất cảnh, nhập cảnh của công dân Việt Nam 2019', 'Nghị định 76/2020/NĐ-CP'], result: 'Giấy thông hành biên giới', applicants: 'Công dân Việt Nam thường trú tại tỉnh có chung biên giới với Trung Quốc', fields: { borderGate: s('Cửa khẩu dự định qua lại (ví dụ Hữu Nghị, Tân Thanh)', { maxLength: 100 }), purpose: s('Mục đích', { maxLength: 300 }) }, required: ['borderGate'], life: ['travelling_abroad'], kw: ['giay thong hanh', 'sang trung quoc', 'qua cua khau', 'so thong hanh', 'di bang tuong'] });

// =============================== Đất đai (land) ===============================
const LAND_LAW = ['Luật Đất đai 2024', 'Nghị định 101/2024/NĐ-CP về đăng ký, cấp Giấy chứng nhận', 'Nghị định 151/2025/NĐ-CP về phân định thẩm quyền khi tổ chức chính quyền hai cấp'];
const land = (def) => p({ agency: COMMUNE, sector: 'Đất đai', legal: LAND_LAW, required: parcelRequired, life: ['buying_land'], ...def, fields: { ...parcel, ...(def.fields ?? {}) } });
land({ code: 'LS.DD.02', name: 'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu', days: 20,
  fees: [fee('Lệ phí cấp Giấy chứng nhận', 100000, 'Mức thu theo Nghị quyết HĐND tỉnh Lạng Sơn'), fee('Phí thẩm định hồ sơ', 0, 'Theo Nghị quyết HĐND tỉnh')],
  docs: [form('declaration', 'Đơn đăng ký đất đai, tài sản gắn liền với đất (mẫu 04/ĐK)', 'don-dang-ky-dat-dai.pdf'), doc('origin', 'Giấy tờ về quyền sử dụng đất (nếu có)', { required: false }), doc('map', 'Mảnh trích đo địa chính (nếu có)', { required: false })],
  result: 'Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', fields: { landUse: pick('Mục đích sử dụng đất', ['Đất ở', 'Đất trồng cây hằng năm', 'Đất trồng cây lâu năm', 'Đất rừng sản xuất', 'Đất nuôi trồng thủy sản', 'Khác']), originOfUse: s('Nguồn gốc sử dụng đất', { maxLength: 1000 }) },
  required: [...parcelRequired, 'landUse'], life: ['buying_land', 'building_house'], kw: ['lam so do', 'cap so do', 'cap so do lan dau', 'lam so hong', 'gcn qsdd', 'giay chung nhan quyen su dung dat', 'qsdd', 'so do lan dau', 'bia do'] });
land({ code: 'LS.DD.03', name: 'Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', days: 7, agency: LAND, fees: [fee('Lệ phí cấp đổi Giấy chứng nhận', 50000, 'Mức thu theo Nghị quyết HĐND tỉnh')], result: 'Giấy chứng nhận mới', fields: { reason: s('Lý do cấp đổi (rách, nát, đo đạc lại...)', { maxLength: 500 }) }, kw: ['doi so do', 'so do bi rach', 'cap doi so do', 'doi so hong'] });
land({ code: 'LS.DD.04', name: 'Cấp lại Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất do bị mất', days: 10, agency: LAND, fees: [fee('Lệ phí cấp lại Giấy chứng nhận', 50000, 'Mức thu theo Nghị quyết HĐND tỉnh')], result: 'Giấy chứng nhận cấp lại', fields: { lossDate: date('Ngày bị mất'), lossDetails: s('Hoàn cảnh bị mất', { maxLength: 1000 }) }, kw: ['mat so do', 'lam lai so do', 'mat so hong', 'cap lai so do'] });
land({ code: 'LS.DD.05', name: 'Đính chính Giấy chứng nhận đã cấp', days: 5, agency: LAND, result: 'Giấy chứng nhận đã được đính chính', fields: { errorDescription: s('Nội dung sai sót cần đính chính', { maxLength: 1000 }) }, kw: ['sua so do', 'so do bi sai', 'dinh chinh so do', 'sai ten tren so do'] });
land({ code: 'LS.DD.06', name: 'Chuyển mục đích sử dụng đất', days: 15, fees: [fee('Tiền sử dụng đất', 0, 'Nộp theo thông báo của cơ quan thuế, tùy diện tích và bảng giá đất')], result: 'Quyết định cho phép chuyển mục đích sử dụng đất', fields: { currentUse: s('Mục đích sử dụng hiện tại', { maxLength: 100 }), requestedUse: s('Mục đích xin chuyển sang', { maxLength: 100 }), areaToConvert: num('Diện tích xin chuyển (m²)', 1, 100000) }, required: [...parcelRequired, 'currentUse', 'requestedUse', 'areaToConvert'], life: ['building_house', 'buying_land'], kw: ['chuyen dat vuon sang dat o', 'len tho cu', 'chuyen muc dich su dung dat', 'chuyen dat nong nghiep', 'len dat o', 'chuyen doi dat'] });
land({ code: 'LS.DD.07', name: 'Tách thửa hoặc hợp thửa đất', days: 15, agency: LAND, fees: [fee('Lệ phí cấp Giấy chứng nhận', 50000, 'Mỗi Giấy chứng nhận mới, theo Nghị quyết HĐND tỉnh')], result: 'Giấy chứng nhận cho các thửa đất mới', fields: { operation: pick('Yêu cầu', ['Tách thửa', 'Hợp thửa']), resultingParcels: int('Số thửa sau khi tách/hợp', 1, 50) }, required: [...parcelRequired, 'operation'], kw: ['tach so', 'tach thua', 'chia dat cho con', 'hop thua', 'tach so do'] });
land({ code: 'LS.DD.08', name: 'Đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất', days: 1, agency: LAND, sector: 'Đăng ký biện pháp bảo đảm', fees: [fee('Phí đăng ký biện pháp bảo đảm', 80000, 'Mỗi hồ sơ (Thông tư 202/2016/TT-BTC)')], legal: ['Bộ luật Dân sự 2015', 'Nghị định 99/2022/NĐ-CP về đăng ký biện pháp bảo đảm'], result: 'Giấy chứng nhận được ghi nội dung thế chấp', fields: { lender: s('Bên nhận thế chấp (ngân hàng)', { maxLength: 200 }), loanContract: s('Số hợp đồng thế chấp', { maxLength: 100 }) }, required: [...parcelRequired, 'lender'], kw: ['the chap so do', 'vay ngan hang', 'cam so do', 'the chap dat'] });
land({ code: 'LS.DD.09', name: 'Xóa đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất', days: 1, agency: LAND, sector: 'Đăng ký biện pháp bảo đảm', fees: [fee('Phí xóa đăng ký', 20000, 'Thông tư 202/2016/TT-BTC')], legal: ['Nghị định 99/2022/NĐ-CP'], result: 'Giấy chứng nhận được xóa nội dung thế chấp', fields: { lender: s('Bên nhận thế chấp', { maxLength: 200 }) }, kw: ['xoa the chap', 'giai chap', 'rut so do ngan hang'] });
land({ code: 'LS.DD.10', name: 'Gia hạn sử dụng đất nông nghiệp của hộ gia đình, cá nhân', days: 7, result: 'Giấy chứng nhận được xác nhận gia hạn', fields: { expiryDate: date('Ngày hết hạn sử dụng đất') }, life: [], kw: ['het han so do', 'gia han dat nong nghiep'] });
land({ code: 'LS.DD.11', name: 'Hòa giải tranh chấp đất đai', days: 30, result: 'Biên bản hòa giải thành hoặc không thành', fields: { otherParty: name('Họ và tên bên tranh chấp'), disputeDetails: s('Nội dung tranh chấp', { maxLength: 4000 }) }, required: ['parcelAddress', 'otherParty', 'disputeDetails'], life: [], kw: ['tranh chap dat', 'lan chiem dat', 'hoa giai dat', 'ranh gioi dat'] });
land({ code: 'LS.DD.12', name: 'Cung cấp thông tin, dữ liệu đất đai', days: 2, agency: LAND, fees: [fee('Phí khai thác thông tin', 0, 'Theo Nghị quyết HĐND tỉnh; tra cứu thông tin cơ bản trực tuyến không thu')], result: 'Thông tin, dữ liệu đất đai', fields: { information: s('Thông tin cần cung cấp (quy hoạch, chủ sử dụng, thế chấp...)', { maxLength: 1000 }) }, required: ['parcelAddress', 'information'], kw: ['tra cuu quy hoach', 'kiem tra so do', 'thong tin thua dat', 'quy hoach dat', 'xem quy hoach'] });

// =============================== Xây dựng (construction) ===============================
const BUILD_LAW = ['Luật Xây dựng 2014 (sửa đổi 2020)', 'Nghị định 175/2024/NĐ-CP quy định chi tiết Luật Xây dựng', 'Nghị định 140/2025/NĐ-CP về phân định thẩm quyền trong lĩnh vực xây dựng'];
const build = (def) => p({ agency: COMMUNE, sector: 'Xây dựng', legal: BUILD_LAW, fields: building, required: ['buildingAddress', 'floorArea', 'floors'], life: ['building_house'], ...def });
const PERMIT_FEE = [fee('Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ', 75000, 'Mức thu theo Nghị quyết HĐND tỉnh Lạng Sơn')];
build({ code: 'LS.XD.01', name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ', days: 15, fees: PERMIT_FEE,
  docs: [form('application', 'Đơn đề nghị cấp giấy phép xây dựng (mẫu số 01)', 'don-de-nghi-cap-giay-phep-xay-dung.pdf'), doc('landPapers', 'Giấy tờ chứng minh quyền sử dụng đất', { originals: 0, copies: 1 }), doc('drawings', 'Bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng)', { originals: 2 })],
  result: 'Giấy phép xây dựng', kw: ['xin giay phep xay nha', 'xin phep xay nha', 'giay phep xay dung', 'gpxd', 'xay nha', 'lam nha', 'xay nha moi', 'phep xay dung'] });
build({ code: 'LS.XD.02', name: 'Cấp giấy phép sửa chữa, cải tạo đối với nhà ở riêng lẻ', days: 15, fees: PERMIT_FEE, result: 'Giấy phép sửa chữa, cải tạo', fields: { ...building, worksDescription: s('Nội dung sửa chữa, cải tạo', { maxLength: 2000 }) }, required: ['buildingAddress', 'worksDescription'], kw: ['sua nha', 'cai tao nha', 'nang tang', 'sua chua nha'] });
build({ code: 'LS.XD.03', name: 'Cấp giấy phép di dời công trình', days: 15, fees: PERMIT_FEE, result: 'Giấy phép di dời công trình', fields: { ...building, newLocation: s('Địa điểm di dời đến') }, required: ['buildingAddress', 'newLocation'], kw: ['di doi nha', 'chuyen nha', 'di doi cong trinh'] });
build({ code: 'LS.XD.04', name: 'Điều chỉnh giấy phép xây dựng nhà ở riêng lẻ', days: 15, fees: PERMIT_FEE, result: 'Giấy phép xây dựng điều chỉnh', fields: { ...building, permitNumber: s('Số giấy phép đã cấp', { maxLength: 50 }), changes: s('Nội dung điều chỉnh', { maxLength: 2000 }) }, required: ['permitNumber', 'changes'], kw: ['dieu chinh giay phep xay dung', 'thay doi thiet ke'] });
build({ code: 'LS.XD.05', name: 'Gia hạn giấy phép xây dựng nhà ở riêng lẻ', days: 5, fees: [fee('Lệ phí gia hạn', 0, 'Theo Nghị quyết HĐND tỉnh')], result: 'Giấy phép xây dựng được gia hạn', fields: { permitNumber: s('Số giấy phép đã cấp', { maxLength: 50 }), reason: s('Lý do chưa khởi công', { maxLength: 1000 }) }, required: ['permitNumber', 'reason'], kw: ['gia han giay phep xay dung', 'het han giay phep xay dung'] });
build({ code: 'LS.XD.06', name: 'Cấp lại giấy phép xây dựng nhà ở riêng lẻ', days: 5, fees: [fee('Lệ phí cấp lại', 0, 'Theo Nghị quyết HĐND tỉnh')], result: 'Giấy phép xây dựng cấp lại', fields: { permitNumber: s('Số giấy phép đã cấp', { maxLength: 50 }), reason: s('Lý do (mất, rách)', { maxLength: 500 }) }, required: ['permitNumber', 'reason'], kw: ['mat giay phep xay dung'] });
build({ code: 'LS.XD.07', name: 'Cấp giấy phép xây dựng mới đối với công trình cấp II, cấp III', agency: CONSTRUCTION, days: 20, fees: [fee('Lệ phí cấp giấy phép xây dựng công trình', 150000, 'Mức thu theo Nghị quyết HĐND tỉnh')], result: 'Giấy phép xây dựng công trình', applicants: 'Chủ đầu tư', fields: { ...building, projectName: s('Tên công trình', { maxLength: 300 }), investor: s('Chủ đầu tư', { maxLength: 200 }) }, required: ['projectName', 'investor', 'buildingAddress'], life: ['starting_business'], kw: ['giay phep xay dung cong trinh', 'xay nha xuong', 'xay khach san'] });
build({ code: 'LS.XD.08', name: 'Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III', agency: CONSTRUCTION, days: 20, fees: [fee('Lệ phí cấp chứng chỉ', 300000, 'Thông tư 38/2022/TT-BTC')], result: 'Chứng chỉ hành nghề hoạt động xây dựng', applicants: 'Cá nhân hoạt động xây dựng', fields: { field: s('Lĩnh vực hành nghề (thiết kế, giám sát...)', { maxLength: 200 }), grade: pick('Hạng', ['Hạng II', 'Hạng III']), degree: s('Trình độ chuyên môn', { maxLength: 200 }) }, required: ['field', 'grade'], life: ['starting_job'], kw: ['chung chi hanh nghe xay dung', 'cchn xay dung'] });
build({ code: 'LS.XD.09', name: 'Cấp giấy phép thi công xây dựng công trình thiết yếu trong phạm vi bảo vệ kết cấu hạ tầng giao thông đường bộ', agency: CONSTRUCTION, sector: 'Đường bộ', days: 7, fees: FREE, legal: ['Luật Đường bộ 2024', 'Thông tư 41/2024/TT-BGTVT'], result: 'Giấy phép thi công', fields: { projectName: s('Tên công trình', { maxLength: 300 }), roadName: s('Tuyến đường, lý trình', { maxLength: 200 }) }, required: ['projectName', 'roadName'], life: [], kw: ['dao duong', 'dau noi duong', 'thi cong tren duong'] });

// =============================== Hộ kinh doanh (household business), commune ===============================
const HH_LAW = ['Luật Doanh nghiệp 2020 (sửa đổi 2025)', 'Nghị định 168/2025/NĐ-CP về đăng ký doanh nghiệp và hộ kinh doanh', 'Thông tư 68/2025/TT-BTC'];
const hh = (def) => p({ agency: COMMUNE, sector: 'Thành lập và hoạt động của hộ kinh doanh', legal: HH_LAW, fields: household, required: ['businessName', 'businessAddress'], life: ['starting_business'], applicants: 'Cá nhân, thành viên hộ gia đình là công dân Việt Nam', ...def });
hh({ code: 'LS.HKD.01', name: 'Đăng ký thành lập hộ kinh doanh', days: 3, fees: [fee('Lệ phí đăng ký hộ kinh doanh', 100000, 'Mức thu theo Nghị quyết HĐND tỉnh; đăng ký trực tuyến được miễn')],
  docs: [form('application', 'Giấy đề nghị đăng ký hộ kinh doanh', 'giay-de-nghi-dang-ky-ho-kinh-doanh.pdf'), idCard], result: 'Giấy chứng nhận đăng ký hộ kinh doanh',
  required: ['businessName', 'businessAddress', 'businessLines', 'capitalVnd'], kw: ['hkd', 'mo ho kinh doanh', 'giay phep kinh doanh', 'dang ky kinh doanh', 'dkkd', 'mo quan', 'mo cua hang', 'kinh doanh ca the', 'gpkd', 'mo tiem'] });
hh({ code: 'LS.HKD.02', name: 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh', days: 3, fees: [fee('Lệ phí', 0, 'Miễn khi nộp trực tuyến; nộp trực tiếp theo Nghị quyết HĐND tỉnh')], result: 'Giấy chứng nhận đăng ký hộ kinh doanh (thay đổi)', fields: { ...household, registrationNumber: s('Mã số hộ kinh doanh', { maxLength: 20 }), changes: s('Nội dung thay đổi', { maxLength: 2000 }) }, required: ['registrationNumber', 'changes'], kw: ['thay doi giay phep kinh doanh', 'doi dia chi kinh doanh', 'them nganh nghe', 'doi chu ho kinh doanh'] });
hh({ code: 'LS.HKD.03', name: 'Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ kinh doanh', days: 3, fees: FREE, result: 'Giấy xác nhận về việc hộ kinh doanh đăng ký tạm ngừng kinh doanh', fields: { registrationNumber: s('Mã số hộ kinh doanh', { maxLength: 20 }), pauseFrom: date('Tạm ngừng từ ngày'), pauseTo: date('Đến ngày') }, required: ['registrationNumber', 'pauseFrom'], life: [], kw: ['tam ngung kinh doanh', 'nghi ban', 'dong cua tam thoi'] });
hh({ code: 'LS.HKD.04', name: 'Chấm dứt hoạt động hộ kinh doanh', days: 3, fees: FREE, result: 'Thông báo về việc chấm dứt hoạt động hộ kinh doanh', fields: { registrationNumber: s('Mã số hộ kinh doanh', { maxLength: 20 }), endDate: date('Ngày chấm dứt') }, required: ['registrationNumber', 'endDate'], life: [], kw: ['dong ho kinh doanh', 'giai the ho kinh doanh', 'thoi kinh doanh', 'nghi kinh doanh'] });
hh({ code: 'LS.HKD.05', name: 'Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh', days: 3, fees: FREE, result: 'Giấy chứng nhận đăng ký hộ kinh doanh cấp lại', fields: { registrationNumber: s('Mã số hộ kinh doanh', { maxLength: 20 }), reason: s('Lý do (mất, rách, cháy)', { maxLength: 500 }) }, required: ['registrationNumber', 'reason'], life: [], kw: ['mat giay phep kinh doanh', 'cap lai giay phep kinh doanh'] });

// =============================== Doanh nghiệp (enterprises), province ===============================
const COMPANY_LAW = ['Luật Doanh nghiệp 2020 (sửa đổi 2025)', 'Nghị định 168/2025/NĐ-CP về đăng ký doanh nghiệp', 'Thông tư 47/2019/TT-BTC về phí, lệ phí đăng ký doanh nghiệp'];
const COMPANY_FEE = [fee('Lệ phí đăng ký doanh nghiệp', 50000, 'Miễn khi đăng ký qua mạng điện tử (Thông tư 47/2019/TT-BTC)'), fee('Phí công bố nội dung đăng ký', 100000, 'Thông tư 47/2019/TT-BTC')];
const firm = (def) => p({ agency: FINANCE, sector: 'Thành lập và hoạt động doanh nghiệp', legal: COMPANY_LAW, fields: company, required: ['companyName', 'headOffice', 'businessLines', 'charterCapitalVnd', 'legalRepresentative'], life: ['starting_business'], applicants: 'Cá nhân, tổ chức thành lập doanh nghiệp', fees: COMPANY_FEE, result: 'Giấy chứng nhận đăng ký doanh nghiệp', days: 3, ...def });
firm({ code: 'LS.DN.01', name: 'Đăng ký thành lập doanh nghiệp tư nhân', kw: ['thanh lap doanh nghiep tu nhan', 'mo doanh nghiep', 'dntn', 'dkkd doanh nghiep'] });
firm({ code: 'LS.DN.02', name: 'Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên', kw: ['mo cong ty', 'thanh lap cong ty', 'tnhh', 'cong ty tnhh', 'dang ky cong ty'] });
firm({ code: 'LS.DN.03', name: 'Đăng ký thành lập công ty trách nhiệm hữu hạn hai thành viên trở lên', kw: ['cong ty tnhh 2 thanh vien', 'gop von mo cong ty'] });
firm({ code: 'LS.DN.04', name: 'Đăng ký thành lập công ty cổ phần', kw: ['cong ty co phan', 'ctcp', 'thanh lap cong ty co phan'] });
firm({ code: 'LS.DN.05', name: 'Đăng ký thay đổi người đại diện theo pháp luật của công ty', fees: [fee('Lệ phí', 50000, 'Miễn khi đăng ký qua mạng'), fee('Phí công bố', 100000, null)], fields: { ...company, enterpriseCode: s('Mã số doanh nghiệp', { pattern: '^[0-9]{10}(-[0-9]{3})?$', maxLength: 14 }), newRepresentative: name('Người đại diện mới') }, required: ['enterpriseCode', 'newRepresentative'], life: [], result: 'Giấy chứng nhận đăng ký doanh nghiệp (thay đổi)', kw: ['doi giam doc', 'thay doi nguoi dai dien'] });
firm({ code: 'LS.DN.06', name: 'Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn của doanh nghiệp', fees: FREE, fields: { enterpriseCode: s('Mã số doanh nghiệp', { pattern: '^[0-9]{10}(-[0-9]{3})?$', maxLength: 14 }), pauseFrom: date('Tạm ngừng từ ngày'), pauseTo: date('Đến ngày') }, required: ['enterpriseCode', 'pauseFrom'], life: [], result: 'Giấy xác nhận về việc doanh nghiệp đăng ký tạm ngừng kinh doanh', kw: ['tam ngung doanh nghiep', 'tam dung cong ty'] });
firm({ code: 'LS.DN.07', name: 'Giải thể doanh nghiệp', days: 5, fees: FREE, fields: { enterpriseCode: s('Mã số doanh nghiệp', { pattern: '^[0-9]{10}(-[0-9]{3})?$', maxLength: 14 }), reason: s('Lý do giải thể', { maxLength: 1000 }) }, required: ['enterpriseCode', 'reason'], life: [], result: 'Thông báo về việc doanh nghiệp giải thể', kw: ['dong cong ty', 'giai the cong ty', 'dong doanh nghiep'] });
firm({ code: 'LS.HTX.01', name: 'Đăng ký thành lập hợp tác xã', sector: 'Thành lập và hoạt động của hợp tác xã', legal: ['Luật Hợp tác xã 2023', 'Nghị định 92/2024/NĐ-CP về đăng ký hợp tác xã'], fields: { cooperativeName: s('Tên hợp tác xã', { minLength: 3, maxLength: 200 }), headOffice: s('Địa chỉ trụ sở'), members: int('Số thành viên', 5, 10000), charterCapitalVnd: int('Vốn điều lệ (đồng)', 0, 1000000000000) }, required: ['cooperativeName', 'headOffice', 'members'], result: 'Giấy chứng nhận đăng ký hợp tác xã', kw: ['htx', 'hop tac xa', 'lap hop tac xa'] });

// =============================== Bảo trợ xã hội, người có công, giảm nghèo ===============================
const SOCIAL_LAW = ['Nghị định 20/2021/NĐ-CP về chính sách trợ giúp xã hội', 'Nghị định 76/2024/NĐ-CP sửa đổi Nghị định 20/2021/NĐ-CP'];
const social = (def) => p({ agency: COMMUNE, sector: 'Bảo trợ xã hội', legal: SOCIAL_LAW, fields: beneficiary, required: beneficiaryRequired, fees: FREE, ...def });
social({ code: 'LS.BTXH.01', name: 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hàng tháng', days: 15,
  docs: [form('application', 'Tờ khai đề nghị trợ giúp xã hội', 'to-khai-de-nghi-tro-giup-xa-hoi.pdf'), doc('evidence', 'Giấy tờ chứng minh thuộc đối tượng (giấy xác nhận khuyết tật...)', { required: false })],
  applicants: 'Người cao tuổi, người khuyết tật, trẻ em mồ côi, người đơn thân nghèo nuôi con và các đối tượng bảo trợ xã hội khác', result: 'Quyết định hưởng trợ cấp xã hội hàng tháng',
  fields: { ...beneficiary, group: pick('Thuộc nhóm', ['Người cao tuổi', 'Người khuyết tật', 'Trẻ em mồ côi', 'Người đơn thân nghèo nuôi con', 'Người nhiễm HIV nghèo', 'Khác']), bankAccount: s('Số tài khoản nhận trợ cấp (nếu có)', { pattern: '^[0-9]{6,20}$', maxLength: 20 }) },
  required: [...beneficiaryRequired, 'group'], life: ['old_age', 'disability'], kw: ['tro cap xa hoi', 'tro cap nguoi gia', 'tien nguoi cao tuoi', 'tro cap hang thang', 'tro cap khuyet tat', 'luong nguoi gia', 'tro cap 80 tuoi', 'tre mo coi', 'btxh'] });
social({ code: 'LS.BTXH.02', name: 'Trợ giúp xã hội khẩn cấp về hỗ trợ làm nhà ở, sửa chữa nhà ở', days: 10, result: 'Quyết định hỗ trợ làm nhà ở, sửa chữa nhà ở', fields: { ...beneficiary, damage: s('Mức độ thiệt hại về nhà ở', { maxLength: 2000 }) }, required: [...beneficiaryRequired, 'damage'], life: ['natural_disaster'], kw: ['nha bi sap', 'bao lu sap nha', 'ho tro lam nha', 'nha bi chay', 'thien tai'] });
social({ code: 'LS.BTXH.03', name: 'Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội', days: 3, result: 'Quyết định hỗ trợ chi phí mai táng', fields: { ...deceased }, required: deceasedRequired, life: ['death_in_family'], kw: ['mai tang phi nguoi gia', 'ho tro mai tang', 'tien ma chay'] });
social({ code: 'LS.BTXH.04', name: 'Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật', days: 20, sector: 'Bảo trợ xã hội', legal: ['Luật Người khuyết tật 2010', 'Nghị định 28/2012/NĐ-CP', 'Thông tư 01/2019/TT-BLĐTBXH'], result: 'Giấy xác nhận khuyết tật', fields: { ...beneficiary, disabilityType: pick('Dạng khuyết tật', ['Vận động', 'Nghe, nói', 'Nhìn', 'Thần kinh, tâm thần', 'Trí tuệ', 'Khác']) }, required: [...beneficiaryRequired, 'disabilityType'], life: ['disability'], kw: ['giay xac nhan khuyet tat', 'nguoi tan tat', 'khuyet tat', 'xac nhan tan tat'] });
social({ code: 'LS.BTXH.05', name: 'Đổi, cấp lại Giấy xác nhận khuyết tật', days: 5, legal: ['Luật Người khuyết tật 2010', 'Thông tư 01/2019/TT-BLĐTBXH'], result: 'Giấy xác nhận khuyết tật (đổi, cấp lại)', life: ['disability'], kw: ['mat giay khuyet tat', 'doi giay khuyet tat'] });
social({ code: 'LS.GN.01', name: 'Công nhận hộ nghèo, hộ cận nghèo phát sinh trong năm', sector: 'Giảm nghèo', days: 15, legal: ['Nghị định 07/2021/NĐ-CP về chuẩn nghèo đa chiều', 'Quyết định 24/2021/QĐ-TTg'], result: 'Quyết định công nhận và Giấy chứng nhận hộ nghèo, hộ cận nghèo', fields: { householdHead: name('Họ và tên chủ hộ'), members: int('Số nhân khẩu', 1, 30), monthlyIncome: int('Thu nhập bình quân đầu người/tháng (đồng)', 0, 100000000), situation: s('Hoàn cảnh gia đình', { maxLength: 2000 }) }, required: ['householdHead', 'members', 'situation'], life: ['losing_job'], kw: ['ho ngheo', 'so ho ngheo', 'ho can ngheo', 'xin ho ngheo', 'giay chung nhan ho ngheo'] });
social({ code: 'LS.GN.02', name: 'Công nhận hộ thoát nghèo, hộ thoát cận nghèo trong năm', sector: 'Giảm nghèo', days: 15, legal: ['Nghị định 07/2021/NĐ-CP', 'Quyết định 24/2021/QĐ-TTg'], result: 'Quyết định công nhận hộ thoát nghèo, thoát cận nghèo', fields: { householdHead: name('Họ và tên chủ hộ'), members: int('Số nhân khẩu', 1, 30) }, required: ['householdHead'], life: [], kw: ['thoat ngheo', 'ra khoi ho ngheo'] });
social({ code: 'LS.TE.01', name: 'Áp dụng các biện pháp can thiệp khẩn cấp hoặc tạm thời cách ly trẻ em khỏi môi trường hoặc người gây tổn hại cho trẻ em', sector: 'Trẻ em', days: 1, daysNote: 'Trong 12 giờ kể từ khi nhận thông tin', legal: ['Luật Trẻ em 2016', 'Nghị định 56/2017/NĐ-CP'], result: 'Quyết định áp dụng biện pháp bảo vệ trẻ em', fields: { childName: name('Họ và tên trẻ em'), childAddress: s('Nơi trẻ đang ở'), danger: s('Mô tả nguy cơ, hành vi gây tổn hại', { maxLength: 4000 }) }, required: ['childName', 'childAddress', 'danger'], life: [], kw: ['bao ve tre em', 'tre bi bao hanh', 'xam hai tre em', 'tre bi danh', 'tong dai 111'] });
social({ code: 'LS.TE.02', name: 'Hỗ trợ chi phí học tập và miễn, giảm học phí', sector: 'Giáo dục và Đào tạo', days: 10, legal: ['Nghị định 81/2021/NĐ-CP', 'Nghị định 97/2023/NĐ-CP'], result: 'Quyết định miễn, giảm học phí, hỗ trợ chi phí học tập', fields: { studentName: name('Họ và tên học sinh'), school: s('Trường đang học', { maxLength: 200 }), grade: int('Lớp', 1, 12), reason: pick('Thuộc diện', ['Hộ nghèo', 'Hộ cận nghèo', 'Mồ côi', 'Khuyết tật', 'Dân tộc thiểu số vùng đặc biệt khó khăn', 'Con người có công']) }, required: ['studentName', 'school', 'reason'], life: ['school'], kw: ['mien hoc phi', 'giam hoc phi', 'ho tro hoc phi', 'tien hoc'] });
const MERIT_LAW = ['Pháp lệnh Ưu đãi người có công với cách mạng 2020', 'Nghị định 131/2021/NĐ-CP'];
p({ agency: HOME, sector: 'Người có công', code: 'LS.NCC.01', name: 'Giải quyết chế độ trợ cấp thờ cúng liệt sĩ', days: 12, legal: MERIT_LAW, result: 'Quyết định trợ cấp thờ cúng liệt sĩ', fields: { martyrName: name('Họ và tên liệt sĩ'), certificateNumber: s('Số Bằng Tổ quốc ghi công', { maxLength: 50 }), worshipperName: name('Người thờ cúng') }, required: ['martyrName', 'worshipperName'], kw: ['tho cung liet si', 'tien tho liet si', 'liet si'] });
p({ agency: HOME, sector: 'Người có công', code: 'LS.NCC.02', name: 'Cấp giấy giới thiệu đi thăm viếng mộ liệt sĩ và hỗ trợ thăm viếng mộ liệt sĩ', days: 5, legal: MERIT_LAW, result: 'Giấy giới thiệu thăm viếng mộ liệt sĩ và tiền hỗ trợ', fields: { martyrName: name('Họ và tên liệt sĩ'), cemetery: s('Nghĩa trang liệt sĩ', { maxLength: 200 }), visitors: int('Số người đi thăm viếng', 1, 3) }, required: ['martyrName', 'cemetery'], kw: ['tham mo liet si', 'vieng mo liet si'] });
p({ agency: COMMUNE, sector: 'Người có công', code: 'LS.NCC.03', name: 'Giải quyết chế độ mai táng phí đối với người có công với cách mạng', days: 12, legal: MERIT_LAW, result: 'Quyết định trợ cấp mai táng', fields: deceased, required: deceasedRequired, life: ['death_in_family'], kw: ['mai tang phi nguoi co cong', 'thuong binh mat', 'cuu chien binh mat'] });

// =============================== Giáo dục (education) ===============================
p({ agency: COMMUNE, sector: 'Giáo dục và Đào tạo', code: 'LS.GD.02', name: 'Chuyển trường đối với học sinh trung học cơ sở', days: 3, legal: ['Thông tư 50/2021/TT-BGDĐT về chuyển trường'], result: 'Quyết định tiếp nhận học sinh', fields: student, required: ['studentName', 'currentSchool', 'targetSchool', 'grade'], life: ['moving_house', 'school'], kw: ['chuyen truong', 'xin chuyen truong cho con', 'chuyen truong cap 2', 'thcs'] });
p({ agency: EDUCATION, sector: 'Giáo dục và Đào tạo', code: 'LS.GD.03', name: 'Chuyển trường đối với học sinh trung học phổ thông', days: 3, legal: ['Thông tư 50/2021/TT-BGDĐT về chuyển trường'], result: 'Quyết định tiếp nhận học sinh', fields: student, required: ['studentName', 'currentSchool', 'targetSchool', 'grade'], life: ['moving_house', 'school'], kw: ['chuyen truong cap 3', 'thpt', 'chuyen truong trung hoc pho thong'] });
p({ agency: EDUCATION, sector: 'Giáo dục và Đào tạo', code: 'LS.GD.04', name: 'Cấp bản sao văn bằng, chứng chỉ từ sổ gốc', days: 1, fees: [fee('Phí', 0, 'Theo quy định của cơ quan cấp')], legal: ['Nghị định 23/2015/NĐ-CP', 'Thông tư 21/2019/TT-BGDĐT'], result: 'Bản sao văn bằng, chứng chỉ', fields: { certificateName: s('Tên văn bằng (bằng tốt nghiệp THPT...)', { maxLength: 200 }), graduationYear: int('Năm tốt nghiệp', 1960, 2100), school: s('Trường', { maxLength: 200 }), copiesRequested: int('Số bản', 1, 10) }, required: ['certificateName', 'graduationYear', 'school'], life: ['starting_job'], kw: ['ban sao bang tot nghiep', 'mat bang tot nghiep', 'bang cap 3', 'ban sao bang'] });
p({ agency: COMMUNE, sector: 'Giáo dục và Đào tạo', code: 'LS.GD.05', name: 'Cho phép nhóm trẻ, lớp mẫu giáo độc lập hoạt động giáo dục', days: 20, legal: ['Nghị định 125/2024/NĐ-CP về điều kiện đầu tư và hoạt động trong lĩnh vực giáo dục'], result: 'Quyết định cho phép hoạt động giáo dục', fields: { ...org, children: int('Số trẻ dự kiến', 1, 100) }, required: ['organizationName', 'organizationAddress', 'representative'], life: ['starting_business'], kw: ['mo lop mau giao', 'nhom tre tu thuc', 'mo nhom tre', 'trong tre'] });
p({ agency: EDUCATION, sector: 'Giáo dục và Đào tạo', code: 'LS.GD.06', name: 'Xét tuyển sinh vào trường phổ thông dân tộc nội trú', days: 15, legal: ['Thông tư 04/2023/TT-BGDĐT về trường phổ thông dân tộc nội trú'], result: 'Quyết định trúng tuyển', fields: { studentName: name('Họ và tên học sinh'), studentBirthDate: date('Ngày sinh'), ethnicity: s('Dân tộc', { maxLength: 50 }), school: s('Trường đăng ký', { maxLength: 200 }) }, required: ['studentName', 'studentBirthDate', 'ethnicity', 'school'], life: ['school'], kw: ['truong dan toc noi tru', 'noi tru', 'dtnt'] });

// =============================== Y tế (health) ===============================
p({ agency: HEALTH, sector: 'Khám bệnh, chữa bệnh', code: 'LS.YT.01', name: 'Cấp giấy phép hành nghề khám bệnh, chữa bệnh', days: 20, fees: [fee('Phí thẩm định', 360000, 'Thông tư 59/2023/TT-BTC')], legal: ['Luật Khám bệnh, chữa bệnh 2023', 'Nghị định 96/2023/NĐ-CP'], result: 'Giấy phép hành nghề khám bệnh, chữa bệnh', applicants: 'Bác sĩ, y sĩ, điều dưỡng, hộ sinh, kỹ thuật y', fields: { profession: pick('Chức danh', ['Bác sĩ', 'Y sĩ', 'Điều dưỡng', 'Hộ sinh', 'Kỹ thuật y', 'Lương y']), degree: s('Văn bằng chuyên môn', { maxLength: 200 }), practiceScope: s('Phạm vi hành nghề', { maxLength: 500 }) }, required: ['profession', 'degree'], life: ['starting_job'], kw: ['chung chi hanh nghe y', 'giay phep hanh nghe bac si', 'cchn y'] });
p({ agency: HEALTH, sector: 'An toàn thực phẩm', code: 'LS.YT.02', name: 'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở kinh doanh dịch vụ ăn uống', days: 20, fees: [fee('Phí thẩm định (phục vụ dưới 200 suất ăn)', 700000, 'Từ 200 suất ăn trở lên: 1.000.000 đồng (Thông tư 67/2021/TT-BTC)')], legal: ['Luật An toàn thực phẩm 2010', 'Nghị định 15/2018/NĐ-CP', 'Thông tư 67/2021/TT-BTC'], result: 'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm (hiệu lực 3 năm)', fields: { ...premises, mealsPerDay: int('Số suất ăn mỗi ngày', 1, 100000) }, required: ['organizationName', 'organizationAddress', 'representative'], life: ['starting_business'], kw: ['an toan thuc pham', 'attp', 've sinh an toan thuc pham', 'mo nha hang', 'giay attp', 'bep an'] });
p({ agency: HEALTH, sector: 'Dược phẩm', code: 'LS.YT.03', name: 'Cấp Chứng chỉ hành nghề dược', days: 20, fees: [fee('Phí thẩm định', 500000, 'Thông tư 277/2016/TT-BTC')], legal: ['Luật Dược 2016 (sửa đổi 2024)', 'Nghị định 54/2017/NĐ-CP'], result: 'Chứng chỉ hành nghề dược', applicants: 'Dược sĩ', fields: { degree: s('Văn bằng chuyên môn', { maxLength: 200 }), practiceScope: s('Phạm vi hành nghề', { maxLength: 500 }) }, required: ['degree'], life: ['starting_job'], kw: ['chung chi hanh nghe duoc', 'mo nha thuoc', 'cchn duoc'] });
p({ agency: HEALTH, sector: 'Dược phẩm', code: 'LS.YT.04', name: 'Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược cho cơ sở bán lẻ thuốc (nhà thuốc, quầy thuốc)', days: 20, fees: [fee('Phí thẩm định', 1000000, 'Thông tư 277/2016/TT-BTC; vùng khó khăn 500.000 đồng')], legal: ['Luật Dược 2016 (sửa đổi 2024)', 'Nghị định 54/2017/NĐ-CP'], result: 'Giấy chứng nhận đủ điều kiện kinh doanh dược', fields: premises, required: ['organizationName', 'organizationAddress', 'representative'], life: ['starting_business'], kw: ['mo nha thuoc', 'quay thuoc', 'hieu thuoc', 'ban thuoc'] });

// =============================== Văn hóa (culture) ===============================
p({ agency: COMMUNE, sector: 'Văn hóa', code: 'LS.VH.01', name: 'Cấp giấy phép kinh doanh dịch vụ karaoke', days: 5, fees: [fee('Phí thẩm định (từ 1 đến 3 phòng, khu vực ngoài đô thị)', 2000000, 'Thành phố, thị xã: 4.000.000 đồng; thêm phòng tính thêm (Thông tư 01/2021/TT-BTC)')], legal: ['Nghị định 54/2019/NĐ-CP về kinh doanh dịch vụ karaoke, vũ trường', 'Thông tư 01/2021/TT-BTC'], result: 'Giấy phép kinh doanh dịch vụ karaoke', fields: { ...premises, rooms: int('Số phòng hát', 1, 200) }, required: ['organizationName', 'organizationAddress', 'rooms'], life: ['starting_business'], kw: ['karaoke', 'mo quan karaoke', 'giay phep karaoke'] });
p({ agency: COMMUNE, sector: 'Văn hóa', code: 'LS.VH.02', name: 'Thông báo tổ chức lễ hội cấp xã', days: 5, legal: ['Nghị định 110/2018/NĐ-CP về quản lý và tổ chức lễ hội'], result: 'Văn bản trả lời của Ủy ban nhân dân xã', fields: { festivalName: s('Tên lễ hội', { maxLength: 200 }), venue: s('Địa điểm'), startDate: date('Ngày bắt đầu'), endDate: date('Ngày kết thúc') }, required: ['festivalName', 'venue', 'startDate'], kw: ['le hoi', 'to chuc le hoi', 'hoi lang'] });
p({ agency: COMMUNE, sector: 'Văn hóa', code: 'LS.VH.03', name: 'Xét tặng danh hiệu Gia đình văn hóa hằng năm', days: 5, legal: ['Nghị định 86/2023/NĐ-CP về danh hiệu Gia đình văn hóa, Thôn văn hóa'], result: 'Giấy khen Gia đình văn hóa', fields: { householdHead: name('Họ và tên chủ hộ'), village: s('Thôn, tổ dân phố', { maxLength: 200 }) }, required: ['householdHead', 'village'], kw: ['gia dinh van hoa'] });
p({ agency: CULTURE, sector: 'Du lịch', code: 'LS.DL.01', name: 'Cấp thẻ hướng dẫn viên du lịch nội địa', days: 10, fees: [fee('Phí thẩm định', 650000, 'Thông tư 33/2018/TT-BTC')], legal: ['Luật Du lịch 2017', 'Thông tư 06/2017/TT-BVHTTDL'], result: 'Thẻ hướng dẫn viên du lịch nội địa', fields: { degree: s('Văn bằng, chứng chỉ nghiệp vụ', { maxLength: 200 }) }, required: ['degree'], life: ['starting_job'], kw: ['the huong dan vien', 'huong dan vien du lich'] });

// =============================== Nông nghiệp, môi trường ===============================
p({ agency: COMMUNE, sector: 'Môi trường', code: 'LS.MT.01', name: 'Đăng ký môi trường', days: 5, legal: ['Luật Bảo vệ môi trường 2020', 'Nghị định 08/2022/NĐ-CP (sửa đổi bởi Nghị định 05/2025/NĐ-CP)'], result: 'Văn bản tiếp nhận đăng ký môi trường', fields: { ...org, activity: s('Loại hình sản xuất, kinh doanh', { maxLength: 500 }), wasteDescription: s('Chất thải phát sinh và biện pháp xử lý', { maxLength: 2000 }) }, required: ['organizationName', 'organizationAddress', 'activity'], life: ['starting_business'], kw: ['dang ky moi truong', 'cam ket moi truong', 'ke hoach bao ve moi truong'] });
p({ agency: COMMUNE, sector: 'Nông nghiệp', code: 'LS.NN.01', name: 'Hỗ trợ khôi phục sản xuất nông nghiệp vùng bị thiệt hại do thiên tai, dịch bệnh', days: 10, legal: ['Nghị định 9/2025/NĐ-CP về chính sách hỗ trợ sản xuất nông nghiệp để khôi phục sản xuất vùng bị thiệt hại do thiên tai, dịch bệnh'], result: 'Quyết định hỗ trợ', fields: { crop: s('Cây trồng, vật nuôi bị thiệt hại', { maxLength: 200 }), damagedArea: num('Diện tích hoặc số con bị thiệt hại', 0, 1000000), damageDate: date('Ngày xảy ra thiệt hại') }, required: ['crop', 'damagedArea', 'damageDate'], life: ['natural_disaster'], kw: ['mat mua', 'lu lut hong lua', 'dich ta lon', 'thiet hai thien tai', 'ho tro thien tai', 'dich benh gia suc'] });
p({ agency: COMMUNE, sector: 'Lâm nghiệp', code: 'LS.NN.02', name: 'Xác nhận bảng kê lâm sản', days: 2, legal: ['Luật Lâm nghiệp 2017', 'Thông tư 26/2022/TT-BNNPTNT về quản lý, truy xuất nguồn gốc lâm sản'], result: 'Bảng kê lâm sản được xác nhận', fields: { product: s('Loại lâm sản (gỗ keo, thông...)', { maxLength: 200 }), volume: num('Khối lượng (m³ hoặc tấn)', 0, 100000), origin: s('Nguồn gốc (rừng trồng, vườn nhà...)', { maxLength: 500 }) }, required: ['product', 'volume', 'origin'], kw: ['ban go', 'xac nhan go', 'bang ke lam san', 'khai thac go keo', 'go rung trong'] });
p({ agency: COMMUNE, sector: 'Nông nghiệp', code: 'LS.NN.03', name: 'Cấp giấy chứng nhận kinh tế trang trại', days: 5, legal: ['Thông tư 02/2020/TT-BNNPTNT về tiêu chí kinh tế trang trại'], result: 'Giấy chứng nhận kinh tế trang trại', fields: { farmAddress: s('Địa chỉ trang trại'), farmArea: num('Diện tích (ha)', 0, 10000), mainProducts: s('Sản phẩm chính', { maxLength: 300 }) }, required: ['farmAddress', 'mainProducts'], life: ['starting_business'], kw: ['trang trai', 'kinh te trang trai', 'chan nuoi'] });
p({ agency: LAND, sector: 'Tài nguyên nước', code: 'LS.MT.02', name: 'Cấp giấy phép khai thác, sử dụng nước dưới đất', days: 30, fees: [fee('Phí thẩm định đề án', 600000, 'Mức thu theo Nghị quyết HĐND tỉnh')], legal: ['Luật Tài nguyên nước 2023', 'Nghị định 54/2024/NĐ-CP'], result: 'Giấy phép khai thác nước dưới đất', fields: { ...org, flowRate: num('Lưu lượng khai thác (m³/ngày đêm)', 0, 100000), wellLocation: s('Vị trí giếng khoan') }, required: ['organizationName', 'flowRate', 'wellLocation'], kw: ['khoan gieng', 'khai thac nuoc ngam', 'gieng khoan'] });

// =============================== Công thương (trade) ===============================
const ALCOHOL = ['Nghị định 105/2017/NĐ-CP về kinh doanh rượu (sửa đổi bởi Nghị định 17/2020/NĐ-CP)', 'Thông tư 168/2016/TT-BTC'];
p({ agency: COMMUNE, sector: 'Lưu thông hàng hóa trong nước', code: 'LS.CTN.01', name: 'Cấp Giấy phép bán lẻ rượu', days: 10, fees: [fee('Phí thẩm định (khu vực khác)', 600000, 'Tại thành phố: 1.200.000 đồng (Thông tư 168/2016/TT-BTC)')], legal: ALCOHOL, result: 'Giấy phép bán lẻ rượu', fields: premises, required: ['organizationName', 'organizationAddress'], life: ['starting_business'], kw: ['ban ruou', 'giay phep ban ruou', 'ban le ruou', 'dai ly ruou'] });
p({ agency: COMMUNE, sector: 'Lưu thông hàng hóa trong nước', code: 'LS.CTN.02', name: 'Cấp Giấy phép sản xuất rượu thủ công nhằm mục đích kinh doanh', days: 10, fees: [fee('Phí thẩm định (khu vực khác)', 600000, 'Tại thành phố: 1.200.000 đồng (Thông tư 168/2016/TT-BTC)')], legal: ALCOHOL, result: 'Giấy phép sản xuất rượu thủ công', fields: { ...premises, yearlyLitres: int('Sản lượng dự kiến (lít/năm)', 1, 10000000) }, required: ['organizationName', 'organizationAddress', 'yearlyLitres'], life: ['starting_business'], kw: ['nau ruou', 'ruou thu cong', 'ruou ngo', 'ruou men la', 'san xuat ruou'] });
p({ agency: COMMUNE, sector: 'Lưu thông hàng hóa trong nước', code: 'LS.CTN.03', name: 'Cấp Giấy phép bán lẻ sản phẩm thuốc lá', days: 15, fees: [fee('Phí thẩm định (khu vực khác)', 600000, 'Tại thành phố: 1.200.000 đồng (Thông tư 168/2016/TT-BTC)')], legal: ['Nghị định 67/2013/NĐ-CP về kinh doanh thuốc lá (sửa đổi bởi Nghị định 106/2017/NĐ-CP)'], result: 'Giấy phép bán lẻ sản phẩm thuốc lá', fields: premises, required: ['organizationName', 'organizationAddress'], life: ['starting_business'], kw: ['ban thuoc la', 'giay phep thuoc la'] });
p({ agency: TRADE, sector: 'Kinh doanh khí, xăng dầu', code: 'LS.CTN.04', name: 'Cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu', days: 15, fees: [fee('Phí thẩm định', 1200000, 'Thông tư 168/2016/TT-BTC')], legal: ['Nghị định 83/2014/NĐ-CP về kinh doanh xăng dầu (sửa đổi bởi Nghị định 80/2023/NĐ-CP)'], result: 'Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu', fields: premises, required: ['organizationName', 'organizationAddress'], life: ['starting_business'], kw: ['cay xang', 'cua hang xang dau', 'ban xang'] });
p({ agency: TRADE, sector: 'Xúc tiến thương mại', code: 'LS.CTN.05', name: 'Đăng ký thực hiện khuyến mại theo hình thức mang tính may rủi', days: 5, legal: ['Luật Thương mại 2005', 'Nghị định 81/2018/NĐ-CP về hoạt động xúc tiến thương mại'], result: 'Văn bản xác nhận đăng ký thực hiện khuyến mại', fields: { ...org, programName: s('Tên chương trình khuyến mại', { maxLength: 200 }), startDate: date('Từ ngày'), endDate: date('Đến ngày'), prizeValue: int('Tổng giá trị giải thưởng (đồng)', 0, 100000000000) }, required: ['organizationName', 'programName', 'startDate', 'endDate'], kw: ['khuyen mai', 'boc tham trung thuong', 'quay so trung thuong'] });

// =============================== Tư pháp (justice), province ===============================
p({ agency: JUSTICE, sector: 'Trợ giúp pháp lý', code: 'LS.TGPL.01', name: 'Yêu cầu trợ giúp pháp lý', days: 3, fees: [fee('Phí', 0, 'Miễn phí cho người được trợ giúp pháp lý')], legal: ['Luật Trợ giúp pháp lý 2017', 'Nghị định 144/2017/NĐ-CP'], result: 'Văn bản thụ lý và cử người thực hiện trợ giúp pháp lý', applicants: 'Người có công, người thuộc hộ nghèo, trẻ em, người dân tộc thiểu số ở vùng khó khăn, người khuyết tật, người cao tuổi có khó khăn tài chính…', fields: { caseSummary: s('Tóm tắt vụ việc cần trợ giúp', { maxLength: 4000 }), eligibility: pick('Thuộc diện', ['Người có công', 'Hộ nghèo', 'Trẻ em', 'Người dân tộc thiểu số vùng khó khăn', 'Người khuyết tật', 'Người cao tuổi khó khăn', 'Khác']) }, required: ['caseSummary', 'eligibility'], kw: ['tu van phap luat mien phi', 'luat su mien phi', 'tro giup phap ly', 'nho luat su'] });
p({ agency: JUSTICE, sector: 'Luật sư', code: 'LS.TP.01', name: 'Đăng ký hoạt động của tổ chức hành nghề luật sư', days: 10, fees: [fee('Lệ phí', 100000, 'Thông tư 220/2016/TT-BTC')], legal: ['Luật Luật sư 2006 (sửa đổi 2012)', 'Nghị định 123/2013/NĐ-CP'], result: 'Giấy đăng ký hoạt động', fields: { ...org, lawyers: int('Số luật sư', 1, 500) }, required: ['organizationName', 'organizationAddress', 'representative'], life: ['starting_business'], kw: ['van phong luat su', 'cong ty luat'] });
p({ agency: JUSTICE, sector: 'Công chứng', code: 'LS.TP.02', name: 'Thành lập Văn phòng công chứng', days: 20, fees: [fee('Phí thẩm định', 1000000, 'Thông tư 257/2016/TT-BTC')], legal: ['Luật Công chứng 2024', 'Nghị định 104/2025/NĐ-CP'], result: 'Quyết định cho phép thành lập Văn phòng công chứng', fields: { ...org, notaries: int('Số công chứng viên', 1, 50) }, required: ['organizationName', 'organizationAddress', 'representative'], life: ['starting_business'], kw: ['van phong cong chung', 'mo phong cong chung'] });
p({ agency: JUSTICE, sector: 'Công chứng', code: 'LS.TP.03', name: 'Công chứng hợp đồng, giao dịch', days: 2, fees: [fee('Phí công chứng', 50000, 'Tính theo giá trị tài sản hoặc hợp đồng (Thông tư 257/2016/TT-BTC); thù lao theo tổ chức hành nghề')], legal: ['Luật Công chứng 2024', 'Thông tư 257/2016/TT-BTC'], result: 'Văn bản công chứng', fields: contract, required: ['contractType', 'counterpartyName', 'assetDescription'], life: ['buying_land'], kw: ['cong chung hop dong', 'phong cong chung', 'cong chung mua ban nha'] });
p({ agency: JUSTICE, sector: 'Hòa giải thương mại', code: 'LS.TP.04', name: 'Đăng ký hoạt động Trung tâm hòa giải thương mại', days: 15, fees: [fee('Lệ phí', 500000, 'Thông tư 223/2016/TT-BTC')], legal: ['Nghị định 22/2017/NĐ-CP về hòa giải thương mại'], result: 'Giấy đăng ký hoạt động', fields: org, required: ['organizationName', 'organizationAddress', 'representative'], kw: ['hoa giai thuong mai'] });
p({ agency: COMMUNE, sector: 'Phổ biến, giáo dục pháp luật', code: 'LS.TP.05', name: 'Công nhận hòa giải viên', days: 3, legal: ['Luật Hòa giải ở cơ sở 2013', 'Nghị định 15/2014/NĐ-CP'], result: 'Quyết định công nhận hòa giải viên', fields: { candidateName: name('Họ và tên người được đề nghị'), village: s('Thôn, tổ dân phố', { maxLength: 200 }) }, required: ['candidateName', 'village'], kw: ['hoa giai vien', 'to hoa giai'] });

// =============================== Nội vụ, lao động ===============================
p({ agency: HOME, sector: 'Việc làm', code: 'LS.LD.01', name: 'Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam', days: 10, fees: [fee('Lệ phí', 600000, 'Mức thu theo Nghị quyết HĐND tỉnh')], legal: ['Bộ luật Lao động 2019', 'Nghị định 152/2020/NĐ-CP (sửa đổi bởi Nghị định 70/2023/NĐ-CP)'], result: 'Giấy phép lao động', applicants: 'Người sử dụng lao động', fields: { employerName: s('Tên người sử dụng lao động', { maxLength: 200 }), workerName: name('Họ và tên người lao động nước ngoài'), workerNationality: s('Quốc tịch', { maxLength: 100 }), passportNumber: s('Số hộ chiếu', { maxLength: 30 }), position: s('Vị trí công việc', { maxLength: 200 }) }, required: ['employerName', 'workerName', 'workerNationality', 'passportNumber', 'position'], kw: ['giay phep lao dong', 'lao dong nuoc ngoai', 'work permit'] });
p({ agency: HOME, sector: 'Lao động', code: 'LS.LD.02', name: 'Đăng ký nội quy lao động', days: 7, legal: ['Bộ luật Lao động 2019', 'Nghị định 145/2020/NĐ-CP'], result: 'Thông báo về việc đăng ký nội quy lao động', fields: { ...org, workers: int('Số người lao động', 10, 100000) }, required: ['organizationName', 'organizationAddress', 'workers'], kw: ['noi quy lao dong', 'dang ky noi quy'] });
p({ agency: JOBS, sector: 'Việc làm', code: 'LS.VL.02', name: 'Hỗ trợ học nghề cho người đang hưởng trợ cấp thất nghiệp', days: 20, legal: ['Luật Việc làm 2013', 'Nghị định 61/2020/NĐ-CP'], result: 'Quyết định hỗ trợ học nghề', fields: { course: s('Nghề muốn học', { maxLength: 200 }), trainingInstitution: s('Cơ sở đào tạo', { maxLength: 200 }) }, required: ['course'], life: ['losing_job'], kw: ['hoc nghe mien phi', 'ho tro hoc nghe'] });
p({ agency: JOBS, sector: 'Việc làm', code: 'LS.VL.03', name: 'Tạm dừng, tiếp tục, chấm dứt hưởng trợ cấp thất nghiệp', days: 3, legal: ['Luật Việc làm 2013', 'Nghị định 28/2015/NĐ-CP'], result: 'Quyết định tạm dừng, tiếp tục hoặc chấm dứt hưởng', fields: { requestType: pick('Yêu cầu', ['Tạm dừng', 'Tiếp tục', 'Chấm dứt']), reason: s('Lý do (có việc làm mới...)', { maxLength: 500 }) }, required: ['requestType', 'reason'], life: ['starting_job'], kw: ['dung that nghiep', 'co viec moi'] });
p({ agency: JOBS, sector: 'Việc làm', code: 'LS.VL.04', name: 'Đăng ký tìm việc làm, tư vấn, giới thiệu việc làm', days: 1, legal: ['Luật Việc làm 2013', 'Nghị định 23/2021/NĐ-CP'], result: 'Thông tin việc làm phù hợp, giấy giới thiệu', fields: { desiredJob: s('Công việc mong muốn', { maxLength: 300 }), education: s('Trình độ học vấn, chuyên môn', { maxLength: 200 }) }, required: ['desiredJob'], life: ['losing_job', 'starting_job'], kw: ['tim viec', 'tim viec lam', 'gioi thieu viec lam', 'xin viec'] });
p({ agency: COMMUNE, sector: 'Thi đua, khen thưởng', code: 'LS.TDKT.01', name: 'Tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã', days: 20, legal: ['Luật Thi đua, khen thưởng 2022', 'Nghị định 98/2023/NĐ-CP'], result: 'Quyết định khen thưởng và Giấy khen', fields: { nomineeName: name('Cá nhân, tập thể được đề nghị'), achievements: s('Thành tích', { maxLength: 4000 }) }, required: ['nomineeName', 'achievements'], kw: ['giay khen', 'khen thuong'] });
p({ agency: HOME, sector: 'Tổ chức phi chính phủ', code: 'LS.NV.01', name: 'Công nhận ban vận động thành lập hội có phạm vi hoạt động trong tỉnh', days: 30, legal: ['Nghị định 126/2024/NĐ-CP về tổ chức, hoạt động và quản lý hội'], result: 'Quyết định công nhận ban vận động', fields: { associationName: s('Tên hội dự kiến', { maxLength: 200 }), purpose: s('Tôn chỉ, mục đích', { maxLength: 2000 }) }, required: ['associationName', 'purpose'], kw: ['thanh lap hoi', 'hoi dong huong', 'lap hoi'] });

// =============================== Tôn giáo, tín ngưỡng ===============================
const RELIGION_LAW = ['Luật Tín ngưỡng, tôn giáo 2016', 'Nghị định 95/2023/NĐ-CP'];
p({ agency: COMMUNE, sector: 'Tôn giáo Chính phủ', code: 'LS.TG.01', name: 'Đăng ký sinh hoạt tôn giáo tập trung', days: 20, legal: RELIGION_LAW, result: 'Văn bản chấp thuận đăng ký sinh hoạt tôn giáo tập trung', fields: { groupName: s('Tên nhóm sinh hoạt', { maxLength: 200 }), religion: s('Tôn giáo', { maxLength: 100 }), venue: s('Địa điểm sinh hoạt'), members: int('Số người tham gia', 1, 10000) }, required: ['groupName', 'religion', 'venue'], kw: ['sinh hoat ton giao', 'nhom dao', 'diem nhom'] });
p({ agency: COMMUNE, sector: 'Tôn giáo Chính phủ', code: 'LS.TG.02', name: 'Đăng ký hoạt động tín ngưỡng', days: 15, legal: RELIGION_LAW, result: 'Văn bản chấp thuận', fields: { establishment: s('Tên cơ sở tín ngưỡng (đình, đền, miếu)', { maxLength: 200 }), activities: s('Danh mục hoạt động tín ngưỡng trong năm', { maxLength: 4000 }) }, required: ['establishment', 'activities'], kw: ['dinh den mieu', 'hoat dong tin nguong', 'cung dinh'] });
p({ agency: RELIGION, sector: 'Tôn giáo Chính phủ', code: 'LS.TG.03', name: 'Đề nghị tổ chức cuộc lễ ngoài cơ sở tôn giáo, địa điểm hợp pháp đã đăng ký có quy mô tổ chức ở nhiều xã', days: 20, legal: RELIGION_LAW, result: 'Văn bản chấp thuận', fields: { ceremonyName: s('Tên cuộc lễ', { maxLength: 200 }), venue: s('Địa điểm'), startDate: date('Ngày tổ chức'), participants: int('Số người dự kiến', 1, 1000000) }, required: ['ceremonyName', 'venue', 'startDate'], kw: ['le ton giao', 'to chuc le'] });

// =============================== Khiếu nại, tố cáo, tiếp công dân ===============================
p({ agency: COMMUNE, sector: 'Giải quyết khiếu nại', code: 'LS.KN.01', name: 'Giải quyết khiếu nại lần đầu tại cấp xã', days: 30, daysNote: 'Vụ việc phức tạp không quá 45 ngày; vùng sâu, vùng xa có thể kéo dài thêm', legal: ['Luật Khiếu nại 2011', 'Nghị định 124/2020/NĐ-CP'], result: 'Quyết định giải quyết khiếu nại', fields: complaint, required: ['subject', 'respondent'], kw: ['khieu nai', 'don khieu nai', 'kien'] });
p({ agency: COMMUNE, sector: 'Giải quyết tố cáo', code: 'LS.TC.01', name: 'Giải quyết tố cáo tại cấp xã', days: 30, daysNote: 'Có thể gia hạn một lần, không quá 30 ngày', legal: ['Luật Tố cáo 2018', 'Nghị định 31/2019/NĐ-CP'], result: 'Kết luận nội dung tố cáo', fields: complaint, required: ['subject', 'respondent'], kw: ['to cao', 'don to cao', 'to giac'] });
p({ agency: COMMUNE, sector: 'Tiếp công dân', code: 'LS.TCD.01', name: 'Tiếp công dân tại cấp xã', days: 10, legal: ['Luật Tiếp công dân 2013', 'Nghị định 64/2014/NĐ-CP'], result: 'Thông báo về việc thụ lý hoặc hướng dẫn', fields: { subject: s('Nội dung cần trình bày', { maxLength: 4000 }), preferredDate: date('Ngày mong muốn được tiếp') }, required: ['subject'], kw: ['gap chu tich xa', 'tiep dan', 'kien nghi'] });

// =============================== Giao thông (transport), province ===============================
p({ agency: CONSTRUCTION, sector: 'Đường bộ', code: 'LS.DB.01', name: 'Cấp giấy phép lưu hành xe quá tải trọng, xe quá khổ giới hạn trên đường bộ', days: 2, legal: ['Luật Đường bộ 2024', 'Thông tư 39/2024/TT-BGTVT'], result: 'Giấy phép lưu hành xe', fields: { ...vehicle, plateNumber: s('Biển số xe', { maxLength: 20 }), route: s('Tuyến đường đi', { maxLength: 500 }), load: num('Khối lượng hàng (tấn)', 0, 1000) }, required: ['plateNumber', 'route'], kw: ['xe qua tai', 'xe qua kho', 'giay phep luu hanh'] });
p({ agency: CONSTRUCTION, sector: 'Đường bộ', code: 'LS.DB.02', name: 'Đăng ký xe máy chuyên dùng lần đầu', days: 3, fees: [fee('Lệ phí đăng ký', 200000, 'Thông tư 229/2016/TT-BTC')], legal: ['Luật Trật tự, an toàn giao thông đường bộ 2024', 'Thông tư 12/2025/TT-BXD về đăng ký xe máy chuyên dùng'], result: 'Chứng nhận đăng ký và biển số xe máy chuyên dùng', fields: { ...vehicle, machineType: s('Loại xe (máy xúc, máy cày...)', { maxLength: 100 }) }, required: ['machineType', 'engineNumber', 'chassisNumber'], life: ['buying_vehicle'], kw: ['may xuc', 'may cay', 'xe may chuyen dung', 'dang ky may cong trinh'] });
p({ agency: CONSTRUCTION, sector: 'Vận tải', code: 'LS.VT.01', name: 'Cấp Giấy phép kinh doanh vận tải bằng xe ô tô', days: 5, fees: [fee('Lệ phí', 200000, 'Thông tư 199/2016/TT-BTC')], legal: ['Luật Đường bộ 2024', 'Nghị định 158/2024/NĐ-CP về hoạt động vận tải đường bộ'], result: 'Giấy phép kinh doanh vận tải', fields: { ...org, transportType: pick('Loại hình', ['Xe khách tuyến cố định', 'Xe buýt', 'Taxi', 'Xe hợp đồng', 'Xe du lịch', 'Xe tải, container']), vehicles: int('Số xe', 1, 10000) }, required: ['organizationName', 'transportType'], life: ['starting_business'], kw: ['kinh doanh van tai', 'giay phep van tai', 'mo nha xe', 'xe khach', 'taxi'] });

// =============================== misc commune ===============================
p({ agency: COMMUNE, sector: 'Hộ tịch', code: 'LS.HT.20', name: 'Xác nhận thông tin hộ tịch', days: 3, legal: [LAW_CIVIL, 'Nghị định 87/2020/NĐ-CP về cơ sở dữ liệu hộ tịch điện tử'], result: 'Văn bản xác nhận thông tin hộ tịch', fields: { personName: name('Họ và tên người cần xác nhận'), information: s('Thông tin cần xác nhận', { maxLength: 500 }) }, required: ['personName', 'information'], kw: ['xac nhan ho tich', 'xac nhan thong tin ca nhan'] });
p({ agency: COMMUNE, sector: 'Dân tộc', code: 'LS.DT.01', name: 'Công nhận người có uy tín trong đồng bào dân tộc thiểu số', days: 15, legal: ['Quyết định 12/2018/QĐ-TTg về tiêu chí lựa chọn, công nhận người có uy tín'], result: 'Quyết định công nhận người có uy tín', fields: { nomineeName: name('Họ và tên người được đề nghị'), ethnicity: s('Dân tộc', { maxLength: 50 }), village: s('Thôn', { maxLength: 200 }) }, required: ['nomineeName', 'ethnicity', 'village'], kw: ['nguoi co uy tin', 'gia lang', 'truong ban'] });

const out = { $comment: 'Generated by generate.mjs: edit the script, not this file. Codes LS.* are pack codes; 1.001193, 1.000656, 1.000894 are national codes.', procedures: all };
const codes = new Set();
for (const x of all) {
  if (codes.has(x.code)) throw new Error(`duplicate code ${x.code}`);
  codes.add(x.code);
  for (const r of x.formSchema.required) if (!(r in x.formSchema.properties)) throw new Error(`${x.code}: required ${r} is not a property`);
}
fs.writeFileSync(path.join(here, 'procedures.json'), JSON.stringify(out, null, 1) + '\n');
console.log(`${all.length} procedures (${all.filter((x) => x.essential).length} essential)`);
