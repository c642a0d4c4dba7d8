// What the assistant knows besides the procedure catalogue: intents (Rasa's word) with the
// ways people ask them, typed without diacritics as most do; and the entities it picks out
// of a message (a dossier code, a report code, a phone number, the aspect of a procedure
// asked about). Answers' words are in messages.ts.
import { foldVietnamese, normalizePhone } from '@cds/contracts';
import type { AssistantIntent } from '@cds/contracts/assistant.rules';

export interface BuiltInIntent {
  intent: AssistantIntent;
  /** Ways people ask (folded, or not: they are folded when indexed). */
  examples: string[];
}

export const BUILT_IN_INTENTS: BuiltInIntent[] = [
  { intent: 'dossier_status', examples: [
    'ho so cua toi den dau roi', 'tra cuu ho so', 'tinh trang ho so', 'ho so da xong chua', 'kiem tra ho so', 'ho so dang o dau',
    'xem ho so da nop', 'ho so cua toi', 'ho so toi nop', 'bao gio co ket qua ho so', 'ho so duoc giai quyet chua', 'tien do ho so',
    'ma ho so', 'ho so nop hom truoc', 'theo doi ho so', 'ket qua ho so', 'ho so xu ly toi dau', 'ho so cua toi sao roi',
  ] },
  { intent: 'report_status', examples: [
    'phan anh cua toi xu ly chua', 'tra cuu phan anh', 'tinh trang phan anh', 'kien nghi cua toi den dau roi', 'phan anh da duoc tra loi chua',
    'xem phan anh da gui', 'ket qua phan anh', 'phan anh toi gui', 'ma phan anh', 'theo doi phan anh',
  ] },
  { intent: 'file_report', examples: [
    'gui phan anh', 'phan anh kien nghi', 'bao cao su co', 'phan anh duong hong', 'duong bi o ga', 'den duong hong',
    'rac thai khong ai thu gom', 'o nhiem', 'lan chiem via he', 'gop y chinh quyen', 'ngap nuoc', 'cay do',
    'tieng on', 'muon phan anh', 'gap can bo', 'hoi can bo', 'noi chuyen voi nguoi that', 'gap nguoi that',
  ] },
  { intent: 'hotline', examples: [
    'duong day nong', 'so hotline', 'hotline', 'so dien thoai tong dai', 'goi tong dai', 'so dien thoai lien he', 'lien he chinh quyen',
    'goi dien cho ai', 'so dien thoai ho tro', 'tong dai ho tro', 'so khan cap', 'goi cap cuu', 'so cong an', 'so cuu hoa',
  ] },
  { intent: 'agency', examples: [
    'dia chi ubnd xa', 'uy ban xa o dau', 'uy ban phuong o dau', 'gio lam viec', 'may gio lam viec', 'trung tam hanh chinh cong',
    'bo phan mot cua', 'mot cua o dau', 'noi nop ho so truc tiep', 'co quan nao giai quyet', 'dia chi uy ban', 'uy ban nhan dan xa',
    'thu bay co lam viec', 'trung tam phuc vu hanh chinh cong o dau',
  ] },
  { intent: 'alerts', examples: [
    'canh bao', 'canh bao thien tai', 'bao lu', 'lu quet', 'sat lo', 'mua bao', 'tin khan cap', 'canh bao moi nhat', 'co bao khong',
    'thoi tiet nguy hiem', 'thong bao khan', 'dong dat', 'chay rung',
  ] },
  { intent: 'news', examples: [
    'tin tuc', 'tin moi', 'thong bao moi', 'tin tuc dia phuong', 'thong bao cua xa', 'thong bao cua phuong', 'doc tin', 'tin tuc tinh',
    'lich tiem phong', 'lich cat dien', 'su kien',
  ] },
  { intent: 'sign_up', examples: [
    'dang ky tai khoan', 'tao tai khoan', 'mo tai khoan', 'dang ky ung dung', 'dang ky app', 'lam tai khoan', 'chua co tai khoan',
    'dang ky su dung', 'lap tai khoan',
  ] },
  { intent: 'sign_in', examples: [
    'dang nhap', 'khong dang nhap duoc', 'vao ung dung', 'dang nhap vneid', 'dang nhap bang dinh danh dien tu', 'dang nhap app', 'bi khoa tai khoan',
  ] },
  { intent: 'reset_password', examples: [
    'quen mat khau', 'lay lai mat khau', 'doi mat khau', 'dat lai mat khau', 'mat mat khau', 'khong nho mat khau', 'sai mat khau',
    'ma otp', 'khong nhan duoc otp', 'khong nhan duoc ma',
  ] },
  { intent: 'payments', examples: [
    'thanh toan', 'thanh toan truc tuyen', 'nop tien online', 'tra tien', 'thanh toan le phi', 'nop le phi online', 'thanh toan qr',
    'chuyen khoan', 'vnpay', 'hoa don', 'tien dien', 'tien nuoc', 'dong tien nuoc', 'bien lai', 'thanh toan hoa don',
    'thanh toan cua toi', 'da thanh toan chua', 'tien da tru chua', 'kiem tra thanh toan', 'trang thai thanh toan',
  ] },
  { intent: 'use_app', examples: [
    'huong dan su dung', 'cach dung ung dung', 'ung dung lam duoc gi', 'app nay de lam gi', 'tro ly ao lam duoc gi', 'chu to', 'phong to chu',
    'chu qua nho', 'doi ngon ngu', 'tieng anh', 'cai dat ung dung', 'tai app', 'nop ho so truc tuyen the nao', 'nop ho so online',
    'bao mat thong tin', 'xoa tai khoan', 'nhan thong bao', 'tat thong bao',
  ] },
  { intent: 'greeting', examples: ['xin chao', 'chao ban', 'chao', 'alo', 'hello', 'hi', 'chao buoi sang', 'ban la ai', 'co ai khong'] },
  { intent: 'thanks', examples: ['cam on', 'cam on ban', 'thanks', 'thank you', 'ok cam on', 'tot qua', 'cam on nhieu'] },
];

/** The link of a built-in intent into the app. */
export const INTENT_LINKS: Partial<Record<AssistantIntent, { titleKey: string; href: string }[]>> = {
  dossier_status: [{ titleKey: 'assistant.link.track', href: '/tra-cuu-ho-so' }, { titleKey: 'assistant.link.my_dossiers', href: '/dossiers' }],
  report_status: [{ titleKey: 'assistant.link.my_reports', href: '/reports/mine' }, { titleKey: 'assistant.link.reports', href: '/reports' }],
  file_report: [{ titleKey: 'assistant.link.file_report', href: '/reports/new' }],
  hotline: [{ titleKey: 'assistant.link.file_report', href: '/reports/new' }],
  agency: [{ titleKey: 'assistant.link.procedures', href: '/procedures' }],
  alerts: [{ titleKey: 'assistant.link.alerts', href: '/canh-bao' }],
  news: [{ titleKey: 'assistant.link.news', href: '/news' }],
  sign_up: [{ titleKey: 'assistant.link.sign_up', href: '/sign-up' }],
  sign_in: [{ titleKey: 'assistant.link.sign_in', href: '/sign-in' }, { titleKey: 'assistant.link.forgot', href: '/forgot-password' }],
  reset_password: [{ titleKey: 'assistant.link.forgot', href: '/forgot-password' }],
  payments: [{ titleKey: 'assistant.link.payments', href: '/payments' }],
  use_app: [{ titleKey: 'assistant.link.account', href: '/account' }, { titleKey: 'assistant.link.procedures', href: '/procedures' }],
  greeting: [{ titleKey: 'assistant.link.procedures', href: '/procedures' }],
  thanks: [],
};

/** What about a procedure was asked. */
export type Aspect = 'papers' | 'fee' | 'time' | 'where' | 'online';

// Folded phrases, longest first when removed from the question.
const ASPECT_PHRASES: Record<Aspect, string[]> = {
  papers: ['can giay to gi', 'can nhung giay to gi', 'giay to gi', 'can nhung gi', 'can gi', 'mang gi', 'mang theo gi', 'chuan bi gi', 'ho so gom',
    'thanh phan ho so', 'giay to', 'can mang', 'can chuan bi', 'ho so can', 'can nhung', 'nhung gi', 'can nop gi'],
  fee: ['bao nhieu tien', 'het bao nhieu', 'mat bao nhieu tien', 'ton bao nhieu', 'le phi', 'phi bao nhieu', 'chi phi', 'mat phi', 'co mat tien',
    'mat tien', 'ton tien', 'mien phi', 'tien le phi', 'gia bao nhieu', 'phi'],
  time: ['bao lau', 'mat bao lau', 'may ngay', 'bao nhieu ngay', 'thoi gian', 'khi nao co', 'bao gio co', 'lau khong', 'mat may ngay', 'bao lau thi co',
    'trong bao lau'],
  where: ['nop o dau', 'lam o dau', 'o dau', 'noi nop', 'den dau nop', 'co quan nao', 'nop tai dau', 'di dau', 'cho nao'],
  online: ['nop online', 'lam online', 'online', 'truc tuyen', 'qua mang', 'tren mang', 'qua app', 'tren app', 'tren dien thoai', 'tai nha', 'khong can den'],
};

const ASPECT_LIST = (Object.entries(ASPECT_PHRASES) as [Aspect, string[]][])
  .flatMap(([aspect, phrases]) => phrases.map((p) => ({ aspect, words: p.split(' ') })))
  .sort((a, b) => b.words.length - a.words.length);

/** The aspects asked about, and the question without their words. */
export function aspectsOf(text: string): { aspects: Aspect[]; rest: string } {
  const words = foldVietnamese(text).split(' ').filter(Boolean);
  const found = new Set<Aspect>();
  const rest: string[] = [];
  for (let i = 0; i < words.length;) {
    const hit = ASPECT_LIST.find((a) => a.words.every((w, j) => words[i + j] === w));
    if (hit) {
      found.add(hit.aspect);
      i += hit.words.length;
    } else rest.push(words[i++]!);
  }
  return { aspects: [...found], rest: rest.join(' ') };
}

// Dossier codes (Thông tư 01/2018/TT-VPCP): agency id, YYMMDD, sequence; report codes PA-XXXXXXXX.
const DOSSIER_CODE = /\b([A-Za-z0-9]{2,4}(?:\.[A-Za-z0-9]{2,4}){2,4}-\d{6}-\d{4,})\b/;
const REPORT_CODE = /\b(PA-[A-Za-z0-9]{8})\b/i;
const PHONE = /(?:\+?84|0)(?:[\s.-]?\d){9}\b/;

export interface Entities {
  dossierCode: string | null;
  reportCode: string | null;
  phone: string | null;
}

/** Codes and a phone number in the message, as typed (before folding, which would break codes). */
export function entitiesOf(text: string): Entities {
  const dossierCode = DOSSIER_CODE.exec(text)?.[1]?.toUpperCase() ?? null;
  const reportCode = REPORT_CODE.exec(text)?.[1]?.toUpperCase() ?? null;
  const withoutCodes = text.replace(DOSSIER_CODE, ' ').replace(REPORT_CODE, ' ');
  const raw = PHONE.exec(withoutCodes)?.[0] ?? null;
  return { dossierCode, reportCode, phone: raw ? normalizePhone(raw) : null };
}

/** The question as stored for staff: long numbers (phones, codes) masked. */
export function maskForLog(text: string): string {
  return text.replace(/\d[\d\s.-]{5,}\d/g, (m) => m.replace(/\d/g, '•'));
}
