// The demo cameras' stream: a real HLS playlist of short test-pattern segments, made at
// start with Debian's ffmpeg (if it is installed) into the data directory, never into the
// repository, so the app's player is exercised against the same protocol as a real camera.
// Without ffmpeg only a still picture exists, and the player shows it as it would for a
// camera whose stream is down.
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';

export const DEMO_PLAYLIST = 'index.m3u8';
/** Files the demo route serves, and their types. */
export const DEMO_FILE = /^(index\.m3u8|seg\d{1,3}\.ts|snapshot\.(jpg|svg))$/;
export const DEMO_TYPES: Record<string, string> = {
  m3u8: 'application/vnd.apple.mpegurl',
  ts: 'video/mp2t',
  jpg: 'image/jpeg',
  svg: 'image/svg+xml',
};

function run(cmd: string, args: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { stdio: 'ignore' });
    // no ffmpeg on this machine (ENOENT) is not an error: the still picture serves
    p.once('error', () => resolve(false));
    p.once('exit', (code) => resolve(code === 0));
  });
}

/** A still picture drawn without any tool: the fallback when ffmpeg is missing. */
const STILL_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="270" viewBox="0 0 480 270">
<rect width="480" height="270" fill="#1f2d3d"/>
<g fill="none" stroke="#8fb3d9" stroke-width="3"><path d="M0 200 L160 150 L300 170 L480 120"/><path d="M0 230 L480 230"/></g>
<text x="240" y="110" font-family="sans-serif" font-size="26" fill="#ffffff" text-anchor="middle">Ảnh chụp camera (demo)</text>
</svg>`;

/**
 * Makes the demo stream in `dir` once (kept across restarts). Writes into a temporary
 * folder first and renames it, so a half-made playlist is never served. Returns whether a
 * playable stream exists.
 */
export async function ensureDemoStream(dir: string, ffmpeg = 'ffmpeg'): Promise<boolean> {
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, 'snapshot.svg'), STILL_SVG);
  const stream = path.join(dir, 'stream');
  if (await fs.stat(path.join(stream, DEMO_PLAYLIST)).then(() => true, () => false)) return true;
  const tmp = await fs.mkdtemp(path.join(dir, 'tmp-'));
  try {
    const ok = await run(ffmpeg, [
      '-hide_banner', '-loglevel', 'error', '-y',
      '-f', 'lavfi', '-i', 'testsrc=size=480x270:rate=12', '-t', '8',
      // baseline H.264 in MPEG-TS plays in every browser's Media Source and in Safari natively
      '-c:v', 'libx264', '-preset', 'ultrafast', '-profile:v', 'baseline', '-pix_fmt', 'yuv420p', '-g', '24',
      '-f', 'hls', '-hls_time', '2', '-hls_list_size', '0', '-hls_playlist_type', 'vod',
      '-hls_segment_filename', path.join(tmp, 'seg%d.ts'), path.join(tmp, DEMO_PLAYLIST),
    ]);
    if (!ok) return false;
    await run(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=480x270', '-frames:v', '1', path.join(tmp, 'snapshot.jpg')]);
    await fs.rm(stream, { recursive: true, force: true });
    await fs.rename(tmp, stream);
    return true;
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

/** Where a demo file lives: the stream's files in `stream/`, the drawn still beside it. */
export function demoFilePath(dir: string, file: string): string {
  return file === 'snapshot.svg' ? path.join(dir, file) : path.join(dir, 'stream', file);
}
