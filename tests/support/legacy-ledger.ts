import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultMigrationsDir } from '../../src/db/migrate';
import type { Ledger } from '../../src/db/open';

interface Journal {
  entries: { when: number; tag: string }[];
}

/** The migration that moved the search-key folding version out of user_version. */
const ledgerMetaTag = '0012_ledger-meta';

/**
 * Turns a freshly migrated ledger back into one written before `ledger_meta` existed: no such
 * table, its migration not applied, and the search-key folding version in `PRAGMA user_version`
 * (0 for the first release, which never set it).
 */
export function asBeforeLedgerMeta(ledger: Ledger, foldingVersion: number): void {
  const journal = JSON.parse(readFileSync(join(defaultMigrationsDir, 'meta', '_journal.json'), 'utf8')) as Journal;
  const entry = journal.entries.find((candidate) => candidate.tag === ledgerMetaTag);
  if (entry === undefined) throw new Error(`${ledgerMetaTag} is not in the migration journal`);
  // Every table from that migration on goes, so the later migrations apply again as they would.
  const later = journal.entries.filter((candidate) => candidate.when >= entry.when);
  for (const { tag } of later) {
    const sql = readFileSync(join(defaultMigrationsDir, `${tag}.sql`), 'utf8');
    for (const [, table] of sql.matchAll(/CREATE TABLE `(\w+)`/g)) ledger.raw.exec(`DROP TABLE IF EXISTS "${table}"`);
    // And every index such a migration adds to an older table (the audit log's filters).
    for (const [, index] of sql.matchAll(/CREATE (?:UNIQUE )?INDEX `(\w+)`/g)) {
      ledger.raw.exec(`DROP INDEX IF EXISTS "${index}"`);
    }
  }
  ledger.raw.prepare('DELETE FROM __drizzle_migrations WHERE created_at >= ?').run(entry.when);
  ledger.raw.pragma(`user_version = ${foldingVersion}`);
}
