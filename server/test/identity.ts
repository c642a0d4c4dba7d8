// For tests of any module: sign in as a demo account and get the Bearer header.
import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../src/modules/identity/seed.ts';

export interface TestSession {
  token: string;
  userId: string;
  headers: { authorization: string };
}

export async function signIn(app: Pick<FastifyInstance, 'inject'>, phone: string, password = DEMO_PASSWORD): Promise<TestSession> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${phone} failed: ${res.statusCode} ${res.body}`);
  const body = res.json() as { token: string; user: { id: string } };
  return { token: body.token, userId: body.user.id, headers: { authorization: `Bearer ${body.token}` } };
}

/** Signs up a new citizen through the SMS code flow (demo mode: the code is read from GET /api/dev/sms). */
export async function registerCitizen(
  app: Pick<FastifyInstance, 'inject'>,
  phone: string,
  opts: { fullName?: string; password?: string } = {},
): Promise<TestSession> {
  const start = await app.inject({ method: 'POST', url: '/api/auth/register/start', payload: { phone } });
  if (start.statusCode !== 202) throw new Error(`sign-up of ${phone} failed: ${start.statusCode} ${start.body}`);
  const code = await lastSmsCode(app, phone);
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/register/verify',
    payload: { phone, code, password: opts.password ?? DEMO_PASSWORD, fullName: opts.fullName ?? 'Người Dùng Thử' },
  });
  if (res.statusCode !== 201) throw new Error(`sign-up of ${phone} failed: ${res.statusCode} ${res.body}`);
  const body = res.json() as { token: string; user: { id: string } };
  return { token: body.token, userId: body.user.id, headers: { authorization: `Bearer ${body.token}` } };
}

/** The code in the newest demo SMS to a number. */
export async function lastSmsCode(app: Pick<FastifyInstance, 'inject'>, phone: string): Promise<string> {
  const res = await app.inject({ method: 'GET', url: `/api/dev/sms?to=${encodeURIComponent(phone)}` });
  const code = /\b(\d{6})\b/.exec((res.json() as { messages: { body: string }[] }).messages[0]?.body ?? '')?.[1];
  if (!code) throw new Error(`no code was sent to ${phone}`);
  return code;
}
