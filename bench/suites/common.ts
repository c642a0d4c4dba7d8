// What every benchmark suite gets and gives back. The runner (bench/run.ts) prepares the
// volume on each database, starts the platform on it, runs the suites and writes
// bench/results/<suite>.md.
import type { Server } from '../lib.ts';
import type { PreparedVolume } from '../volume.ts';

export interface RunOptions {
  /** Seconds per measurement (the mixed workload runs twice as long). */
  duration: number;
  quick: boolean;
}

export interface Target {
  what: string;
  database: string;
  target: string;
  measured: string;
  /** null: measured, but nothing to compare with (e.g. a quick run at a smaller volume). */
  met: boolean | null;
}

export interface EngineRun {
  volume: PreparedVolume;
  /** The platform on the volume; a suite that restarts it replaces it here. */
  server: Server;
  opts: RunOptions;
  /** What the mixed workload measured (peak memory under load), for the footprint suite. */
  notes: Map<string, number>;
  /** Starts the platform again on the same volume (stopping the current one first), with extra environment. */
  restart(env?: Record<string, string>): Promise<Server>;
}

export interface SuiteResult {
  markdown: string;
  targets: Target[];
}

export const ms = (n: number) => `${Math.round(n * 10) / 10} ms`;
export const perSec = (n: number) => `${n.toLocaleString('en')} req/s`;
