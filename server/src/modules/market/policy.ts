// Who may do what in the market: a shop is managed by its owner or by the community helper
// who opened it at the owner's door; an order is read by its buyer and its shop's managers;
// market officers (cán bộ quản lý thị trường) check OCOP certificates and hide listings in
// their area; leaders watch the numbers.
import { allow, inArea, ROLE_SETS, rulesFor, type AbilityTable, type Condition } from '../../platform/policy.ts';

export const marketAbilities: AbilityTable = {
  /** Verify OCOP badges, hide listings (market officers, in their area). */
  'market.officer': ['market_officer'],
  /** Shops, orders and OCOP numbers (leaders, market officers). */
  'market.stats': [...ROLE_SETS.leaders, 'market_officer'],
  /** Open a shop for a neighbour with the owner's consent code. */
  'market.help': ['community_helper'],
};

export interface ShopSubject {
  ownerUserId: string;
  openedBy: string | null;
  /** The shop's commune: the area an officer's membership must cover. */
  areaCode: string;
}

const isOwner: Condition<ShopSubject> = (_g, s, ctx) => s.ownerUserId === ctx.principal.userId;
const openedIt: Condition<ShopSubject> = (_g, s, ctx) => s.openedBy === ctx.principal.userId;

export const shopRules = rulesFor<ShopSubject>()({
  manage: [allow('anyone', isOwner), allow(['community_helper'], openedIt)],
  moderate: [allow(['market_officer'], inArea), allow(ROLE_SETS.sysadmins)],
});

export interface OrderSubject {
  buyerUserId: string;
  shop: ShopSubject;
}

const isBuyer: Condition<OrderSubject> = (_g, o, ctx) => o.buyerUserId === ctx.principal.userId;
const sellsIt: Condition<OrderSubject> = (_g, o, ctx) => o.shop.ownerUserId === ctx.principal.userId || o.shop.openedBy === ctx.principal.userId;

export const orderRules = rulesFor<OrderSubject>()({
  buy: [allow('anyone', isBuyer)],
  sell: [allow('anyone', sellsIt)],
});
