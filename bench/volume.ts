// A province-sized database for the benchmarks: 50,000 citizens (each signed in on one
// device), 100,000 citizen reports with their timelines and followers, 20,000 dossiers,
// 2,000 procedures and the inbox notifications all of these produce. Generated in SQL
// (generate_series), so it takes seconds on PostgreSQL and a few minutes on PGlite, on the
// same migrated and seeded database the platform starts on. Synthetic but plausible:
// Vietnamese names common in Lạng Sơn, report texts per category, real procedures of
// the pack (the extra procedures are variations of real names, so search stays meaningful).
//
// Every generated citizen n (1-based) has the phone 08nnnnnnnn and a session whose token is
// citizenToken(n), so a load generator can sign in as many distinct people without logging in.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { foldVietnamese } from '@cds/contracts';
import { buildApp } from '../server/src/app.ts';
import { openPglite, openPostgres, type Database } from '../server/src/db/connection.ts';
import { collectMigrations, migrateUp } from '../server/src/db/migrate.ts';
import { MODULES } from '../server/src/modules/index.ts';
import { TEST_ENCRYPTION_KEY, testConfig } from '../server/test/template.ts';

export interface VolumeSize {
  citizens: number;
  reports: number;
  dossiers: number;
  procedures: number;
}

export const FULL_VOLUME: VolumeSize = { citizens: 50_000, reports: 100_000, dossiers: 20_000, procedures: 2_000 };

/** The full volume times `scale` (procedures stay at 2,000: the search target is stated at that size). */
export function volumeAt(scale: number): VolumeSize {
  const n = (x: number) => Math.max(10, Math.round(x * scale));
  return { citizens: n(FULL_VOLUME.citizens), reports: n(FULL_VOLUME.reports), dossiers: n(FULL_VOLUME.dossiers), procedures: FULL_VOLUME.procedures };
}

/** The session token of generated citizen n (1-based); the database keeps its SHA-256 only. */
export function citizenToken(n: number): string {
  return `bench-citizen-${n}`;
}

/** How the platform stores a token: base64url SHA-256 (identity/sessions.ts). */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** The tracking code of generated report i (1-based; 1 is the newest). */
export function reportCode(i: number): string {
  return `PA-B${i.toString(16).toUpperCase().padStart(7, '0')}`;
}

// ------------------------------------------------------------------ text pools

const FAMILY = ['Nguyễn', 'Hoàng', 'Nông', 'Vi', 'Lương', 'Hà', 'Lý', 'Triệu', 'Lăng', 'Hứa', 'Chu', 'Mã', 'Dương', 'Lộc', 'Trần', 'Lê', 'Phạm',
  'Hoàng', 'Nông', 'Vi', 'Đàm', 'La', 'Hoàng', 'Nguyễn', 'Lành', 'Bế', 'Hoàng', 'Đinh', 'Vũ', 'Ngô'];
const MIDDLE_MALE = ['Văn', 'Văn', 'Văn', 'Minh', 'Đức', 'Quốc', 'Hữu', 'Thanh', 'Xuân', 'Tiến'];
const MIDDLE_FEMALE = ['Thị', 'Thị', 'Thị', 'Thu', 'Ngọc', 'Minh', 'Thanh', 'Hồng', 'Kim', 'Phương'];
const GIVEN_MALE = ['An', 'Bình', 'Cường', 'Dũng', 'Đức', 'Hải', 'Hùng', 'Huy', 'Khánh', 'Long', 'Nam', 'Phong', 'Quang', 'Sơn', 'Thắng', 'Tuấn', 'Việt', 'Toàn', 'Thành', 'Trung'];
const GIVEN_FEMALE = ['Anh', 'Bích', 'Chi', 'Dung', 'Hà', 'Hạnh', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'Nga', 'Ngọc', 'Nhung', 'Phương', 'Thảo', 'Trang', 'Vân', 'Yến', 'Quyên'];
const VILLAGES = ['Nà Phái', 'Khòn Pát', 'Bản Chu', 'Pác Cáy', 'Nà Lừa', 'Khau Đăng', 'Còn Quan', 'Nà Chu', 'Bó Củng', 'Pò Mỏ', 'Nà Cạn', 'Bản Làn'];
const STREETS = ['Bà Triệu', 'Lê Lợi', 'Trần Đăng Ninh', 'Lê Lai', 'Hùng Vương', 'Phai Vệ', 'Tam Thanh', 'Bắc Sơn', 'Ngô Quyền', 'Lý Thường Kiệt', 'Trần Hưng Đạo', 'Văn Vỉ'];

/** What people write, per report category of the Lạng Sơn pack (%s = a place). */
const REPORT_TEXTS: Record<string, string[]> = {
  'trat-tu-cong-cong.tieng-on': ['Quán karaoke ở %s hát to đến quá nửa đêm, người già và trẻ nhỏ không ngủ được', 'Loa kéo ở %s mở to cả ngày'],
  'trat-tu-cong-cong.tu-tap': ['Nhóm thanh niên tụ tập đua xe ở %s mỗi tối', 'Có người tụ tập uống rượu gây gổ ở %s'],
  'trat-tu-cong-cong.co-bac': ['Nghi có đánh bạc trong quán nước ở %s', 'Nhiều người lạ ra vào ban đêm ở %s, nghi có tệ nạn'],
  'trat-tu-cong-cong.khac': ['Chó thả rông không rọ mõm ở %s, trẻ em sợ', 'Bán hàng rong chèo kéo khách ở %s'],
  'moi-truong.rac-thai': ['Rác thải đổ thành đống ở %s, lâu ngày không ai thu gom', 'Có người xả rác xuống suối ở %s'],
  'moi-truong.nuoc-thai': ['Nước thải chăn nuôi chảy ra đường ở %s, mùi hôi thối', 'Cống xả nước thải đen ra mương ở %s'],
  'moi-truong.khoi-bui': ['Đốt rác gây khói mù mịt ở %s', 'Xe chở đất làm bụi mù đường ở %s'],
  'moi-truong.cay-xanh': ['Có người chặt cây rừng phòng hộ ở %s', 'Cây xanh bị chặt hạ không phép ở %s'],
  'giao-thong.o-ga': ['Ổ gà lớn giữa đường ở %s, xe máy đi qua rất nguy hiểm', 'Mặt đường ở %s bong tróc sau mưa'],
  'giao-thong.den-tin-hieu': ['Đèn tín hiệu giao thông ở %s không hoạt động', 'Biển báo ở %s bị đổ'],
  'giao-thong.un-tac': ['Ô tô đỗ dưới lòng đường ở %s gây ùn tắc giờ tan học', 'Xe tải đỗ chắn lối đi ở %s'],
  'giao-thong.sat-lo': ['Sạt lở taluy dương ở %s, đất đá tràn xuống đường', 'Đường ở %s bị sụt lún, có nguy cơ sạt'],
  'trat-tu-do-thi.lan-chiem': ['Hàng quán lấn chiếm vỉa hè ở %s, người đi bộ phải xuống lòng đường', 'Bày hàng hoá ra lòng đường ở %s'],
  'trat-tu-do-thi.xay-dung': ['Công trình xây dựng không có biển phép ở %s', 'Xây dựng lấn ra hành lang đường ở %s'],
  'trat-tu-do-thi.quang-cao': ['Băng rôn quảng cáo treo tràn lan ở %s', 'Biển quảng cáo lớn có nguy cơ đổ ở %s'],
  'ha-tang.den-duong': ['Đèn đường ở %s không sáng đã hơn một tuần', 'Cả dãy đèn đường ở %s tắt, buổi tối rất tối'],
  'ha-tang.cap-nuoc': ['Vỡ ống nước ở %s, nước chảy lênh láng', 'Khu %s mất nước sinh hoạt ba ngày nay'],
  'ha-tang.dien': ['Dây điện võng thấp ở %s, xe cao đi qua dễ vướng', 'Cột điện ở %s bị nghiêng'],
  'ha-tang.thoat-nuoc': ['Cống thoát nước ở %s bị tắc, mưa là ngập', 'Nắp cống ở %s bị vỡ, nguy hiểm cho người đi đường'],
  'ha-tang.cong-trinh-cong': ['Nhà văn hoá ở %s dột nát', 'Sân chơi trẻ em ở %s hỏng cầu trượt'],
  'khac.gop-y': ['Đề nghị lắp thêm đèn chiếu sáng ở %s', 'Đề nghị làm đường lên %s cho xe cứu thương'],
  'khac.khac': ['Cần hỗ trợ người già neo đơn ở %s', 'Đề nghị kiểm tra giá bán hàng ở chợ %s'],
};

const STEPS = JSON.stringify([
  { key: 'receive', name: 'Tiếp nhận hồ sơ' },
  { key: 'assign', name: 'Phân công xử lý' },
  { key: 'appraise', name: 'Thẩm định' },
  { key: 'approve', name: 'Phê duyệt' },
  { key: 'return', name: 'Trả kết quả' },
]);

// Procedure variations: a real name with another prefix or suffix (as bench/procedures-search.ts).
const PREFIXES = ['', 'Điều chỉnh ', 'Gia hạn ', 'Cấp lại ', 'Thông báo '];
const SUFFIXES = ['(trường hợp đặc biệt)', 'đối với tổ chức', 'cho người nước ngoài', 'tại khu kinh tế cửa khẩu', '(thực hiện lại)', 'trong khu công nghiệp', 'có yếu tố nước ngoài', '(cấp lần hai)'];

// ------------------------------------------------------------------ SQL helpers

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const textArray = (xs: string[]) => `ARRAY[${xs.map(lit).join(', ')}]::text[]`;
const pick = (arr: string, hash: string) => `(${arr})[1 + ((${hash}) % array_length(${arr}, 1))::int]`;
/** base64url(sha256(text)) in SQL, as the platform hashes session tokens. */
const sqlTokenHash = (expr: string) => `rtrim(translate(encode(sha256(convert_to(${expr}, 'UTF8')), 'base64'), '+/', '-_'), '=')`;

async function step(label: string, db: Database, sqlText: string): Promise<void> {
  const started = Date.now();
  await db.exec(sqlText);
  console.log(`  ${label}: ${Date.now() - started} ms`);
}

/** Migrates and seeds (demo accounts, areas, agencies, categories, the pack's procedures), then adds the volume. */
export async function generateVolume(db: Database, size: VolumeSize): Promise<Record<string, number>> {
  const started = Date.now();
  await migrateUp(db, await collectMigrations(MODULES));
  const built = await buildApp({ config: testConfig(), db, logger: false });
  await built.start({ seed: true, work: false });
  await built.close();
  console.log(`  migrated and seeded: ${Date.now() - started} ms`);

  await step('procedures', db, proceduresSql(size.procedures));
  await step('citizens and sessions', db, citizensSql(size.citizens));
  await step('reports', db, reportsSql(size.reports, size.citizens));
  await step('report timelines and followers', db, reportEventsSql(size.citizens));
  await step('dossiers', db, dossiersSql(size.dossiers, size.citizens));
  await step('notifications', db, notificationsSql());
  await step('analyze', db, 'ANALYZE');

  const counts: Record<string, number> = {};
  for (const table of ['users', 'sessions', 'procedures', 'reports', 'report_events', 'report_followers', 'dossiers', 'dossier_events', 'notifications']) {
    counts[table] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
  }
  console.log(`  volume ready in ${Date.now() - started} ms: ${JSON.stringify(counts)}`);
  return counts;
}

function proceduresSql(target: number): string {
  const affix = (xs: string[]) => xs.map((x, n) => {
    const folded = foldVietnamese(x);
    return `(${n}, ${lit(x)}, ${lit(folded)}, ${textArray(folded ? folded.split(' ') : [])})`;
  }).join(', ');
  return `
    INSERT INTO procedures (code, name, sector, level, tier, agency_code, agency_label, processing_days, processing_note, fees,
      required_documents, applicants, legal_basis, steps, result, form_schema, life_events, keywords, essential, online, external_url,
      source, pack_hash, search_name, search_aliases, search_sector, name_words, alias_words, alias_phrases)
    SELECT 'SYN.' || g.i,
           CASE WHEN pre.text = '' THEN r.name ELSE pre.text || lower(left(r.name, 1)) || substr(r.name, 2) END || ' ' || suf.text,
           r.sector, r.level, r.tier, r.agency_code, r.agency_label, r.processing_days, r.processing_note, r.fees,
           r.required_documents, r.applicants, r.legal_basis, r.steps, r.result, r.form_schema, r.life_events, '{}', false, r.online, r.external_url,
           'admin', NULL, trim(pre.folded || ' ' || r.search_name || ' ' || suf.folded), '', r.search_sector,
           ARRAY(SELECT DISTINCT w FROM unnest(r.name_words || pre.words || suf.words) AS w), '{}', '{}'
    FROM generate_series(0, ${target} - (SELECT count(*) FROM procedures) - 1) AS g(i)
    JOIN (SELECT row_number() OVER (ORDER BY code) - 1 AS n, count(*) OVER () AS total, * FROM procedures WHERE source = 'pack') AS r ON r.n = g.i % r.total
    JOIN (VALUES ${affix(PREFIXES)}) AS pre(n, text, folded, words) ON pre.n = (g.i / r.total) % ${PREFIXES.length}
    JOIN (VALUES ${affix(SUFFIXES)}) AS suf(n, text, folded, words) ON suf.n = g.i % ${SUFFIXES.length};`;
}

function citizensSql(count: number): string {
  const pool = (name: string, xs: string[]) => `${name} AS (SELECT ${textArray(xs)} AS v, ${textArray(xs.map(foldVietnamese))} AS f)`;
  // i * prime % size spreads neighbouring citizens over the pools without a random generator
  const at = (t: string, h: string) => `${t}.v[1 + ((${h}) % array_length(${t}.v, 1))::int]`;
  const folded = (t: string, h: string) => `${t}.f[1 + ((${h}) % array_length(${t}.f, 1))::int]`;
  return `
    WITH ${pool('fam', FAMILY)}, ${pool('mm', MIDDLE_MALE)}, ${pool('mf', MIDDLE_FEMALE)}, ${pool('gm', GIVEN_MALE)}, ${pool('gf', GIVEN_FEMALE)},
         places AS (SELECT ${textArray(VILLAGES)} AS villages, ${textArray(STREETS)} AS streets),
         communes_20 AS (SELECT array_agg(code ORDER BY code) AS codes FROM communes WHERE province_code = '20'),
         demo AS (SELECT password_hash FROM users WHERE phone = '0900000001'),
         people AS (
           SELECT g.i, g.i % 2 = 0 AS female,
                  ${at('fam', 'g.i * 7919')} AS fam_v, ${folded('fam', 'g.i * 7919')} AS fam_f,
                  CASE WHEN g.i % 2 = 0 THEN ${at('mf', 'g.i * 104729')} ELSE ${at('mm', 'g.i * 104729')} END AS mid_v,
                  CASE WHEN g.i % 2 = 0 THEN ${folded('mf', 'g.i * 104729')} ELSE ${folded('mm', 'g.i * 104729')} END AS mid_f,
                  CASE WHEN g.i % 2 = 0 THEN ${at('gf', 'g.i * 1299709')} ELSE ${at('gm', 'g.i * 1299709')} END AS giv_v,
                  CASE WHEN g.i % 2 = 0 THEN ${folded('gf', 'g.i * 1299709')} ELSE ${folded('gm', 'g.i * 1299709')} END AS giv_f
           FROM generate_series(1::bigint, ${count}::bigint) AS g(i), fam, mm, mf, gm, gf)
    INSERT INTO users (phone, password_hash, full_name, date_of_birth, sex, commune_code, address, search_text, created_at, updated_at)
    SELECT '08' || lpad(p.i::text, 8, '0'), demo.password_hash,
           p.fam_v || ' ' || p.mid_v || ' ' || p.giv_v,
           date '1950-01-01' + ((p.i * 7919) % 20000)::int,
           CASE WHEN p.female THEN 'female' ELSE 'male' END,
           ${pick('communes_20.codes', 'p.i * 31')},
           CASE WHEN p.i % 3 = 0 THEN 'Số ' || (1 + p.i % 180) || ' đường ' || ${pick('places.streets', 'p.i')}
                ELSE 'Thôn ' || ${pick('places.villages', 'p.i * 13')} END,
           p.fam_f || ' ' || p.mid_f || ' ' || p.giv_f || ' 08' || lpad(p.i::text, 8, '0'),
           now() - make_interval(days => (p.i % 700)::int), now() - make_interval(days => (p.i % 300)::int)
    FROM people p, places, communes_20, demo;

    INSERT INTO sessions (user_id, token_hash, method, created_at, expires_at, last_seen_at, ip, user_agent)
    SELECT u.id, ${sqlTokenHash(`'bench-citizen-' || ltrim(substr(u.phone, 3), '0')`)}, 'password',
           now() - interval '1 day', now() + interval '29 days', now(), '10.20.' || (ltrim(substr(u.phone, 3), '0')::int % 250) || '.1',
           'Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36'
    FROM users u WHERE u.phone LIKE '08%';`;
}

function reportsSql(count: number, citizens: number): string {
  const texts = Object.entries(REPORT_TEXTS).flatMap(([code, xs]) => xs.map((t, n) => `(${lit(code)}, ${n}, ${lit(t)})`));
  // Points fall in the province's bounding box, denser around Lạng Sơn city (a third of them);
  // each takes the commune whose polygon covers it and that commune's People's Committee.
  return `
    INSERT INTO reports (tracking_code, category_code, description, lat, lon, geom, address, commune_code, province_code, agency_id,
                         reporter_id, anonymous, deadline_days, due_date, status, public_answer, resolved_at, closed_at,
                         received_at, updated_at, supporters)
    SELECT 'PA-B' || upper(lpad(to_hex(g.i), 7, '0')), c.code,
           replace(COALESCE(t.text, 'Phản ánh về ' || lower(c.name) || ' ở %s'), '%s', CASE WHEN g.i % 3 = 0 THEN 'đường ' || ${pick(textArray(STREETS), 'g.i')} ELSE 'thôn ' || ${pick(textArray(VILLAGES), 'g.i * 7')} END),
           p.lat, p.lon, p.geom, NULL, b.commune_code, '20', a.id,
           CASE WHEN g.i % 7 = 0 THEN NULL ELSE u.id END, g.i % 11 = 0, 7, (current_date + (g.i % 30)::int - 15), s.status,
           CASE WHEN s.status IN ('resolved', 'closed') THEN 'Đơn vị đã xử lý xong, cảm ơn bà con đã phản ánh.' END,
           CASE WHEN s.status IN ('resolved', 'closed') THEN now() - make_interval(mins => (g.i * 5)::int) + interval '3 days' END,
           CASE WHEN s.status = 'closed' THEN now() - make_interval(mins => (g.i * 5)::int) + interval '5 days' END,
           now() - make_interval(mins => (g.i * 5)::int), now() - make_interval(mins => (g.i * 5)::int) + make_interval(hours => (g.i % 48)::int), (g.i % 7)::int
    FROM generate_series(1::bigint, ${count}::bigint) AS g(i)
    CROSS JOIN LATERAL (SELECT CASE WHEN g.i % 3 = 0 THEN 21.80 + 0.10 * ((g.i * 7919) % 10007) / 10007.0 ELSE 21.3 + 1.2 * ((g.i * 7919) % 10007) / 10007.0 END AS lat,
                               CASE WHEN g.i % 3 = 0 THEN 106.70 + 0.12 * ((g.i * 104729) % 10009) / 10009.0 ELSE 106.1 + 1.3 * ((g.i * 104729) % 10009) / 10009.0 END AS lon) AS ll
    CROSS JOIN LATERAL (SELECT ll.lat, ll.lon, ST_SetSRID(ST_MakePoint(ll.lon, ll.lat), 4326) AS geom) AS p
    CROSS JOIN LATERAL (SELECT commune_code FROM commune_boundaries cb WHERE ST_Covers(cb.geom, p.geom) ORDER BY commune_code LIMIT 1) AS b
    CROSS JOIN LATERAL (SELECT id FROM agencies WHERE kind = 'commune_committee' AND area_code = b.commune_code LIMIT 1) AS a
    CROSS JOIN LATERAL (SELECT (ARRAY['new','accepted','assigned','in_progress','resolved','closed','closed','resolved','in_progress','rejected'])[1 + (g.i % 10)::int] AS status) AS s
    JOIN (SELECT row_number() OVER (ORDER BY code) - 1 AS n, count(*) OVER () AS total, code, name FROM report_categories WHERE parent_code IS NOT NULL) AS c
      ON c.n = ((g.i * 2654435761) % 4294967296) % c.total
    LEFT JOIN (VALUES ${texts.join(', ')}) AS t(code, n, text) ON t.code = c.code AND t.n = g.i % 2
    LEFT JOIN users u ON u.phone = '08' || lpad((1 + (g.i * 7907) % ${citizens})::text, 8, '0');`;
}

function reportEventsSql(citizens: number): string {
  return `
    INSERT INTO report_events (report_id, at, actor_id, kind, from_status, to_status, public, body)
    SELECT id, received_at, reporter_id, 'created', NULL, 'new', true, NULL FROM reports WHERE tracking_code LIKE 'PA-B%';

    INSERT INTO report_events (report_id, at, actor_id, kind, from_status, to_status, public, body)
    SELECT id, received_at + interval '4 hours', NULL,
           CASE status WHEN 'accepted' THEN 'accept' WHEN 'assigned' THEN 'assign' WHEN 'in_progress' THEN 'start'
                       WHEN 'rejected' THEN 'reject' WHEN 'resolved' THEN 'resolve' ELSE 'close' END,
           'new', status, true,
           CASE WHEN status IN ('resolved', 'closed') THEN public_answer WHEN status = 'rejected' THEN 'Nội dung không thuộc thẩm quyền giải quyết.' END
    FROM reports WHERE tracking_code LIKE 'PA-B%' AND status <> 'new';

    INSERT INTO report_followers (report_id, user_id, at)
    SELECT id, reporter_id, received_at FROM reports WHERE tracking_code LIKE 'PA-B%' AND reporter_id IS NOT NULL;

    -- one in five citizens also follows a neighbour's report
    INSERT INTO report_followers (report_id, user_id, at)
    SELECT r.id, u.id, r.received_at + interval '1 day'
    FROM generate_series(1, ${Math.floor(citizens / 5)}) AS g(i)
    JOIN users u ON u.phone = '08' || lpad((1 + (g.i * 5) % ${citizens})::text, 8, '0')
    JOIN reports r ON r.tracking_code = 'PA-B' || upper(lpad(to_hex(1 + (g.i * 17) % (SELECT count(*) FROM reports WHERE tracking_code LIKE 'PA-B%')), 7, '0'))
    ON CONFLICT DO NOTHING;`;
}

function dossiersSql(count: number, citizens: number): string {
  // status mix of a live one-stop system: most are returned, a fifth are in processing
  const statuses = [0, 1, 1, 2, 2, 4, 4, 4, 4, 5, 3, 7, 9, 9, 10, 10, 10, 10, 10, 10];
  return `
    WITH procs AS (SELECT row_number() OVER (ORDER BY code) - 1 AS n, count(*) OVER () AS total, id, code, name, processing_days, tier, agency_code
                   FROM procedures WHERE source = 'pack' AND online),
         picked AS (
           SELECT g.i, u.id AS user_id, u.full_name, u.phone, u.commune_code, regexp_replace(u.search_text, ' [0-9]+$', '') AS folded,
                  p.id AS procedure_id, p.code AS procedure_code, p.name AS procedure_name, ceil(p.processing_days)::int AS days,
                  COALESCE(pa.id, ca.id, (SELECT id FROM agencies WHERE kind = 'province_committee' LIMIT 1)) AS agency_id,
                  COALESCE(pa.electronic_id, ca.electronic_id, pa.code, ca.code) AS agency_eid,
                  (ARRAY[${statuses.join(', ')}])[1 + (g.i % ${statuses.length})::int]::smallint AS status,
                  now() - make_interval(mins => (g.i * 37)::int) AS at
           FROM generate_series(1::bigint, ${count}::bigint) AS g(i)
           JOIN users u ON u.phone = '08' || lpad((1 + (g.i * 7907) % ${citizens})::text, 8, '0')
           JOIN procs p ON p.n = (g.i * 13) % p.total
           LEFT JOIN agencies pa ON p.tier = 'province' AND pa.code = p.agency_code
           LEFT JOIN LATERAL (SELECT id, code, electronic_id FROM agencies WHERE kind = 'commune_committee' AND area_code = u.commune_code LIMIT 1) AS ca ON true)
    INSERT INTO dossiers (code, procedure_id, procedure_code, procedure_name, processing_days, agency_id, commune_code, applicant_user_id,
                          applicant_name, applicant_name_folded, applicant_phone, channel, status, form_data, steps, current_step,
                          submitted_at, due_date, appointment_date, finished_at, created_at, updated_at)
    SELECT CASE WHEN r.status > 0 THEN r.agency_eid || '-' || to_char(r.at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYMMDD') || '-' || lpad((r.i % 10000)::text, 4, '0') END,
           r.procedure_id::text, r.procedure_code, r.procedure_name, r.days, r.agency_id, r.commune_code, r.user_id,
           r.full_name, r.folded, r.phone, CASE WHEN r.i % 5 = 0 THEN 'counter' ELSE 'online' END, r.status,
           jsonb_build_object('applicantName', r.full_name, 'applicantPhone', r.phone, 'applicantAddress', 'Thôn Nà Phái'),
           ${lit(STEPS)}::jsonb,
           CASE r.status WHEN 1 THEN 'receive' WHEN 2 THEN 'assign' WHEN 4 THEN 'appraise' WHEN 5 THEN 'appraise' WHEN 9 THEN 'return' END,
           CASE WHEN r.status > 0 THEN r.at END,
           CASE WHEN r.status > 0 THEN to_char((r.at + make_interval(days => r.days + 2)) AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') END,
           CASE WHEN r.status > 0 THEN to_char((r.at + make_interval(days => r.days + 2)) AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') END,
           CASE WHEN r.status IN (3, 9, 10) THEN r.at + make_interval(days => greatest(r.days, 1)) END,
           r.at - interval '20 minutes', r.at + make_interval(hours => (r.i % 72)::int)
    FROM picked r;

    INSERT INTO dossier_events (dossier_id, action, from_status, to_status, step, actor_user_id, actor_name, agency_id, at)
    SELECT id, 'submit', 0, 1, 'receive', applicant_user_id, applicant_name, agency_id, submitted_at
    FROM dossiers WHERE submitted_at IS NOT NULL AND applicant_phone LIKE '08%';

    INSERT INTO dossier_events (dossier_id, action, from_status, to_status, step, agency_id, at)
    SELECT id, CASE status WHEN 3 THEN 'refuse' WHEN 7 THEN 'withdraw' ELSE 'accept' END, 1, CASE WHEN status IN (3, 7) THEN status ELSE 2 END,
           'assign', agency_id, submitted_at + interval '2 hours'
    FROM dossiers WHERE status > 1 AND applicant_phone LIKE '08%';`;
}

function notificationsSql(): string {
  return `
    INSERT INTO notifications (user_id, kind, title, body, link, dedupe_key, created_at, read_at)
    SELECT r.reporter_id, 'report', 'Phản ánh ' || r.tracking_code || ': ' ||
             CASE r.status WHEN 'accepted' THEN 'đã tiếp nhận' WHEN 'assigned' THEN 'đã giao xử lý' WHEN 'in_progress' THEN 'đang xử lý'
                           WHEN 'rejected' THEN 'không được tiếp nhận' WHEN 'resolved' THEN 'đã xử lý xong' ELSE 'đã đóng' END,
           COALESCE(e.body, 'Trạng thái phản ánh của bạn đã thay đổi.'), '/reports/' || r.tracking_code, 'report-event:' || e.id,
           e.at, CASE WHEN r.received_at < now() - interval '3 days' THEN e.at + interval '1 hour' END
    FROM reports r JOIN report_events e ON e.report_id = r.id AND e.kind <> 'created'
    WHERE r.tracking_code LIKE 'PA-B%' AND r.reporter_id IS NOT NULL;

    INSERT INTO notifications (user_id, kind, title, body, link, dedupe_key, created_at, read_at)
    SELECT d.applicant_user_id, 'dossier', 'Hồ sơ ' || d.code || ': ' ||
             CASE d.status WHEN 2 THEN 'Được tiếp nhận' WHEN 3 THEN 'Không được tiếp nhận' WHEN 4 THEN 'Đang xử lý'
                           WHEN 5 THEN 'Yêu cầu bổ sung giấy tờ' WHEN 7 THEN 'Đã rút hồ sơ' WHEN 9 THEN 'Đã xử lý xong' ELSE 'Đã trả kết quả' END,
           'Hồ sơ ' || d.procedure_name || ' đã chuyển trạng thái.', '/dossiers/' || d.id, 'dossier:' || d.id || ':' || d.status,
           d.updated_at, CASE WHEN d.status IN (9, 10) THEN d.updated_at + interval '2 hours' END
    FROM dossiers d WHERE d.status > 1 AND d.applicant_phone LIKE '08%';`;
}

// ------------------------------------------------------------------ databases

export interface PreparedVolume {
  engine: 'pglite' | 'postgres';
  label: string;
  /** Environment for the platform process: DATA_DIR (PGlite) or DATABASE_URL. */
  env: Record<string, string>;
  size: VolumeSize;
  counts: Record<string, number>;
  /** Reports with tracking codes reportCode(1..reports). */
  reports: number;
  cleanup(): Promise<void>;
}

/** The generator seeds demo data with the test configuration's key; the platform must use it too. */
export const VOLUME_ENV = { DATA_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY };

async function countsOf(db: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['users', 'sessions', 'procedures', 'reports', 'dossiers', 'notifications']) {
    counts[table] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
  }
  return counts;
}

const keyOf = (size: VolumeSize) => `${size.citizens}-${size.reports}-${size.dossiers}-${size.procedures}`;

/**
 * A PGlite data directory holding the volume. With `reuse`, a directory kept by an earlier
 * run with the same size is used as it is (the benchmarks only read, apart from sessions'
 * last-seen times); with `keep`, it is left for the next run.
 */
export async function pgliteVolume(size: VolumeSize, opts: { reuse?: boolean; keep?: boolean } = {}): Promise<PreparedVolume> {
  const fixed = path.join(os.tmpdir(), `cds-bench-volume-${keyOf(size)}`);
  const dir = opts.reuse || opts.keep ? fixed : await fs.mkdtemp(path.join(os.tmpdir(), 'cds-bench-volume-'));
  const exists = await fs.stat(path.join(dir, 'pglite', 'PG_VERSION')).then(() => true, () => false);
  let counts: Record<string, number>;
  if (opts.reuse && exists) {
    console.log(`PGlite: reusing ${dir}`);
    const db = await openPglite(path.join(dir, 'pglite'));
    counts = await countsOf(db);
    await db.close();
  } else {
    await fs.rm(dir, { recursive: true, force: true });
    await fs.mkdir(dir, { recursive: true });
    console.log(`PGlite: generating ${JSON.stringify(size)} in ${dir}`);
    const db = await openPglite(path.join(dir, 'pglite'));
    try {
      counts = await generateVolume(db, size);
    } finally {
      await db.close();
    }
  }
  return {
    engine: 'pglite', label: 'PGlite', env: { ...VOLUME_ENV, DATA_DIR: dir }, size, counts, reports: size.reports,
    cleanup: async () => {
      if (!opts.keep) await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/** A PostgreSQL database (created beside the admin URL's database) holding the volume. */
export async function postgresVolume(adminUrl: string, size: VolumeSize, opts: { reuse?: boolean; keep?: boolean } = {}): Promise<PreparedVolume> {
  const name = opts.reuse || opts.keep ? `cds_bench_volume_${keyOf(size).replace(/-/g, '_')}` : `cds_bench_volume_${process.pid}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  let counts: Record<string, number>;
  try {
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
    if (opts.reuse && exists) {
      console.log(`PostgreSQL: reusing database ${name}`);
      const db = await openPostgres(url.toString(), 2);
      counts = await countsOf(db);
      await db.close();
    } else {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name}`);
      console.log(`PostgreSQL: generating ${JSON.stringify(size)} in database ${name}`);
      const db = await openPostgres(url.toString(), 2);
      try {
        counts = await generateVolume(db, size);
      } finally {
        await db.close();
      }
    }
  } finally {
    await admin.end();
  }
  const filesDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cds-bench-files-'));
  return {
    engine: 'postgres', label: 'PostgreSQL', env: { ...VOLUME_ENV, DATABASE_URL: url.toString(), DATA_DIR: filesDir }, size, counts, reports: size.reports,
    cleanup: async () => {
      await fs.rm(filesDir, { recursive: true, force: true });
      if (opts.keep) return;
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
