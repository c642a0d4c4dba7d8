// A worker thread of the push pool (push-pool.ts): sends the batches it is given and answers
// with their outcomes. Encryption is one ECDH per device, so a fan-out to a province is bound
// by CPU; threads put every core of the machine on it.
import { parentPort } from 'node:worker_threads';
import { sendBatch, type BatchResult, type PushJob, type PushTarget } from './push-send.ts';

export interface WorkerRequest {
  seq: number;
  targets: PushTarget[];
  job: PushJob;
}

/** `ready` once the thread has loaded its code (a thread that fails to load is given no work). */
export type WorkerReply = { ready: true } | { seq: number; result: BatchResult } | { seq: number; error: string };

const port = parentPort;
if (!port) throw new Error('push-worker.ts runs only as a worker thread');
port.on('message', (msg: WorkerRequest) => {
  sendBatch(msg.targets, msg.job).then(
    (result) => port.postMessage({ seq: msg.seq, result } satisfies WorkerReply),
    (err: unknown) => port.postMessage({ seq: msg.seq, error: String(err) } satisfies WorkerReply),
  );
});
port.postMessage({ ready: true } satisfies WorkerReply);
