import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Ledger } from './open';
import { schema } from './schema';
import { openSnapshotReader } from './snapshot-reader';
import { withoutStoredJsonCache } from './stored-json';

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
  // 16 MiB of page cache: enough for the indexes one patient's records, sessions and entries walk.
  const reader = openSnapshotReader(ledger, { cacheMiB: 16, mapped: false });
  const db = drizzle(reader.raw, { schema });
  withoutStoredJsonCache(db);
  return { raw: reader.raw, db, path: ledger.path, close: () => reader.close() };
}
