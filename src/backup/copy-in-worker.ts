import { Worker } from 'node:worker_threads';
import { sqliteDriverPath } from '../db/sqlite-driver-path';

/**
 * The worker's code, as a string: the Node bundles (esbuild, one file per entry) have no separate
 * worker file to point at. It opens its own connection to the ledger (read-only: a backup never
 * writes the live file) and runs VACUUM INTO, which copies inside one read transaction.
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.livePath, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  db.prepare('VACUUM INTO ?').run(workerData.plainPath);
  parentPort.postMessage({ ok: true });
} catch (error) {
  parentPort.postMessage({ ok: false, message: error && error.message ? error.message : String(error) });
} finally {
  if (db) db.close();
}
`;

/**
 * Writes a consistent copy of the ledger file `livePath` to the empty file `plainPath` in a
 * worker thread: VACUUM INTO blocks the thread that runs it for as long as the copy takes, and
 * the server must keep answering meanwhile.
 */
export function copyLedgerInWorker(livePath: string, plainPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: { driver: sqliteDriverPath(), livePath, plainPath },
    });
    let settled = false;
    worker.once('message', (message: { ok: boolean; message?: string }) => {
      settled = true;
      if (message.ok) resolve();
      else reject(new Error(`the ledger could not be copied (${message.message ?? 'unknown error'})`));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the copying thread stopped (exit code ${code})`));
    });
  });
}
