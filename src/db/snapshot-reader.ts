import Database from 'better-sqlite3';
import type { Ledger } from './open';

/** A read-only view of the ledger as it was at one instant, for long checks that yield between steps. */
export interface SnapshotReader {
  raw: Database.Database;
  close(): void;
}

/**
 * A second, read-only connection to the ledger file, inside one read transaction: in WAL mode it
 * keeps seeing the ledger as it was when the transaction began while the app's connection goes
 * on writing, so a check that yields to the event loop between steps still judges one
 * consistent ledger and holds no lock that would stop a write. An in-memory ledger (no file to
 * open twice) is read through its own connection.
 */
export function openSnapshotReader(
  ledger: Ledger,
  options: { cacheMiB: number; mapped: boolean } = { cacheMiB: 64, mapped: true },
): SnapshotReader {
  if (ledger.raw.memory) return { raw: ledger.raw, close: () => undefined };
  const raw = new Database(ledger.path, { readonly: true, fileMustExist: true });
  try {
    raw.pragma('busy_timeout = 5000');
    raw.pragma(`cache_size = ${-1024 * options.cacheMiB}`);
    // Mapped reads: the chain is read once, page after page, without a copy per page.
    if (options.mapped) raw.pragma(`mmap_size = ${1 << 30}`);
    raw.exec('BEGIN');
    // The snapshot is taken at the first read, not at BEGIN.
    raw.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    raw.close();
    throw error;
  }
  return {
    raw,
    close: () => {
      if (!raw.open) return;
      if (raw.inTransaction) raw.exec('COMMIT');
      raw.close();
    },
  };
}
