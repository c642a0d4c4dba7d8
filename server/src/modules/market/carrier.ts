// The postal carrier behind an adapter, speaking an order API shaped like Vietnamese postal
// carriers' (VNPost, Viettel Post): a fee quote by weight and communes, creating a shipment
// (vận đơn) that returns an item code, and tracking status callbacks to our URL signed
// HMAC-SHA256 of the raw body. The demo carrier under /demo/carrier speaks the same, so
// switching to the real one is configuration (MARKET_CARRIER_*).
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { CarrierCallback } from '@cds/contracts/market';
import { CARRIER_STATUSES } from '@cds/contracts/market';
import { Type, type TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { AppError } from '../../platform/errors.ts';
import { policy } from '../../platform/auth.ts';
import type { App } from '../../platform/module.ts';
import * as repo from './repo.ts';
import type { MarketSettings } from './settings.ts';

/** Sends a JSON request to the carrier (our own process in demo mode). */
export type Transport = (url: string, body: unknown, headers: Record<string, string>) => Promise<{ status: number; json: unknown }>;

export interface Party {
  name: string;
  phone: string;
  address: string;
  communeCode: string;
}

export interface ShipmentRequest {
  orderNumber: string;
  sender: Party;
  receiver: Party;
  weightGram: number;
  /** Cash the carrier collects on delivery (thu hộ, COD), whole VND. */
  codAmount: number;
  content: string;
}

export interface CarrierAdapter {
  readonly name: string;
  quote(from: string, to: string, weightGram: number, codAmount: number): Promise<number>;
  createShipment(req: ShipmentRequest): Promise<{ itemCode: string; feeVnd: number }>;
}

const PriceReply = Type.Object({ totalFee: Type.Integer({ minimum: 0 }) });
const CreateReply = Type.Object({ itemCode: Type.String({ minLength: 4 }), totalFee: Type.Integer({ minimum: 0 }) });

export function signBody(raw: string | Buffer, secret: string): string {
  return createHmac('sha256', secret).update(raw).digest('hex');
}

export function verifySignature(raw: Buffer, signature: string, secret: string): boolean {
  const expected = Buffer.from(signBody(raw, secret), 'hex');
  const given = Buffer.from(/^[0-9a-f]{64}$/i.test(signature) ? signature : '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export class HttpCarrier implements CarrierAdapter {
  readonly name = 'postal';

  constructor(private readonly c: NonNullable<MarketSettings['carrier']>, private readonly callbackUrl: string, private readonly transport: () => Transport) {}

  private async call<T>(path: string, body: unknown, shape: TSchema): Promise<T> {
    let res: { status: number; json: unknown };
    try {
      res = await this.transport()(`${this.c.baseUrl}${path}`, body, { token: this.c.token });
    } catch {
      throw new AppError(502, 'market.carrier_error');
    }
    if (res.status !== 200 || !Value.Check(shape, res.json)) throw new AppError(502, 'market.carrier_error');
    return res.json as T;
  }

  async quote(from: string, to: string, weightGram: number, codAmount: number): Promise<number> {
    const r = await this.call<{ totalFee: number }>('/api/v1/price', { senderCommuneCode: from, receiverCommuneCode: to, weightGram, codAmount }, PriceReply);
    return r.totalFee;
  }

  async createShipment(req: ShipmentRequest): Promise<{ itemCode: string; feeVnd: number }> {
    const r = await this.call<{ itemCode: string; totalFee: number }>('/api/v1/orders', { ...req, callbackUrl: this.callbackUrl }, CreateReply);
    return { itemCode: r.itemCode, feeVnd: r.totalFee };
  }
}

/** The demo carrier's price list: a first 500 g, then each further 500 g; another commune costs more. */
export function demoFee(from: string, to: string, weightGram: number): number {
  const steps = Math.max(0, Math.ceil(weightGram / 500) - 1);
  return 16_500 + steps * 2_500 + (from === to ? 0 : 5_000);
}

const DemoPrice = Type.Object({ senderCommuneCode: Type.String(), receiverCommuneCode: Type.String(), weightGram: Type.Integer({ minimum: 1 }), codAmount: Type.Integer({ minimum: 0 }) });
const DemoParty = Type.Object({ name: Type.String(), phone: Type.String(), address: Type.String(), communeCode: Type.String() });
const DemoCreate = Type.Object({
  orderNumber: Type.String({ minLength: 4 }), sender: DemoParty, receiver: DemoParty, weightGram: Type.Integer({ minimum: 1 }),
  codAmount: Type.Integer({ minimum: 0 }), content: Type.String(), callbackUrl: Type.String(),
});

/** The demo carrier: quotes, accepts shipments, and moves one a step on request, calling back as the real one does. */
export function demoCarrierRoutes(app: App, db: repo.Db, settings: MarketSettings, send: Transport): void {
  const carrier = settings.carrier!;
  const tags = ['market (demo carrier)'];
  const authorised = (token: unknown) => token === carrier.token;
  app.post('/demo/carrier/api/v1/price', { config: { policy: policy.public }, schema: { tags, body: DemoPrice } }, async (request, reply) => {
    if (!authorised(request.headers.token)) return reply.status(401).send({ error: 'invalid token' });
    const b = request.body;
    return { totalFee: demoFee(b.senderCommuneCode, b.receiverCommuneCode, b.weightGram) };
  });
  app.post('/demo/carrier/api/v1/orders', { config: { policy: policy.public }, schema: { tags, body: DemoCreate } }, async (request, reply) => {
    if (!authorised(request.headers.token)) return reply.status(401).send({ error: 'invalid token' });
    const b = request.body;
    // the same order number twice is the same shipment (the carrier deduplicates)
    const existing = await repo.demoShipmentByOrder(db, b.orderNumber);
    if (existing) return { itemCode: existing.item_code, totalFee: Number(existing.fee_vnd) };
    const itemCode = `EL${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}VN`;
    const fee = demoFee(b.sender.communeCode, b.receiver.communeCode, b.weightGram);
    await repo.demoShipmentInsert(db, { item_code: itemCode, order_number: b.orderNumber, callback_url: b.callbackUrl, status: 'accepted', fee_vnd: fee });
    return { itemCode, totalFee: fee };
  });
  // demo only: what the postman's scanner does, one step at a time
  app.post('/demo/carrier/api/v1/orders/:itemCode/advance', {
    config: { policy: policy.public }, schema: { tags, params: Type.Object({ itemCode: Type.String({ maxLength: 40 }) }) },
  }, async (request, reply) => {
    const s = await repo.demoShipment(db, request.params.itemCode);
    if (!s) return reply.status(404).send({ error: 'unknown item code' });
    const at = (CARRIER_STATUSES as readonly string[]).indexOf(s.status);
    const next = CARRIER_STATUSES[Math.min(at + 1, CARRIER_STATUSES.indexOf('delivered'))]!;
    await repo.demoShipmentMove(db, s.item_code, next);
    const body: CarrierCallback = { itemCode: s.item_code, orderNumber: s.order_number, status: next, statusTime: new Date().toISOString() };
    const raw = JSON.stringify(body);
    const res = await send(s.callback_url, raw, { 'x-carrier-signature': signBody(raw, carrier.callbackSecret) });
    return { status: next, callback: res.status };
  });
}
