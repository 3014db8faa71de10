import Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import {
  assertHoldsLedger,
  assertIntact,
  assertLedgerFileExists,
  assertLedgerWritable,
  ledgerFileProblem,
} from './ledger-file';
import { applyMigrations, assertNotNewer, hasPendingMigrations, legacySearchKeyVersion } from './migrate';
import type { IntegrityCheck } from './integrity-check';
import { startIntegrityCheck } from './integrity-check';
import { refreshPatientSearchKeys } from './patient-search-keys';
import { schema } from './schema';

export type Drizzle = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface Ledger {
  raw: Database.Database;
  db: Drizzle;
  path: string;
  /** The structural check running since the app opened the file (`checkIntegrity: 'background'`). */
  integrity?: IntegrityCheck;
  close(): void;
}

export interface OpenOptions {
  migrationsDir?: string;
  readonly?: boolean;
  /**
   * The file must already be a Dosing Ledger: a missing, empty, damaged or foreign file is
   * refused with a LedgerFileError instead of being created or migrated (commands that name a
   * ledger to work on; the app's own first run creates its file).
   */
  existing?: boolean;
  /** Refuse, before opening, a file this process may not write (commands that write audit entries). */
  writable?: boolean;
  /**
   * Run SQLite's structural check before anything writes, refusing a damaged file with a
   * LedgerFileError (reads the whole file: for commands, not for every open). `'background'`:
   * the app's open, which shows its first screen at once; the check runs in a worker thread and
   * sign-in waits for it (`integrity`). A file that migrations will change is checked first.
   */
  checkIntegrity?: boolean | 'background';
}

/**
 * Opens (creating if needed, unless `existing`) the ledger file and brings its schema up to date.
 * WAL for concurrent readers; `synchronous=FULL` because WAL's default NORMAL can lose the
 * last commits on power loss, and a committed clinical record must never be lost.
 * A file that is not a usable ledger throws a LedgerFileError (one line, for the user); one
 * written by a newer build, a NewerDatabaseError. Either way the file is left as it was.
 */
export function openLedger(path: string, options: OpenOptions = {}): Ledger {
  const readonly = options.readonly ?? false;
  if (options.existing === true) assertLedgerFileExists(path);
  if (options.writable === true && !readonly) assertLedgerWritable(path);
  let raw: Database.Database;
  try {
    raw = new Database(path, { readonly, fileMustExist: options.existing === true });
  } catch (error) {
    throw ledgerFileProblem(error, path) ?? error;
  }
  try {
    raw.pragma('busy_timeout = 5000');
    if (options.existing === true) assertHoldsLedger(raw, path);
    const inBackground = options.checkIntegrity === 'background' && !readonly && !raw.memory;
    const checkNow =
      options.checkIntegrity === true || (inBackground && hasPendingMigrations(raw, options.migrationsDir));
    if (checkNow) assertIntact(raw, path);
    // Checked first: switching to WAL rewrites the file header, and a newer version's file
    // must be left exactly as it was. Read-only opens are checked too: a newer file's tables
    // may mean something else.
    assertNotNewer(raw, path, options.migrationsDir);
    if (!readonly) raw.pragma('journal_mode = WAL');
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
    if (!readonly) {
      // Read before migrating: until `ledger_meta` exists, user_version holds the folding version.
      const legacyFolding = legacySearchKeyVersion(raw);
      applyMigrations(raw, db, path, options.migrationsDir);
      // Derived search keys follow this build's folding (no-op once they do; see the file).
      refreshPatientSearchKeys(raw, legacyFolding);
    }
    return {
      raw,
      db,
      path,
      ...(inBackground && !checkNow ? { integrity: startIntegrityCheck(path) } : {}),
      close: () => raw.close(),
    };
  } catch (error) {
    raw.close();
    throw ledgerFileProblem(error, path) ?? error;
  }
}
