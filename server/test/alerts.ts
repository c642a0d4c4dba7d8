// For tests of alerts and push: a local RFC 8030 push service on loopback
// (web-push-testing: checks the VAPID signature, decrypts RFC 8291 messages).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';

const require = createRequire(import.meta.url);

export interface PushService {
  url: string;
  /** Subscribes a fake browser with the server's VAPID public key. */
  subscribe(applicationServerKey: string): Promise<{ endpoint: string; keys: { p256dh: string; auth: string }; clientHash: string }>;
  /** Messages the push service received and decrypted for one subscription. */
  messages(clientHash: string): Promise<string[]>;
  /** The subscription answers 410 Gone from now on. */
  expire(clientHash: string): Promise<void>;
  close(): Promise<void>;
}

export async function startPushService(port: number): Promise<PushService> {
  const TestingServer = require('web-push-testing/src/server.js') as new (model: unknown, port: number) => { startServer(): void; _server: Server };
  const { PushApiModel } = require('web-push-testing/src/PushApiModel.js') as { PushApiModel: new () => unknown };
  const server = new TestingServer(new PushApiModel(), port);
  server.startServer();
  await new Promise<void>((resolve) => (server._server.listening ? resolve() : server._server.once('listening', () => resolve())));
  const url = `http://localhost:${port}`;
  const post = async (path: string, body: object) => {
    const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`push service ${path}: ${res.status} ${await res.text()}`);
    return res.status === 200 && res.headers.get('content-type')?.includes('json') ? ((await res.json()) as { data: unknown }).data : null;
  };
  return {
    url,
    subscribe: async (applicationServerKey) => (await post('/subscribe', { applicationServerKey })) as never,
    messages: async (clientHash) => ((await post('/get-notifications', { clientHash })) as { messages: string[] }).messages,
    expire: async (clientHash) => void (await post(`/expire-subscription/${clientHash}`, {})),
    close: () => new Promise((resolve) => server._server.close(() => resolve())),
  };
}

const XSD = new URL('../src/modules/alerts/schema/cap-v1.2.xsd', import.meta.url).pathname;

/** xmllint's verdict against the OASIS CAP 1.2 schema: null when valid, the errors otherwise. */
export function validateCap(xml: string): string | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cap-'));
  const file = path.join(dir, 'alert.xml');
  fs.writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--schema', XSD, file], { stdio: 'pipe' });
    return null;
  } catch (err) {
    return String((err as { stderr?: Buffer }).stderr ?? err);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
