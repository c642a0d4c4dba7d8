// Worker threads for a large fan-out: the targets are cut into batches and every thread keeps
// two batches in flight, so the cores stay busy while the main thread only hands out work and
// adds up the answers. The threads live for one send: a fan-out is rare, and idle threads
// would hold memory between alerts.
import { Worker } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest } from './push-worker.ts';
import { sendBatch, type BatchResult, type PushJob, type PushTarget } from './push-send.ts';

/**
 * `npm start` runs a bundle (scripts/build.mjs), which builds the worker beside it and sets
 * this variable at build time. From the TypeScript source (tests, `tsx`) the thread registers
 * tsx itself: Node 20 does not carry the loader of `--import tsx` into worker threads.
 */
function startWorker(): Worker {
  const bundled = process.env.CDS_BUNDLED_PUSH_WORKER;
  if (bundled) return new Worker(new URL(bundled));
  const source = new URL('./push-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(tsx)}).then((tsx) => tsx.register()).then(() => import(${JSON.stringify(source)}))`, { eval: true });
}

const BATCH = 500;
const IN_FLIGHT_PER_THREAD = 2;

class Thread {
  private readonly worker = startWorker();
  private readonly pending = new Map<number, { resolve: (r: BatchResult) => void; reject: (e: Error) => void }>();
  private seq = 0;
  private broken: Error | null = null;
  /** True once the thread has loaded its code, false if it could not (a wrong file, no memory): no batch is lost to a thread that never ran. */
  readonly ready: Promise<boolean>;
  private markReady: (ok: boolean) => void = () => undefined;

  constructor() {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    this.worker.on('message', (reply: WorkerReply) => {
      if ('ready' in reply) return this.markReady(true);
      const p = this.pending.get(reply.seq);
      this.pending.delete(reply.seq);
      if ('error' in reply) p?.reject(new Error(reply.error));
      else p?.resolve(reply.result);
    });
    const fail = (err: Error) => {
      this.markReady(false);
      this.broken = err;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`push worker exited with code ${code}`)));
  }

  get usable(): boolean {
    return this.broken === null;
  }

  run(targets: PushTarget[], job: PushJob): Promise<BatchResult> {
    if (this.broken) return Promise.reject(this.broken);
    const seq = this.seq++;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      this.worker.postMessage({ seq, targets, job } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}

/**
 * Sends every target's message on `threads` worker threads. A batch whose thread died counts as
 * failed (some of it may have gone out: sending it again could notify twice); the batches no
 * thread was left to take are sent on the main thread.
 */
export async function sendOnThreads(targets: readonly PushTarget[], job: PushJob, threads: number): Promise<BatchResult & { batchesOnThreads: number }> {
  const batches: PushTarget[][] = [];
  for (let i = 0; i < targets.length; i += BATCH) batches.push(targets.slice(i, i + BATCH));
  // the configured concurrency is for the whole send, shared by every batch in flight
  const lanes = threads * IN_FLIGHT_PER_THREAD;
  const perBatch: PushJob = { ...job, concurrency: Math.max(1, Math.ceil(job.concurrency / lanes)) };
  const total = { acceptedIds: [] as string[], expiredIds: [] as string[], failed: 0, batchesOnThreads: 0 };
  const pool = Array.from({ length: threads }, () => new Thread());
  let next = 0;
  const add = (r: BatchResult) => {
    for (const id of r.acceptedIds) total.acceptedIds.push(id);
    for (const id of r.expiredIds) total.expiredIds.push(id);
    total.failed += r.failed;
  };
  const lane = async (thread: Thread) => {
    if (!(await thread.ready)) return;
    while (next < batches.length && thread.usable) {
      const batch = batches[next++] as PushTarget[];
      try {
        add(await thread.run(batch, perBatch));
        total.batchesOnThreads++;
      } catch {
        total.failed += batch.length;
      }
    }
  };
  try {
    await Promise.all(pool.flatMap((thread) => Array.from({ length: IN_FLIGHT_PER_THREAD }, () => lane(thread))));
  } finally {
    await Promise.all(pool.map((t) => t.close()));
  }
  if (next < batches.length) add(await sendBatch(batches.slice(next).flat(), job));
  return total;
}
