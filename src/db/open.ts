import Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { applyMigrations, assertNotNewer } from './migrate';
import { refreshPatientSearchKeys } from './patient-search-keys';
import { schema } from './schema';

export type Drizzle = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface Ledger {
  raw: Database.Database;
  db: Drizzle;
  path: string;
  close(): void;
}

export interface OpenOptions {
  migrationsDir?: string;
  readonly?: boolean;
}

/**
 * Opens (creating if needed) the ledger file and brings its schema up to date.
 * WAL for concurrent readers; `synchronous=FULL` because WAL's default NORMAL can lose the
 * last commits on power loss, and a committed clinical record must never be lost.
 */
export function openLedger(path: string, options: OpenOptions = {}): Ledger {
  const raw = new Database(path, { readonly: options.readonly ?? false });
  try {
    raw.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      // Checked first: switching to WAL rewrites the file header, and a newer version's file
      // must be left exactly as it was.
      assertNotNewer(raw, path, options.migrationsDir);
      raw.pragma('journal_mode = WAL');
    }
    raw.pragma('synchronous = FULL');
    raw.pragma('foreign_keys = ON');
    // 64 MiB of page cache (SQLite's default is 2 MB): a name search sorts its matches (thousands
    // among 100,000 patients) by family name, reading each row; with the default cache most reads
    // go back to the OS and the slowest searches take two to four times as long
    // (tests/bench/foundation-bench.ts). Allocated only as pages are read.
    raw.pragma('cache_size = -65536');
    // INSERT OR REPLACE deletes the row it replaces; only with recursive triggers does that
    // delete fire the append-only triggers (otherwise an audit entry could be replaced).
    raw.pragma('recursive_triggers = ON');
    const db = drizzle(raw, { schema });
    if (!options.readonly) {
      applyMigrations(raw, db, path, options.migrationsDir);
      // Derived search keys follow this build's folding (no-op once they do; see the file).
      refreshPatientSearchKeys(raw);
    }
    return { raw, db, path, close: () => raw.close() };
  } catch (error) {
    raw.close();
    throw error;
  }
}
