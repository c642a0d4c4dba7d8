// Demo data of the market: a handful of Lạng Sơn shops in different communes (khẩu sli,
// na Chi Lăng, hoa hồi and star-anise oil, thạch đen Tràng Định, hồng Bảo Lâm), some with
// OCOP badges a market officer verified, photos drawn at seed time, and one order waiting
// for the Thất Khê seller. Idempotent: a shop that exists is left alone.
import type { ProductInput, ShopInput } from '@cds/contracts/market';
import type { Principal } from '../../platform/auth.ts';
import type { Platform } from '../../platform/module.ts';
import type { IdentityApi } from '../identity/index.ts';
import { demoPhoto } from './photos.ts';
import * as repo from './repo.ts';
import type { MarketService } from './service.ts';

export const DEMO_MARKET_OFFICER = '0900000801';
export const DEMO_SELLER = '0900000802';

type DemoProduct = Omit<ProductInput, 'photos'> & { colour: [number, number, number]; verified?: boolean };
interface DemoShop {
  ownerPhone: string;
  shop: Omit<ShopInput, 'ownerPhone' | 'consentCode'>;
  products: DemoProduct[];
}

const NEXT_YEAR = `${new Date().getUTCFullYear() + 2}-12-31`;

const SHOPS: DemoShop[] = [
  {
    ownerPhone: DEMO_SELLER,
    shop: { name: 'Thạch đen Tràng Định nhà Pháo', kind: 'household', communeCode: '06040', phone: DEMO_SELLER, pickupAddress: 'Khu 3, Xã Thất Khê', bankBin: '970405', bankAccount: '8888123456789', bankAccountName: 'HOANG VAN PHAO', businessRegNo: '20A8001234' },
    products: [
      { name: 'Thạch đen Tràng Định', category: 'processed_food', priceVnd: 45000, unit: 'kg', stock: 120, weightGrams: 1000, description: 'Thạch đen nấu từ cây thạch đen trồng ở Tràng Định, mát, giòn, không chất bảo quản.', colour: [40, 40, 40], verified: true, ocop: { stars: 3, group: 'food', certificateNumber: 'OCOP-LS-2024-031', level: 'province', decision: 'QĐ 1520/QĐ-UBND ngày 15/8/2024', expiresOn: NEXT_YEAR } },
      { name: 'Thạch đen khô đóng gói', category: 'processed_food', priceVnd: 60000, unit: 'goi', stock: 40, weightGrams: 500, description: 'Cây thạch đen phơi khô, tự nấu tại nhà.', colour: [70, 60, 50] },
    ],
  },
  {
    ownerPhone: '0900000803',
    shop: { name: 'HTX Na Chi Lăng', kind: 'cooperative', communeCode: '06463', phone: '0900000803', pickupAddress: 'Thôn Hố Quán, Xã Chi Lăng', bankBin: '970418', bankAccount: '21510001234567', bankAccountName: 'HTX NA CHI LANG', businessRegNo: '4901234567' },
    products: [
      { name: 'Na Chi Lăng loại 1', category: 'produce', priceVnd: 60000, unit: 'kg', stock: 300, weightGrams: 1000, description: 'Na dai Chi Lăng hái trong ngày, quả to, ngọt thơm.', colour: [120, 170, 90], verified: true, ocop: { stars: 4, group: 'food', certificateNumber: 'OCOP-LS-2023-012', level: 'province', decision: 'QĐ 2011/QĐ-UBND ngày 20/10/2023', expiresOn: NEXT_YEAR } },
    ],
  },
  {
    ownerPhone: '0900000804',
    shop: { name: 'HTX Hồi Văn Quan', kind: 'cooperative', communeCode: '06253', phone: '0900000804', pickupAddress: 'Thôn Bản Cưởm, Xã Văn Quan', bankBin: '970436', bankAccount: '0351000765432', bankAccountName: 'HTX HOI VAN QUAN', businessRegNo: '4900765432' },
    products: [
      { name: 'Hoa hồi khô Văn Quan', category: 'herbal', priceVnd: 180000, unit: 'kg', stock: 80, weightGrams: 1000, description: 'Hoa hồi vụ thu, phơi khô tự nhiên, cánh to, thơm đậm.', colour: [150, 70, 40], verified: true, ocop: { stars: 4, group: 'herbal', certificateNumber: 'OCOP-LS-2024-007', level: 'province', decision: 'QĐ 1520/QĐ-UBND ngày 15/8/2024', expiresOn: NEXT_YEAR } },
      { name: 'Tinh dầu hồi nguyên chất', category: 'herbal', priceVnd: 250000, unit: 'chai', stock: 50, weightGrams: 200, description: 'Tinh dầu hồi chưng cất từ quả hồi Văn Quan, chai 100 ml.', colour: [200, 160, 60], ocop: { stars: 5, group: 'herbal', certificateNumber: 'OCOP-QG-2025-104', level: 'national', decision: 'QĐ 123/QĐ-BNN ngày 10/3/2025', expiresOn: NEXT_YEAR } },
    ],
  },
  {
    ownerPhone: '0900000805',
    shop: { name: 'Hồng không hạt Bảo Lâm', kind: 'household', communeCode: '06211', phone: '0900000805', pickupAddress: 'Thôn Bảo Lâm, Xã Cao Lộc', bankBin: '970422', bankAccount: '0909000805', bankAccountName: 'LY THI MAI', businessRegNo: null },
    products: [
      { name: 'Hồng không hạt Bảo Lâm', category: 'produce', priceVnd: 50000, unit: 'kg', stock: 200, weightGrams: 1000, description: 'Hồng vành khuyên không hạt, giòn ngọt, thu hoạch tháng 9–10.', colour: [235, 120, 40], ocop: { stars: 3, group: 'food', certificateNumber: 'OCOP-LS-2024-045', level: 'province', decision: 'QĐ 1520/QĐ-UBND ngày 15/8/2024', expiresOn: NEXT_YEAR } },
      { name: 'Khẩu sli Lạng Sơn', category: 'processed_food', priceVnd: 90000, unit: 'hop', stock: 60, weightGrams: 500, description: 'Bánh khẩu sli làm từ gạo nếp, mạch nha và lạc rang, hộp 500 g.', colour: [240, 230, 200] },
    ],
  },
];

export const DEMO_MARKET_ACCOUNTS = [
  // the market officers and sellers live in Phường Tam Thanh like the other capability staff, so other communes' counts stay the pack's
  { phone: DEMO_MARKET_OFFICER, fullName: 'Hoàng Thị Lan', communeCode: '05986', memberships: [{ role: 'market_officer' as const, agencyCode: null, areaCode: '20' }] },
  { phone: DEMO_SELLER, fullName: 'Hoàng Văn Pháo', communeCode: '05986', memberships: [{ role: 'merchant' as const, agencyCode: null, areaCode: '06040' }] },
  { phone: '0900000803', fullName: 'Nông Văn Thắng', communeCode: '05986' },
  { phone: '0900000804', fullName: 'Triệu Thị Hồi', communeCode: '05986' },
  { phone: '0900000805', fullName: 'Lý Thị Mai', communeCode: '05986' },
];

const as = (userId: string, roles: Principal['roles'] = ['citizen']): Principal => ({ userId, sessionId: 'seed', roles, memberships: [] });

export async function seedDemoMarket(platform: Platform, identity: IdentityApi, service: MarketService): Promise<void> {
  await identity.seedDemoAccounts(DEMO_MARKET_ACCOUNTS);
  const db = platform.db.kysely;
  const officer = await identity.findUserIdByPhone(DEMO_MARKET_OFFICER);
  let firstShop: { id: string; productId: string } | null = null;
  for (const s of SHOPS) {
    const owner = await identity.findUserIdByPhone(s.ownerPhone);
    if (!owner || (await repo.shopByName(db, owner, s.shop.name))) continue;
    const shop = await service.openShop(as(owner), s.shop);
    for (const { colour, verified, ...input } of s.products) {
      const product = await service.addProduct(as(owner), shop.id, { ...input, photos: [(await demoPhoto(colour)).toString('base64')] });
      firstShop ??= { id: shop.id, productId: product.id };
      if (verified && officer) {
        await repo.updateProduct(db, product.id, { ocop_status: 'verified', ocop_checked_by: officer, ocop_checked_at: new Date(), ocop_note: null });
      }
    }
  }
  // the Thất Khê seller has an order to look at
  const buyer = await identity.findUserIdByPhone('0900000001');
  if (firstShop && buyer) {
    await service.placeOrder(as(buyer), {
      shopId: firstShop.id, items: [{ productId: firstShop.productId, quantity: 2 }], address: 'Số 12 đường Bà Triệu, Phường Lương Văn Tri', phone: '0900000001',
      communeCode: '05983', paymentMethod: 'cod', deliveryMethod: 'seller', note: 'Giao giờ hành chính',
    }, 'demo-seed-order-1');
  }
}
