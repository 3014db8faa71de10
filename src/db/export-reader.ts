import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Ledger } from './open';
import { schema } from './schema';

/**
 * The ledger as one export sees it: a second, read-only connection inside one read transaction,
 * held from the first read until the last file is written. In WAL mode it keeps seeing the
 * ledger as it was when the export began while the app's connection goes on writing (the same
 * approach as the audit verification job's snapshot reader), so files read page by page, long
 * after the start and with the event loop running between them, still describe one moment.
 * Unlike that reader it maps no memory: an export reads most of the file (the stored PDFs) once,
 * and mapped pages would count against the export's memory. `close` ends the transaction and
 * the connection; it is safe to call twice. An in-memory ledger (no file to open twice) is read
 * through its own connection, and closing leaves that connection open.
 */
export function openExportReader(ledger: Ledger): Ledger {
  if (ledger.raw.memory) return { ...ledger, close: () => undefined };
  const raw = new Database(ledger.path, { readonly: true, fileMustExist: true });
  try {
    raw.pragma('busy_timeout = 5000');
    // 32 MiB of page cache: enough for the indexes a page of sessions or entries walks.
    raw.pragma('cache_size = -32768');
    raw.exec('BEGIN');
    // The snapshot is taken at the first read, not at BEGIN.
    raw.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    raw.close();
    throw error;
  }
  return {
    raw,
    db: drizzle(raw, { schema }),
    path: ledger.path,
    close: () => {
      if (!raw.open) return;
      if (raw.inTransaction) raw.exec('COMMIT');
      raw.close();
    },
  };
}
