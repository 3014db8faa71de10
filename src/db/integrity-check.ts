import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { damagedLedgerError } from './ledger-file';
import type { LedgerFileError } from './ledger-file';
import { sqliteDriverPath } from './sqlite-driver-path';

/**
 * SQLite's structural check of a ledger the app has just opened, run in a worker thread so the
 * first screen does not wait for it: it reads the whole file (seconds for a decade's ledger,
 * most of it the stored PDFs). Sign-in waits for its verdict (src/services/integrity-gate.ts),
 * so nobody works on a damaged file.
 */
export interface IntegrityCheck {
  /** Resolves once the check has run: null when the file is intact, else why it is not. */
  readonly verdict: Promise<LedgerFileError | null>;
}

/** The worker's code, as a string: the Node bundles have no separate worker file to point at. */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.path, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  const rows = db.pragma('quick_check(1)');
  parentPort.postMessage({ ok: true, first: rows[0] ? rows[0].quick_check : 'no answer' });
} catch (error) {
  parentPort.postMessage({ ok: false, message: error && error.message ? error.message : String(error) });
} finally {
  if (db) db.close();
}
`;

/** The first line of `quick_check(1)` on the file ('ok' when intact), from a worker thread. */
export function quickCheckInWorker(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, { eval: true, workerData: { driver: sqliteDriverPath(), path } });
    let settled = false;
    worker.once('message', (message: { ok: boolean; first?: string; message?: string }) => {
      settled = true;
      if (message.ok) resolve(message.first ?? 'no answer');
      else reject(new Error(message.message ?? 'unknown error'));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the checking thread stopped (exit code ${code})`));
    });
  });
}

/** The same check on this thread: the fallback when a worker cannot run it. */
function quickCheckHere(path: string): string {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma('quick_check(1)') as { quick_check: string }[];
    return rows[0]?.quick_check ?? 'no answer';
  } finally {
    db.close();
  }
}

/**
 * Starts the check of `path`. A worker that cannot run (or an error reading the file there)
 * falls back to checking on this thread, which blocks for as long as the check takes but still
 * gives a verdict: an unreadable file is reported as damaged, never as intact.
 */
export function startIntegrityCheck(
  path: string,
  inWorker: (path: string) => Promise<string> = quickCheckInWorker,
): IntegrityCheck {
  const verdictOf = (first: string) => (first === 'ok' ? null : damagedLedgerError(path, first));
  const verdict = inWorker(path).then(verdictOf, () => {
    try {
      return verdictOf(quickCheckHere(path));
    } catch (error) {
      return damagedLedgerError(path, error instanceof Error ? error.message : String(error));
    }
  });
  return { verdict };
}
