// Demo mode only: staff in every agency the pack's categories route to (so no report lands
// where nobody works), and a few hundred plausible reports across the province so the public
// map, the staff inbox and the leaders' dashboard have something to show on `npm start`.
// Everything is deterministic (a seeded generator), and nothing runs twice.
import type { Kysely } from 'kysely';
import type { Platform } from '../../platform/module.ts';
import type { AreasApi } from '../areas/index.ts';
import type { DemoAccount } from '../identity/index.ts';
import type { CategoryCatalog } from './catalog.ts';
import { computeDueDate } from './deadline.ts';
import * as repo from './repo.ts';
import type { ReportStatus } from './workflow.ts';
import { seededRandom } from '../../platform/random.ts';

/** Phone numbers of the department staff: 09000071<i><1 officer | 2 agency admin> (09000007xx are other modules' demo staff). */
const DEPARTMENT_NAMES = [
  ['Hoàng Văn Thắng', 'Lăng Thị Mai'], ['Nông Văn Quân', 'Vy Thị Lan'], ['Triệu Văn Sơn', 'Hà Thị Thu'],
  ['Lộc Văn Tuấn', 'Chu Thị Ngọc'], ['Mã Văn Khoa', 'Đinh Thị Yến'], ['Dương Văn Hùng', 'Bế Thị Hạnh'],
] as const;
// no "Nguyễn Văn …" or "Hoàng Thị …": searches for the demo citizens must still find only them
const FAMILY = ['Nông', 'Lương', 'Vi', 'Lăng', 'Triệu', 'Hà', 'Lộc', 'Chu', 'Bế', 'Dương', 'Mã', 'Đinh'];
const GIVEN = ['Văn Minh', 'Thị Hương', 'Văn Long', 'Thị Nga', 'Văn Phúc', 'Thị Thảo', 'Văn Bình', 'Thị Duyên', 'Văn Tiến', 'Thị Hằng'];

/** Demo officers already seeded by the pack's demo-staff.json (their communes need no other). */
const PACK_OFFICER_COMMUNES = new Set(['05983', '06040']);

export interface DemoStaffPlan {
  accounts: DemoAccount[];
  /** Agency code → the phone of its demo officer, for the start log and tests. */
  officers: Map<string, string>;
}

/**
 * One officer (and, for departments, an agency admin) for every agency a category routes
 * to: each department named in a routing, and each commune's People's Committee.
 */
export function demoStaffPlan(routings: readonly string[], communes: readonly { code: string; name: string }[], provinceCode: string): DemoStaffPlan {
  const accounts: DemoAccount[] = [];
  const officers = new Map<string, string>();
  const departments = [...new Set(routings.filter((r) => r !== 'commune'))].sort();
  departments.forEach((code, i) => {
    const [officer, admin] = DEPARTMENT_NAMES[i % DEPARTMENT_NAMES.length]!;
    const base = `09000071${i}`;
    accounts.push({ phone: `${base}1`, fullName: officer, communeCode: null, memberships: [{ role: 'officer', agencyCode: code, areaCode: provinceCode }] });
    accounts.push({ phone: `${base}2`, fullName: admin, communeCode: null, memberships: [{ role: 'agency_admin', agencyCode: code, areaCode: provinceCode }] });
    officers.set(code, `${base}1`);
  });
  if (routings.includes('commune')) {
    [...communes].sort((a, b) => a.code.localeCompare(b.code)).forEach((c, i) => {
      if (PACK_OFFICER_COMMUNES.has(c.code)) return;
      const phone = `0900008${String(i).padStart(3, '0')}`;
      const fullName = `${FAMILY[i % FAMILY.length]} ${GIVEN[(i * 7) % GIVEN.length]}`;
      accounts.push({ phone, fullName, communeCode: null, memberships: [{ role: 'officer', agencyCode: `UBND-${c.code}`, areaCode: c.code }] });
      officers.set(`UBND-${c.code}`, phone);
    });
  }
  return { accounts, officers };
}


/** Plain descriptions per top-level category, as residents write them. */
const TEXTS: Record<string, readonly string[]> = {
  'trat-tu-cong-cong': ['Hàng xóm hát karaoke to đến gần 12 giờ đêm, trẻ nhỏ không ngủ được.', 'Nhóm thanh niên tụ tập đua xe ở đầu ngõ vào buổi tối.', 'Có người tụ tập đánh bạc ở quán nước cuối thôn.'],
  'moi-truong': ['Rác thải đổ bừa bãi ven đường, bốc mùi khó chịu mấy ngày nay.', 'Nước thải từ xưởng chảy ra mương, nước đen và có mùi.', 'Cây xanh bị gãy cành sau mưa, chắn một nửa lòng đường.', 'Khói đốt rơm rạ bay vào khu dân cư buổi chiều.'],
  'giao-thong': ['Ổ gà lớn giữa đường, xe máy đi qua dễ ngã, nhất là khi trời mưa.', 'Đèn tín hiệu ở ngã tư không sáng từ hôm qua.', 'Taluy dương bị sạt lở lấn ra đường sau mưa lớn.', 'Giờ tan học thường xuyên ùn tắc trước cổng trường.'],
  'trat-tu-do-thi': ['Quán hàng lấn chiếm vỉa hè, người đi bộ phải xuống lòng đường.', 'Công trình xây dựng để vật liệu tràn ra đường.', 'Biển quảng cáo lớn treo lệch, có nguy cơ rơi.'],
  'ha-tang': ['Cả dãy đèn đường không sáng, buổi tối rất tối và nguy hiểm.', 'Ống nước vỡ, nước chảy tràn ra đường mấy ngày chưa ai sửa.', 'Cột điện nghiêng sau bão, dây điện võng thấp.', 'Cống thoát nước bị tắc, mưa xuống là ngập.'],
  khac: ['Đề nghị bố trí thêm thùng rác công cộng ở khu chợ.', 'Góp ý: nên có biển chỉ dẫn đến nhà văn hóa thôn.'],
};

/** How the demo reports are spread over the workflow: mostly finished, a good share still open. */
const STATUS_SPREAD: readonly [ReportStatus, number][] = [
  ['new', 0.14], ['accepted', 0.08], ['assigned', 0.08], ['in_progress', 0.14], ['need_info', 0.03], ['rejected', 0.03], ['resolved', 0.15], ['closed', 0.35],
];
const TRACKING_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const DAY_MS = 86_400_000;
/** Marks a seeded report (client_id without a reporter), so a restart does not seed again. */
export const DEMO_CLIENT_PREFIX = 'demo-seed-';

interface Seeder {
  db: Kysely<object>;
  platform: Platform;
  areas: AreasApi;
  catalog: CategoryCatalog;
}

/** Seeds `count` reports spread over the last 90 days, unless demo reports already exist. */
export async function seedDemoReports({ db, platform, areas, catalog }: Seeder, count: number, now = new Date()): Promise<number> {
  if (count <= 0 || (await repo.countByClientPrefix(db, DEMO_CLIENT_PREFIX)) > 0) return 0;
  const random = seededRandom(20261207);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const leaves = (await catalog.tree()).flatMap((top) => (top.children.length ? top.children : [top]).map((c) => ({ ...c, top: top.code })));
  const communes = areas.communesIn(platform.pack.provinceCode);
  const centres = new Map<string, { lat: number; lon: number }>();
  for (const c of communes) {
    const centre = await areas.communeCentre(c.code);
    if (centre) centres.set(c.code, centre);
  }
  const placed = communes.filter((c) => centres.has(c.code));
  if (placed.length === 0 || leaves.length === 0) return 0;
  const agencies = new Map<string, string | null>();
  const agencyFor = async (routing: string, commune: string): Promise<string | null> => {
    const key = routing === 'commune' ? `c:${commune}` : routing;
    if (!agencies.has(key)) agencies.set(key, (routing === 'commune' ? await areas.agencyForCommune(commune) : await areas.getAgencyByCode(routing))?.id ?? null);
    return agencies.get(key)!;
  };
  // agencies are looked up before the transaction: on PGlite's single connection a query
  // outside the transaction would wait for the transaction to end
  const drawn: { category: (typeof leaves)[number]; commune: (typeof placed)[number]; agencyId: string }[] = [];
  for (let i = 0; i < count; i++) {
    const category = pick(leaves);
    const commune = pick(placed);
    const agencyId = await agencyFor(category.routing, commune.code);
    if (agencyId) drawn.push({ category, commune, agencyId });
  }
  let made = 0;
  await db.transaction().execute(async (trx) => {
    for (const [i, { category, commune, agencyId }] of drawn.entries()) {
      const centre = centres.get(commune.code)!;
      const received = new Date(now.getTime() - Math.floor(random() * 90 * DAY_MS));
      let roll = random();
      let status: ReportStatus = 'closed';
      for (const [s, share] of STATUS_SPREAD) {
        if (roll < share) { status = s; break; }
        roll -= share;
      }
      const finished = status === 'resolved' || status === 'closed';
      const dueDate = computeDueDate(platform.calendar, received, category.deadlineDays, [], received);
      const resolvedAt = finished ? new Date(Math.min(now.getTime(), received.getTime() + (1 + random() * category.deadlineDays * 1.6) * DAY_MS)) : null;
      const rating = status === 'closed' && random() < 0.6 ? 1 + Math.min(4, Math.floor(random() * 5 + random() * 2)) : null;
      const code = `PA-${Array.from({ length: 8 }, () => TRACKING_ALPHABET[Math.floor(random() * TRACKING_ALPHABET.length)]).join('')}`;
      const id = await repo.insertReport(trx, {
        tracking_code: code, category_code: category.code, description: pick(TEXTS[category.top] ?? TEXTS.khac!),
        lat: Math.round((centre.lat + (random() - 0.5) * 0.02) * 1e6) / 1e6, lon: Math.round((centre.lon + (random() - 0.5) * 0.02) * 1e6) / 1e6,
        address: null, commune_code: commune.code, province_code: platform.pack.provinceCode, agency_id: agencyId, reporter_id: null,
        contact: {}, anonymous: true, answers: {}, source: 'staff', client_id: `${DEMO_CLIENT_PREFIX}${i}`, client_hash: null,
        deadline_days: category.deadlineDays, due_date: dueDate, received_at: received,
      });
      await repo.updateReport(trx, id, {
        status, resolved_at: resolvedAt, closed_at: status === 'closed' ? resolvedAt : null, rating,
        public_answer: finished ? 'Cơ quan đã kiểm tra và xử lý xong. Cảm ơn bạn đã phản ánh.' : null,
        reject_reason: status === 'rejected' ? 'Nội dung không thuộc thẩm quyền giải quyết.' : null,
        // as if the sweep had already warned and escalated the late ones: otherwise the first
        // sweep after a demo start sends a notice for every one of them at once
        ...(finished || status === 'rejected' ? {} : { warned_at: received, escalated_at: received }),
      });
      await repo.insertEvent(trx, { report_id: id, actor_id: null, kind: 'created', to_status: 'new', public: true, body: null, at: received });
      if (status !== 'new') await repo.insertEvent(trx, { report_id: id, actor_id: null, kind: finished ? 'resolve' : status === 'rejected' ? 'reject' : 'accept', from_status: 'new', to_status: status, public: true, body: null, at: resolvedAt ?? received });
      made++;
    }
  });
  return made;
}
