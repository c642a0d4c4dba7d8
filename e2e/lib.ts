// Shared pieces of the browser journeys: Debian's Chromium through playwright-core,
// axe-core on every page a journey visits, the demo SMS outbox, screenshots on request.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const BASE_URL = (process.env.BASE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
export const DEMO_PASSWORD = 'Demo@2026';
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR;

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

/** A phone-sized context (390×844), Vietnamese, as most citizens will use the app. */
export async function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ baseURL: BASE_URL, viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale: 'vi-VN', hasTouch: true, isMobile: true });
}

/** A desk-sized context for officials. */
export async function deskContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ baseURL: BASE_URL, viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
}

/** Runs axe (WCAG 2.x A/AA) and fails on serious or critical problems, naming each one. */
export async function checkA11y(page: Page, where: string): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  await shot(page, where);
  if (bad.length === 0) return;
  const lines = bad.map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.slice(0, 3).map((n) => `      ${n.target.join(' ')} — ${n.failureSummary?.split('\n').join(' ')}`).join('\n')}`);
  throw new Error(`accessibility problems on "${where}" (${page.url()}):\n${lines.join('\n')}`);
}

export async function shot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOT_DIR) return;
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${page.viewportSize()?.width ?? 0}.png`);
  await page.screenshot({ path: file, fullPage: true });
}

/** A fresh, valid mobile number (Viettel 096 prefix) that no demo account uses. */
export function randomPhone(): string {
  return `096${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
}

/** The newest six-digit code sent to `phone` after `since` (ms), read from the demo SMS outbox. */
export async function waitForOtp(phone: string, since: number, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await fetch(`${BASE_URL}/api/dev/sms?to=${encodeURIComponent(phone)}`);
    if (res.ok) {
      const { messages } = (await res.json()) as { messages: Array<{ body: string; sentAt: string }> };
      const fresh = messages.filter((m) => Date.parse(m.sentAt) >= since - 2000).sort((a, b) => b.sentAt.localeCompare(a.sentAt));
      const code = fresh[0]?.body.match(/\b(\d{6})\b/)?.[1];
      if (code) return code;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no code was sent to ${phone}`);
}

/** Signs in through the form and waits until the app has moved on from /sign-in. */
export async function signIn(page: Page, phone: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Số điện thoại').fill(phone);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}

/** The signed-in user as the server sees them (same cookies as the page). */
export async function me(page: Page): Promise<Record<string, unknown>> {
  const res = await page.request.get('/api/me');
  if (!res.ok()) throw new Error(`/api/me answered ${res.status()}`);
  return (await res.json()) as Record<string, unknown>;
}
