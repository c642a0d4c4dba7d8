// The land benchmark's client, in a worker thread: it asks the platform over HTTP on one
// kept-alive connection and times each answer. In its own thread (its own V8 heap), as a
// phone is another machine: when the client ran in the platform's thread, the young
// collector kept client and server objects alike alive (megabytes per collection) and its
// pauses showed up in the platform's latency. Plain JavaScript, so the worker needs no loader.
import { parentPort, workerData } from 'node:worker_threads';
import { Agent, request } from 'undici';

const agent = new Agent({ connections: 1 });
parentPort.on('message', async (url) => {
  if (url === null) {
    await agent.close();
    parentPort.close();
    return;
  }
  const t0 = process.hrtime.bigint();
  const reply = await request(workerData.origin + url, { dispatcher: agent });
  const body = new Uint8Array(await reply.body.arrayBuffer());
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  parentPort.postMessage({ ms, status: reply.statusCode, body }, [body.buffer]);
});
