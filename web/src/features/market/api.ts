// The market on the client: catalogue, product pages, a cart per shop kept on this device,
// checkout, orders for buyers and sellers, shops and their products, officers' checks and
// leaders' numbers. Shapes from @cds/contracts.
import { useQuery } from '@tanstack/react-query';
import type {
  Complaint, ComplaintAnswer, ComplaintDecision, ComplaintInput, ComplaintList, OverdueRefundList, ProductPhotos, RefundInput, ShopPatch,
  ConsentSent, CreateOrder, MarketStats, OcopDecision, Order, OrderList, OrderMove, Product, ProductDetail, ProductInput, ProductPage, ProductPatch, ReviewInput, Shop, ShopInput, ShopList,
  ShopSales, ShippingQuote,
} from '@cds/contracts/market';
import { api } from '../../lib/api.ts';

export type { Complaint, ProductPhotos, ShopPatch, Order, Product, ProductDetail, ProductInput, Shop, ShopInput, MarketStats, CreateOrder };

export interface CatalogueFilter {
  q: string;
  commune: string;
  category: string;
  stars: string;
}

export function useCatalogue(f: CatalogueFilter) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) params.set(k, v);
  params.set('limit', '48');
  return useQuery({ queryKey: ['market', 'catalogue', f], queryFn: ({ signal }) => api<ProductPage>(`/api/market/products?${params}`, { signal }) });
}

export function useProduct(id: string) {
  return useQuery({ queryKey: ['market', 'product', id], queryFn: ({ signal }) => api<ProductDetail>(`/api/market/products/${id}`, { signal }) });
}

export function useShop(id: string) {
  return useQuery({ queryKey: ['market', 'shop', id], queryFn: ({ signal }) => api<Shop>(`/api/market/shops/${id}`, { signal }) });
}

export function useMyShops() {
  return useQuery({ queryKey: ['market', 'my-shops'], queryFn: ({ signal }) => api<ShopList>('/api/market/my/shops', { signal }) });
}

export function useShopProducts(shopId: string) {
  return useQuery({ queryKey: ['market', 'shop-products', shopId], queryFn: ({ signal }) => api<ProductPage>(`/api/market/shops/${shopId}/products`, { signal }) });
}

export function useShopOrders(shopId: string) {
  return useQuery({ queryKey: ['market', 'shop-orders', shopId], queryFn: ({ signal }) => api<OrderList>(`/api/market/shops/${shopId}/orders?limit=50`, { signal }) });
}

export function useShopSales(shopId: string) {
  return useQuery({ queryKey: ['market', 'shop-sales', shopId], queryFn: ({ signal }) => api<ShopSales>(`/api/market/shops/${shopId}/sales`, { signal }) });
}

export function useMyOrders() {
  return useQuery({ queryKey: ['market', 'my-orders'], queryFn: ({ signal }) => api<OrderList>('/api/market/my/orders?limit=50', { signal }) });
}

export const orderKey = (id: string) => ['market', 'order', id] as const;

export function useOrder(id: string) {
  return useQuery({ queryKey: orderKey(id), queryFn: ({ signal }) => api<Order>(`/api/market/orders/${id}`, { signal }) });
}

export function useStaffProducts(ocop: string) {
  return useQuery({ queryKey: ['market', 'staff', ocop], queryFn: ({ signal }) => api<ProductPage>(`/api/market/staff/products${ocop ? `?ocop=${ocop}` : ''}`, { signal }) });
}

export function useMarketStats() {
  return useQuery({ queryKey: ['market', 'stats'], queryFn: ({ signal }) => api<MarketStats>('/api/market/stats', { signal }) });
}

export function useShippingQuote(shopId: string, communeCode: string, weightGrams: number, enabled: boolean) {
  return useQuery({
    queryKey: ['market', 'quote', shopId, communeCode, weightGrams],
    queryFn: ({ signal }) => api<ShippingQuote>(`/api/market/shipping-quote?shopId=${shopId}&communeCode=${communeCode}&weightGrams=${weightGrams}`, { signal }),
    enabled: enabled && /^\d{5}$/.test(communeCode) && weightGrams > 0,
    retry: false,
  });
}

export function useStaffComplaints(state: 'open' | 'closed') {
  return useQuery({ queryKey: ['market', 'staff-complaints', state], queryFn: ({ signal }) => api<ComplaintList>(`/api/market/staff/complaints?state=${state}`, { signal }) });
}

export function useOverdueRefunds() {
  return useQuery({ queryKey: ['market', 'staff-refunds'], queryFn: ({ signal }) => api<OverdueRefundList>('/api/market/staff/refunds-overdue', { signal }) });
}

export const fileComplaint = (orderId: string, body: ComplaintInput) => api<Order>(`/api/market/orders/${orderId}/complaints`, { method: 'POST', body });
export const answerComplaint = (id: string, body: ComplaintAnswer) => api<Order>(`/api/market/complaints/${id}/answer`, { method: 'POST', body });
export const decideComplaint = (id: string, body: ComplaintDecision) => api<Complaint>(`/api/market/complaints/${id}/decision`, { method: 'POST', body });
export const recordRefund = (orderId: string, body: RefundInput) => api<Order>(`/api/market/orders/${orderId}/refund`, { method: 'POST', body });
export const refundReceived = (orderId: string) => api<Order>(`/api/market/orders/${orderId}/refund-received`, { method: 'POST' });
export const demoAdvance = (orderId: string) => api<Order>(`/api/market/orders/${orderId}/demo-advance`, { method: 'POST' });
export const updateShop = (id: string, patch: ShopPatch) => api<Shop>(`/api/market/shops/${id}`, { method: 'PATCH', body: patch });
export const setProductPhotos = (id: string, body: ProductPhotos) => api<Product>(`/api/market/products/${id}/photos`, { method: 'PUT', body });

export const sendConsent = (ownerPhone: string) => api<ConsentSent>('/api/market/shops/consent', { method: 'POST', body: { ownerPhone } });
export const openShop = (input: ShopInput) => api<Shop>('/api/market/shops', { method: 'POST', body: input });
export const addProduct = (shopId: string, input: ProductInput) => api<Product>(`/api/market/shops/${shopId}/products`, { method: 'POST', body: input });
export const placeOrder = (input: CreateOrder, key: string) => api<Order>('/api/market/orders', { method: 'POST', body: input, headers: { 'Idempotency-Key': key } });
export const moveOrder = (id: string, body: OrderMove) => api<Order>(`/api/market/orders/${id}/status`, { method: 'POST', body });
export const paymentReceived = (id: string) => api<Order>(`/api/market/orders/${id}/payment-received`, { method: 'POST' });
export const orderReceived = (id: string) => api<Order>(`/api/market/orders/${id}/received`, { method: 'POST' });
export const reviewOrder = (id: string, body: ReviewInput) => api<Order>(`/api/market/orders/${id}/reviews`, { method: 'POST', body });
export const updateProduct = (id: string, patch: ProductPatch) => api<Product>(`/api/market/products/${id}`, { method: 'PATCH', body: patch });
export const decideOcop = (id: string, body: OcopDecision) => api<Product>(`/api/market/products/${id}/ocop`, { method: 'POST', body });
export const hideProduct = (id: string, reason: string) => api<Product>(`/api/market/products/${id}/hide`, { method: 'POST', body: { reason } });

export function formatVnd(vnd: number): string {
  return `${String(vnd).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;
}

// ------------------------------------------------------------ the cart, one per shop, on this device

export interface CartLine {
  productId: string;
  name: string;
  priceVnd: number;
  unit: string;
  weightGrams: number;
  quantity: number;
}

const cartKey = (shopId: string) => `cds.market.cart.${shopId}`;

export function readCart(shopId: string): CartLine[] {
  try {
    const raw = localStorage.getItem(cartKey(shopId));
    return raw ? (JSON.parse(raw) as CartLine[]) : [];
  } catch {
    return [];
  }
}

export function writeCart(shopId: string, lines: CartLine[]): void {
  if (lines.length === 0) localStorage.removeItem(cartKey(shopId));
  else localStorage.setItem(cartKey(shopId), JSON.stringify(lines));
}

export function addToCart(shopId: string, p: Product, quantity: number): void {
  const lines = readCart(shopId);
  const line = lines.find((l) => l.productId === p.id);
  if (line) line.quantity += quantity;
  else lines.push({ productId: p.id, name: p.name, priceVnd: p.priceVnd, unit: p.unit, weightGrams: p.weightGrams, quantity });
  writeCart(shopId, lines);
}
