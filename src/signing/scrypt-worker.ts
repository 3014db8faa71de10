import { scrypt } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/**
 * The clinic host's scrypt derivations (sign-ins, signing keys), run in worker threads at the
 * lowest scheduling priority: on a two-core clinic computer a sign-in's 0.3–0.8 s of scrypt
 * would otherwise take CPU from the thread answering every other device, and the issue asks
 * that sign-ins not raise the others' p95 by more than 20 %. On Linux a thread's nice value is
 * its own, so the worker lowers only itself (elsewhere `setPriority(0, …)` would lower the whole
 * app, so it does not). The code is a string: the Node bundles have no separate worker file.
 */
const workerSource = `
const { parentPort } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');
const { setPriority, getPriority } = require('node:os');
if (process.platform === 'linux') {
  try { setPriority(0, 19); } catch {}
}
parentPort.on('message', (job) => {
  if (job.kind === 'priority') {
    parentPort.postMessage({ id: job.id, priority: getPriority(0) });
    return;
  }
  try {
    const key = scryptSync(job.password, Buffer.from(job.salt), job.keyLengthBytes, job.options);
    parentPort.postMessage({ id: job.id, key });
  } catch (error) {
    parentPort.postMessage({ id: job.id, error: error && error.message ? error.message : String(error) });
  }
});
`;

interface Reply {
  id: number;
  key?: Uint8Array;
  priority?: number;
  error?: string;
}

type Pending = { resolve: (reply: Reply) => void; reject: (error: Error) => void };

/** Two threads: a burst of sign-ins at the start of a shift does not queue behind one. */
const threadCount = 2;
const threads: { worker: Worker; pending: Map<number, Pending> }[] = [];
let nextId = 0;

function startThread(): (typeof threads)[number] {
  const worker = new Worker(workerSource, { eval: true });
  // Idle threads must not keep a command-line run alive.
  worker.unref();
  const thread = { worker, pending: new Map<number, Pending>() };
  worker.on('message', (reply: Reply) => {
    const waiting = thread.pending.get(reply.id);
    thread.pending.delete(reply.id);
    if (thread.pending.size === 0) worker.unref();
    waiting?.resolve(reply);
  });
  const fail = (error: Error) => {
    threads.splice(threads.indexOf(thread), 1);
    for (const waiting of thread.pending.values()) waiting.reject(error);
    thread.pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the scrypt thread stopped (exit code ${code})`)));
  return thread;
}

function ask(job: Record<string, unknown>): Promise<Reply> {
  while (threads.length < threadCount) threads.push(startThread());
  const thread = threads[nextId % threads.length] ?? startThread();
  const id = (nextId += 1);
  return new Promise<Reply>((resolve, reject) => {
    thread.pending.set(id, { resolve, reject });
    thread.worker.ref();
    thread.worker.postMessage({ ...job, id });
  });
}

/** crypto.scrypt's options for the cost (maxmem lets Node allocate N·r·128 bytes). */
export interface ScryptOptions {
  N: number;
  r: number;
  p: number;
  maxmem: number;
}

/** scrypt on the thread pool: what the app did before, and the fallback if a thread fails. */
function onThreadPool(password: string, salt: Buffer, keyLengthBytes: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keyLengthBytes, options, (error, key) => (error === null ? resolve(key) : reject(error)));
  });
}

/** scrypt in a low-priority thread; the same key as `scryptSync`, the same errors for bad parameters. */
export async function scryptInBackground(
  password: string,
  salt: Buffer,
  keyLengthBytes: number,
  options: ScryptOptions,
): Promise<Buffer> {
  let reply: Reply;
  try {
    reply = await ask({ kind: 'scrypt', password, salt, keyLengthBytes, options });
  } catch {
    return onThreadPool(password, salt, keyLengthBytes, options);
  }
  if (reply.key === undefined) throw new Error(reply.error ?? 'scrypt failed');
  return Buffer.from(reply.key);
}

/** The nice value the scrypt threads run at (19 on Linux), for tests and diagnostics. */
export async function scryptThreadPriority(): Promise<number | undefined> {
  return (await ask({ kind: 'priority' })).priority;
}
