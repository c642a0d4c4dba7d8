// What the two alert fan-out benchmarks (alerts.ts: Web Push, alerts-sms.ts: SMS) share: a
// database of their own beside the platform, the demo alert officer's flood alert for Xã Thất
// Khê, and the leader's send followed until the report says the fan-out is done.
import { randomUUID } from 'node:crypto';
import type { AlertDraftInput, AlertReport } from '@cds/contracts/alerts';
import pg from 'pg';
import { signIn, type Server } from './lib.ts';

export const THAT_KHE = '06040';

/** A fresh database on the server of `adminUrl`; `drop()` removes it. */
export async function benchDatabase(adminUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** The alert officer's draft of an Extreme flash-flood alert for Xã Thất Khê; returns its id. */
export async function draftFloodAlert(url: string): Promise<string> {
  const draft: AlertDraftInput = {
    status: 'Actual', category: 'Met', event: 'Lũ quét', urgency: 'Immediate', severity: 'Extreme', certainty: 'Observed',
    headline: 'Lũ quét ở Xã Thất Khê (benchmark)', description: 'Mưa lớn 200 mm trong 6 giờ, nước suối dâng nhanh.', instruction: 'Di chuyển lên chỗ cao ngay.',
    expires: new Date(Date.now() + 3600_000).toISOString(), area: { description: 'Xã Thất Khê', communes: [THAT_KHE] },
  };
  const res = await fetch(`${url}/api/staff/alerts`, { method: 'POST', headers: await signIn(url, '0900000401'), body: JSON.stringify(draft) });
  if (!res.ok) throw new Error(`draft: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/**
 * The leader sends the alert (performance.now() of the send is `sendAt`); the report is read
 * every half second until the fan-out is done, noting the platform's peak memory. A failed
 * fan-out job would leave the report waiting forever: after `timeoutMin` the job's state is thrown.
 */
export async function sendAndFollow(server: Server, db: pg.Client, alertId: string, timeoutMin: number): Promise<{ sendAt: number; doneAt: number; report: AlertReport; peakMb: number }> {
  const leader = await signIn(server.url, '0900000201');
  const sendAt = performance.now();
  const sent = await fetch(`${server.url}/api/staff/alerts/${alertId}/send`, { method: 'POST', headers: leader, body: '{}' });
  if (!sent.ok) throw new Error(`send: ${sent.status} ${await sent.text()}`);
  let peakMb = 0;
  for (;;) {
    const report = (await (await fetch(`${server.url}/api/staff/alerts/${alertId}/report`, { headers: leader })).json()) as AlertReport;
    peakMb = Math.max(peakMb, (await server.memory()).rssMb);
    if (report.delivery.fanOutDone) return { sendAt, doneAt: performance.now(), report, peakMb };
    if (performance.now() - sendAt > timeoutMin * 60_000) {
      const job = (await db.query("SELECT state, output FROM pgboss.job WHERE name = 'alerts-fan-out' ORDER BY created_on DESC LIMIT 1")).rows[0];
      throw new Error(`fan-out not done after ${timeoutMin} minutes; pgboss.job: ${JSON.stringify(job)}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
