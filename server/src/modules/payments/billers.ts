// Billers (nhà cung cấp dịch vụ: EVN, water companies) behind one adapter shaped like the
// bill-payment aggregators Vietnamese banks use: look a customer code up to get the unpaid
// bills (bill number, period, amount, due date, customer name and address), then report
// which bills a confirmed payment settled. Demo mode has a demo biller with plausible bills
// for the demo citizens; a real aggregator is another implementation of the same interface.
import { sql, type Kysely } from 'kysely';
import type { BillLookup } from '@cds/contracts/payments';
import type { BillService } from '@cds/contracts/payments.rules';

export interface BillerAdapter {
  /** The customer's unpaid bills, or null when the biller does not know the code. */
  lookup(service: BillService, customerCode: string): Promise<BillLookup | null>;
  /** Tells the biller these bills are paid by this payment (idempotent: a retry changes nothing). */
  pay(billIds: readonly string[], paymentId: string): Promise<void>;
}

interface DemoCustomer {
  service: BillService;
  code: string;
  name: string;
  address: string;
  biller: string;
  /** Monthly consumption charges, oldest first: [period, amount, due day]. */
  bills: [string, number, string][];
}

const EVN = 'Công ty Điện lực Lạng Sơn (EVNNPC)';
const WATER = 'Công ty CP Cấp thoát nước Lạng Sơn';

const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  {
    service: 'electricity', code: 'PA11TX0012345', name: 'Nguyễn Văn An', address: 'Số 12 đường Lê Lợi, Phường Lương Văn Tri, Lạng Sơn', biller: EVN,
    bills: [['10/2026', 386_500, '2026-11-15'], ['11/2026', 412_300, '2026-12-15']],
  },
  {
    service: 'electricity', code: 'PA11TK0023456', name: 'Hoàng Thị Bình', address: 'Thôn Nà Pài, Xã Thất Khê, Lạng Sơn', biller: EVN,
    bills: [['11/2026', 198_700, '2026-12-15']],
  },
  {
    service: 'water', code: 'NLS0012345', name: 'Nguyễn Văn An', address: 'Số 12 đường Lê Lợi, Phường Lương Văn Tri, Lạng Sơn', biller: WATER,
    bills: [['11/2026', 96_000, '2026-12-20']],
  },
];

const billId = (c: DemoCustomer, period: string) => `${c.code}-${period.slice(3)}${period.slice(0, 2)}`;

/** The demo biller: fixed customers, paid bills kept in its own table. */
export class DemoBiller implements BillerAdapter {
  constructor(private readonly db: Kysely<object>) {}

  async lookup(service: BillService, customerCode: string): Promise<BillLookup | null> {
    const c = DEMO_CUSTOMERS.find((x) => x.service === service && x.code === customerCode);
    if (!c) return null;
    const ids = c.bills.map(([period]) => billId(c, period));
    const { rows } = await sql<{ bill_id: string }>`SELECT bill_id FROM payment_demo_bills WHERE bill_id IN (${sql.join(ids)})`.execute(this.db);
    const paid = new Set(rows.map((r) => r.bill_id));
    return {
      service, customerCode: c.code, customerName: c.name, address: c.address, billerName: c.biller,
      bills: c.bills.filter(([period]) => !paid.has(billId(c, period))).map(([period, amountVnd, dueDate]) => ({ billId: billId(c, period), period, amountVnd, dueDate })),
    };
  }

  async pay(billIds: readonly string[], paymentId: string): Promise<void> {
    for (const id of billIds) {
      await sql`INSERT INTO payment_demo_bills (bill_id, payment_id) VALUES (${id}, ${paymentId}) ON CONFLICT (bill_id) DO NOTHING`.execute(this.db);
    }
  }
}

/** Outside demo mode no aggregator is wired yet: every lookup says the service is not available. */
export class NoBiller implements BillerAdapter {
  async lookup(): Promise<BillLookup | null> {
    return null;
  }

  async pay(): Promise<void> {
    throw new Error('no biller is configured');
  }
}
