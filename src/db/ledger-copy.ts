import type Database from 'better-sqlite3';

/**
 * Writes a consistent copy of the open ledger to `path` (which must not exist), for backups.
 *
 * `VACUUM INTO` rather than the online backup API (`db.backup()`): it copies inside one read
 * transaction, so the copy is the ledger at one instant while other connections and processes
 * keep writing (WAL readers do not block writers). The backup API instead starts over whenever
 * another connection writes between its steps, so under a steady stream of writes from the app a
 * large ledger might never finish. The copy is also one self-contained file in rollback-journal
 * mode: opening it read-only creates no -wal/-shm files beside it (plaintext must not linger).
 */
export function copyLedgerInto(raw: Database.Database, path: string): void {
  raw.prepare('VACUUM INTO ?').run(path);
}

/** SQLite's own structural check: an empty list means the file is sound. */
export function integrityProblems(raw: Database.Database): string[] {
  const rows = raw.pragma('integrity_check') as { integrity_check: string }[];
  return rows.map((row) => row.integrity_check).filter((message) => message !== 'ok');
}
