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
      `The database ${path} was written by a newer version of Dosing Ledger. ` +
        'Install that version (or newer) to open it; this version will not touch it.',
    );
    this.name = 'NewerDatabaseError';
  }
}

function latestKnownMigration(migrationsDir: string): number {
  const journal = JSON.parse(readFileSync(join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as Journal;
  return Math.max(0, ...journal.entries.map((entry) => entry.when));
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

/** Refuses a database that has migrations this build does not know, before anything writes to it. */
export function assertNotNewer(raw: Database.Database, path: string, migrationsDir = defaultMigrationsDir): void {
  if (latestAppliedMigration(raw) > latestKnownMigration(migrationsDir)) {
    throw new NewerDatabaseError(path);
  }
}

/**
 * Applies the committed migrations, refusing a database that has migrations this build
 * does not know: opening it could only corrupt it.
 */
export function applyMigrations(
  raw: Database.Database,
  db: BetterSQLite3Database<Record<string, unknown>>,
  path: string,
  migrationsDir = defaultMigrationsDir,
): void {
  assertNotNewer(raw, path, migrationsDir);
  migrate(db, { migrationsFolder: migrationsDir });
}
