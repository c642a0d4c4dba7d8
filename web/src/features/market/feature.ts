// market (chợ địa phương): the catalogue and product pages for anyone; cart, checkout and
// orders for buyers; shops, products and orders for sellers and the helpers who open shops
// for neighbours; complaints, overdue refunds and OCOP checks for market officers (staff
// console); the numbers against the province's targets for leaders.
import { lazyPage, openRoute, signedInRoute, type Feature } from '../../app/feature.ts';
import shell from './locales/shell.vi.json';
import './market.css';

export const marketFeature: Feature = {
  key: 'market',
  locales: {
    vi: () => import('./locales/vi.json'),
    en: () => import('./locales/en.json'),
    shell: { vi: shell, en: () => import('./locales/shell.en.json') },
  },
  tile: { icon: 'briefcase', labelKey: 'market.tile.label', descriptionKey: 'market.tile.description', route: '/market' },
  citizen: [
    openRoute('market', lazyPage(() => import('./MarketPage.tsx'), 'MarketPage')),
    openRoute('market/products/:id', lazyPage(() => import('./ProductPage.tsx'), 'ProductPage')),
    signedInRoute('market/cart/:shopId', lazyPage(() => import('./CartPage.tsx'), 'CartPage')),
    signedInRoute('market/orders', lazyPage(() => import('./MyOrdersPage.tsx'), 'MyOrdersPage')),
    signedInRoute('market/orders/:id', lazyPage(() => import('./OrderPage.tsx'), 'OrderPage')),
    signedInRoute('market/sell', lazyPage(() => import('./SellPage.tsx'), 'SellPage')),
    signedInRoute('market/sell/:shopId', lazyPage(() => import('./ShopManagePage.tsx'), 'ShopManagePage')),
  ],
  staff: [signedInRoute('market', lazyPage(() => import('./StaffMarketPage.tsx'), 'StaffMarketPage'), 'market.officer')],
  leader: [signedInRoute('market', lazyPage(() => import('./LeaderMarketPage.tsx'), 'LeaderMarketPage'), 'market.stats')],
  nav: [
    { to: '/leader/market', labelKey: 'market.leader.nav', icon: 'chart', ability: 'market.stats' },
    { to: '/staff/market', labelKey: 'market.officer.nav', icon: 'shield', ability: 'market.officer' },
  ],
};
