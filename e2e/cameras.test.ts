// Journey of public cameras: a citizen opens the cameras, plays the Đông Kinh traffic camera
// (the demo's real HLS playlist, made with ffmpeg at start: the player reads the playlist and
// plays), then opens a border-gate camera whose stream is down and sees its snapshot.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { BASE_URL, checkA11y, launch, phoneContext } from './lib.ts';

/** The server makes the demo stream in the background at start; wait until it is there. */
async function demoStreamReady(): Promise<boolean> {
  for (let i = 0; i < 120; i++) {
    const res = await fetch(`${BASE_URL}/demo/cameras/index.m3u8`);
    if (res.ok) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

describe('public cameras', () => {
  let browser: Browser;

  before(async () => {
    browser = await launch();
  });
  after(() => browser?.close());

  it('a citizen plays a traffic camera', async (t) => {
    // the demo stream needs Debian's ffmpeg (CI has it); without it the journey below cannot run
    if (spawnSync('ffmpeg', ['-version']).status !== 0) return t.skip('ffmpeg is not installed: the demo cameras show a still picture only');
    assert.ok(await demoStreamReady(), 'the server made the demo HLS stream at start');
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto('/cameras');
    await page.getByRole('heading', { level: 1, name: 'Camera công cộng' }).waitFor();
    await page.getByRole('button', { name: /Camera giao thông: Ngã tư Đông Kinh/ }).waitFor();
    await checkA11y(page, 'cameras: list and map');

    const playlist = page.waitForResponse((r) => r.url().endsWith('/demo/cameras/index.m3u8') && r.status() === 200);
    await page.getByRole('link', { name: /Ngã tư Đông Kinh/ }).click();
    await page.getByRole('heading', { level: 1, name: /Ngã tư Đông Kinh/ }).waitFor();
    assert.match(await (await playlist).text(), /^#EXTM3U/);
    // the player read the playlist (hls.js MANIFEST_PARSED, or native metadata) and plays
    const player = page.getByTestId('camera-player');
    await page.waitForFunction(() => ['parsed', 'playing'].includes(document.querySelector('[data-testid="camera-player"]')?.getAttribute('data-state') ?? ''));
    // Chromium decodes the baseline H.264 segments: the video actually plays and moves on
    await page.waitForFunction(() => document.querySelector('[data-testid="camera-player"]')?.getAttribute('data-state') === 'playing');
    await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0.5);
    assert.notEqual(await player.getAttribute('data-state'), 'down');
    await checkA11y(page, 'cameras: playing');
    await context.close();
  });

  it('a camera whose stream is down shows its snapshot', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto('/cameras');
    await page.getByRole('link', { name: /Tân Thanh/ }).click();
    await page.getByText('Camera đang mất tín hiệu. Dưới đây là ảnh chụp gần nhất.').waitFor();
    await page.getByRole('img', { name: /Ảnh chụp gần nhất của camera/ }).waitFor();
    assert.equal(await page.getByTestId('camera-player').getAttribute('data-state'), 'down');
    await checkA11y(page, 'cameras: stream down');
    await context.close();
  });
});
