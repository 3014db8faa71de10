import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';

/** `migrations/` at the package root: two levels above both `src/db/` and `dist/<entry>/`. */
export const defaultMigrationsDir = fileURLToPath(new URL('../../migrations', import.meta.url));

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

export class NewerDatabaseError extends Error {
  constructor(path: string) {
    super(
      `${path} was written by a newer version of Dosing Ledger; nothing was changed. ` +
        'Open it with that version (or newer).',
    );
    this.name = 'NewerDatabaseError';
  }
}

function readJournal(migrationsDir: string): Journal {
  return JSON.parse(readFileSync(join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as Journal;
}

/**
 * The schema version this build writes into `PRAGMA user_version`: how many migrations it
 * knows. A file whose user_version is higher was written by a newer build.
 */
export function knownSchemaVersion(migrationsDir = defaultMigrationsDir): number {
  return readJournal(migrationsDir).entries.length;
}

/**
 * Before `ledger_meta` existed, user_version held the search-key folding version, 1 or 2 (and
 * 0 when never set). Such a file is an older one, whatever this build's migration count.
 */
const highestLegacyFoldingVersion = 2;

export function hasLedgerMeta(raw: Database.Database): boolean {
  return raw.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ledger_meta'").get() !== undefined;
}

function userVersion(raw: Database.Database): number {
  return raw.pragma('user_version', { simple: true }) as number;
}

function latestKnownMigration(migrationsDir: string): number {
  return Math.max(0, ...readJournal(migrationsDir).entries.map((entry) => entry.when));
}

/** Whether opening this file will apply migrations (it was written by an older build). */
export function hasPendingMigrations(raw: Database.Database, migrationsDir = defaultMigrationsDir): boolean {
  return latestAppliedMigration(raw) < latestKnownMigration(migrationsDir);
}

function latestAppliedMigration(raw: Database.Database): number {
  const table = raw
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (table === undefined) return 0;
  const row = raw.prepare('SELECT MAX(created_at) AS latest FROM __drizzle_migrations').get() as {
    latest: number | null;
  };
  return row.latest ?? 0;
}

/**
 * Refuses a database written by a newer build, before anything writes to it: one that has
 * migrations this build does not know, or whose user_version (schema version) is higher than
 * this build's.
 */
export function assertNotNewer(raw: Database.Database, path: string, migrationsDir = defaultMigrationsDir): void {
  if (latestAppliedMigration(raw) > latestKnownMigration(migrationsDir)) {
    throw new NewerDatabaseError(path);
  }
  const stored = userVersion(raw);
  const legacyFolding = stored <= highestLegacyFoldingVersion && !hasLedgerMeta(raw);
  if (!legacyFolding && stored > knownSchemaVersion(migrationsDir)) throw new NewerDatabaseError(path);
}

/**
 * The search-key folding version an older file kept in user_version, read before the migration
 * that creates `ledger_meta` runs (afterwards user_version is the schema version); null once
 * the file has `ledger_meta`.
 */
export function legacySearchKeyVersion(raw: Database.Database): number | null {
  return hasLedgerMeta(raw) ? null : userVersion(raw);
}

/**
 * Applies the committed migrations, refusing a database that has migrations this build
 * does not know: opening it could only corrupt it. Then records the schema version in
 * user_version, where an older build looks for it.
 */
export function applyMigrations(
  raw: Database.Database,
  db: BetterSQLite3Database<Record<string, unknown>>,
  path: string,
  migrationsDir = defaultMigrationsDir,
): void {
  assertNotNewer(raw, path, migrationsDir);
  migrate(db, { migrationsFolder: migrationsDir });
  const version = knownSchemaVersion(migrationsDir);
  if (userVersion(raw) !== version) raw.pragma(`user_version = ${version}`);
}
