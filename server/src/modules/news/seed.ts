// Demo mode: two editors of UBND tỉnh Lạng Sơn (one writes, the other approves; they live in
// Phường Tam Thanh, away from the communes other tests count) and a few
// published items per area, so the home screen, the news page and the feeds show something.
import type { NewsTopic } from '@cds/contracts/news.rules';
import type { NewsTexts } from '@cds/contracts/news';
import type { Platform } from '../../platform/module.ts';
import { areasModule } from '../areas/index.ts';
import type { IdentityApi } from '../identity/index.ts';
import * as repo from './repo.ts';

export const DEMO_EDITORS = [
  { phone: '0900000402', fullName: 'Lộc Thị Hạnh', communeCode: '05986', memberships: [{ role: 'news_editor' as const, agencyCode: 'UBND-20', areaCode: '20' }] },
  { phone: '0900000403', fullName: 'Vi Văn Thắng', communeCode: '05986', memberships: [{ role: 'news_editor' as const, agencyCode: 'UBND-20', areaCode: '20' }] },
];

interface DemoItem {
  key: string;
  kind: 'news' | 'announcement';
  topics: NewsTopic[];
  communes: string[];
  daysAgo: number;
  vi: { title: string; summary: string; body: string };
}

const NOTE = '\n\n(Tin mẫu của bản trình diễn.)';

const ITEMS: DemoItem[] = [
  {
    key: 'demo-province-online-services', kind: 'news', topics: ['policy'], communes: [], daysAgo: 1,
    vi: { title: 'Nộp hồ sơ trực tuyến ngay trên điện thoại', summary: 'Người dân có thể nộp hồ sơ thủ tục hành chính và theo dõi kết quả trên ứng dụng Công dân số.', body: 'Từ nay, người dân trong tỉnh có thể tra cứu thủ tục, nộp hồ sơ trực tuyến và nhận thông báo khi hồ sơ có kết quả ngay trên điện thoại. Người cao tuổi có thể nhờ tổ công nghệ số cộng đồng ở thôn, bản hướng dẫn.' },
  },
  {
    key: 'demo-province-rainy-season-traffic', kind: 'announcement', topics: ['traffic', 'security'], communes: [], daysAgo: 3,
    vi: { title: 'Lưu ý đi lại an toàn trong mùa mưa lũ', summary: 'Không đi qua ngầm, tràn khi nước chảy xiết; theo dõi thông báo của chính quyền địa phương.', body: 'Mùa mưa lũ, nhiều tuyến đường có nguy cơ sạt lở. Người dân không đi qua ngầm, tràn khi nước chảy xiết, không đứng gần taluy dương sau mưa lớn và theo dõi thông báo của chính quyền địa phương.' },
  },
  {
    key: 'demo-province-vaccination', kind: 'announcement', topics: ['health'], communes: [], daysAgo: 6,
    vi: { title: 'Lịch tiêm chủng mở rộng cho trẻ em trong tháng', summary: 'Cha mẹ đưa trẻ đến trạm y tế xã, phường theo lịch và mang sổ tiêm chủng.', body: 'Các trạm y tế xã, phường tổ chức tiêm chủng mở rộng cho trẻ em trong tháng. Cha mẹ đưa trẻ đến theo lịch của trạm, mang theo sổ tiêm chủng và báo cho cán bộ y tế nếu trẻ đang ốm.' },
  },
  {
    key: 'demo-05983-water', kind: 'announcement', topics: ['events'], communes: ['05983'], daysAgo: 2,
    vi: { title: 'Tạm ngừng cấp nước để sửa đường ống', summary: 'Một số tổ dân phố của phường tạm ngừng cấp nước trong buổi sáng để sửa chữa đường ống.', body: 'Để sửa chữa đường ống, một số tổ dân phố của phường tạm ngừng cấp nước trong buổi sáng. Người dân chủ động trữ nước. Mọi thắc mắc xin liên hệ Ủy ban nhân dân phường.' },
  },
  {
    key: 'demo-05983-culture', kind: 'news', topics: ['culture', 'events'], communes: ['05983'], daysAgo: 5,
    vi: { title: 'Đêm văn nghệ chào mừng ngày hội đại đoàn kết', summary: 'Các tổ dân phố tham gia đêm văn nghệ tại nhà văn hóa phường.', body: 'Các tổ dân phố trong phường tham gia đêm văn nghệ với các tiết mục hát then, đàn tính và múa sư tử tại nhà văn hóa phường. Mời bà con đến cổ vũ.' },
  },
  {
    key: 'demo-06040-agriculture', kind: 'news', topics: ['agriculture'], communes: ['06040'], daysAgo: 2,
    vi: { title: 'Hướng dẫn phòng bệnh cho đàn gia súc khi trời rét', summary: 'Che chắn chuồng trại, bổ sung thức ăn và tiêm phòng đầy đủ cho trâu, bò.', body: 'Khi trời rét, bà con che chắn chuồng trại, không thả trâu, bò ra đồng lúc sáng sớm, bổ sung thức ăn tinh và tiêm phòng đầy đủ. Khi gia súc có dấu hiệu bệnh, báo ngay cán bộ thú y xã.' },
  },
  {
    key: 'demo-06040-market', kind: 'announcement', topics: ['events'], communes: ['06040'], daysAgo: 4,
    vi: { title: 'Phiên chợ nông sản cuối tuần tại trung tâm xã', summary: 'Bà con mang nông sản đến bán tại phiên chợ cuối tuần, không thu phí chỗ ngồi.', body: 'Xã tổ chức phiên chợ nông sản vào cuối tuần tại trung tâm xã. Bà con mang nông sản đến bán, không thu phí chỗ ngồi. Người bán giữ vệ sinh chung và xếp hàng theo hướng dẫn của ban quản lý chợ.' },
  },
];

export async function seedDemoNews(platform: Platform, identity: IdentityApi): Promise<void> {
  await identity.seedDemoAccounts(DEMO_EDITORS);
  const agency = await platform.use(areasModule).getAgencyByCode('UBND-20');
  const writer = await identity.findUserIdByPhone(DEMO_EDITORS[0]!.phone);
  const approver = await identity.findUserIdByPhone(DEMO_EDITORS[1]!.phone);
  if (!agency || !writer || !approver) return;
  const db = platform.db.kysely;
  for (const d of ITEMS) {
    if (await repo.seedKeyExists(db, d.key)) continue;
    const at = new Date(Date.now() - d.daysAgo * 86_400_000);
    const texts: NewsTexts = { vi: { ...d.vi, body: d.vi.body + NOTE } };
    await db.transaction().execute(async (trx) => {
      const item = await repo.insertItem(trx, {
        agency_id: agency.id, kind: d.kind, status: 'published', texts, topics: d.topics, province_code: agency.areaCode.slice(0, 2),
        target_communes: d.communes, cover_file_id: null, attachment_ids: [], publish_at: null, published_at: at,
        created_by: writer, updated_by: writer, submitted_by: writer, approved_by: approver, seed_key: d.key,
      });
      await repo.addRevision(trx, { newsId: item.id, version: 1, change: 'created', texts, editorId: writer });
      await repo.addRevision(trx, { newsId: item.id, version: 1, change: 'submitted', editorId: writer });
      await repo.addRevision(trx, { newsId: item.id, version: 1, change: 'published', editorId: approver });
    });
  }
}
