import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations, defaultMigrationsDir, NewerDatabaseError } from '../../src/db/migrate';
import { openLedger } from '../../src/db/open';
import type { SchemaShape } from '../support/released-schema';
import { breakingChanges, describeSchema, loadReleasedSchema } from '../support/released-schema';

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

const journal = JSON.parse(readFileSync(join(defaultMigrationsDir, 'meta', '_journal.json'), 'utf8')) as Journal;
const latestKnown = Math.max(...journal.entries.map((entry) => entry.when));

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function freshPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dosing-ledger-migrations-'));
  dirs.push(dir);
  return join(dir, 'ledger.sqlite');
}

/** Everything the schema consists of: tables, indexes, triggers, with their SQL. */
function schemaObjects(raw: Database.Database): unknown[] {
  return raw
    .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
    .all();
}

function appliedMigrations(raw: Database.Database): { hash: string; created_at: number }[] {
  return raw.prepare('SELECT hash, created_at FROM __drizzle_migrations ORDER BY created_at').all() as {
    hash: string;
    created_at: number;
  }[];
}

describe('migrations', () => {
  it('apply in full to a fresh file, one row per journal entry', () => {
    const ledger = openLedger(freshPath());
    try {
      expect(appliedMigrations(ledger.raw).map((row) => row.created_at)).toEqual(
        journal.entries.map((entry) => entry.when),
      );
      const names = (schemaObjects(ledger.raw) as { name: string }[]).map((object) => object.name);
      expect(names).toEqual(
        expect.arrayContaining([
          'audit_log',
          'clinic',
          'patients',
          'users',
          'patients_fts',
          'audit_log_no_update',
          'audit_log_no_delete',
          'patients_fts_insert',
          'patients_mrn_unique',
          'users_username_unique',
        ]),
      );
    } finally {
      ledger.close();
    }
  });

  it('are a no-op when applied again, in the same connection or on reopening', () => {
    const path = freshPath();
    const ledger = openLedger(path);
    ledger.raw.prepare("INSERT INTO audit_log VALUES (1, 'at', NULL, 'kept', 'test', NULL, '{}', 'p', 'h')").run();
    const objects = schemaObjects(ledger.raw);
    const applied = appliedMigrations(ledger.raw);
    applyMigrations(ledger.raw, ledger.db, path);
    expect(schemaObjects(ledger.raw)).toEqual(objects);
    expect(appliedMigrations(ledger.raw)).toEqual(applied);
    ledger.close();

    const reopened = openLedger(path);
    try {
      expect(schemaObjects(reopened.raw)).toEqual(objects);
      expect(appliedMigrations(reopened.raw)).toEqual(applied);
      expect(reopened.raw.prepare('SELECT action FROM audit_log').all()).toEqual([{ action: 'kept' }]);
    } finally {
      reopened.close();
    }
  });

  it('open the ledger with WAL, synchronous=FULL, foreign keys, recursive triggers and a busy timeout', () => {
    const ledger = openLedger(freshPath());
    try {
      expect(ledger.raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(ledger.raw.pragma('synchronous', { simple: true })).toBe(2);
      expect(ledger.raw.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(ledger.raw.pragma('busy_timeout', { simple: true })).toBe(5000);
      // So that INSERT OR REPLACE fires the append-only delete trigger (see audit-chain.test.ts).
      expect(ledger.raw.pragma('recursive_triggers', { simple: true })).toBe(1);
    } finally {
      ledger.close();
    }
  });

  describe('a database from a newer version', () => {
    /** A migrated ledger with one more applied migration than this build knows, in `journalMode`. */
    function newerDatabase(journalMode: 'wal' | 'delete'): string {
      const path = freshPath();
      openLedger(path).close();
      const db = new Database(path);
      const tenYears = 10 * 365 * 24 * 3_600_000;
      db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run(
        'from-a-newer-version',
        latestKnown + tenYears,
      );
      db.pragma(`journal_mode = ${journalMode}`);
      db.close();
      expect(existsSync(`${path}-wal`)).toBe(false);
      return path;
    }

    function sidecars(path: string): Record<string, number> {
      return Object.fromEntries(
        ['-wal', '-shm', '-journal']
          .filter((suffix) => existsSync(`${path}${suffix}`))
          .map((suffix) => [suffix, statSync(`${path}${suffix}`).size]),
      );
    }

    for (const journalMode of ['wal', 'delete'] as const) {
      it(`is refused with NewerDatabaseError and left byte-for-byte as it was (${journalMode} journal)`, () => {
        const path = newerDatabase(journalMode);
        const before = readFileSync(path);
        let thrown: unknown;
        try {
          openLedger(path).close();
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(NewerDatabaseError);
        expect((thrown as Error).name).toBe('NewerDatabaseError');
        expect((thrown as Error).message).toContain(path);
        expect((thrown as Error).message).toContain('newer version');
        expect(readFileSync(path).equals(before), 'the database file changed').toBe(true);
        expect(Object.values(sidecars(path)).every((size) => size === 0)).toBe(true);
      });
    }
  });

  describe('additive-only guard', () => {
    it('keeps every released table and column, unchanged, in a freshly migrated database', () => {
      const baseline = loadReleasedSchema();
      // The baseline must really list the released tables, or the check below would pass vacuously.
      expect(Object.keys(baseline)).toEqual(
        expect.arrayContaining(['audit_log', 'clinic', 'patients', 'users', 'patients_fts']),
      );
      expect(baseline.patients?.map((column) => column.name)).toContain('family_key');

      const ledger = openLedger(freshPath());
      try {
        expect(breakingChanges(baseline, describeSchema(ledger.raw))).toEqual([]);
      } finally {
        ledger.close();
      }
    });

    it('reports a removed table, a removed column and a changed column', () => {
      const path = freshPath();
      const ledger = openLedger(path);
      const baseline = describeSchema(ledger.raw);
      ledger.raw.exec('ALTER TABLE users RENAME COLUMN credentials TO creds');
      ledger.raw.exec('DROP TABLE clinic');
      const altered: SchemaShape = describeSchema(ledger.raw);
      ledger.close();
      altered.patients = (altered.patients ?? []).map((column) =>
        column.name === 'phone'
          ? { ...column, notnull: false }
          : column.name === 'version'
            ? { ...column, type: 'TEXT' }
            : column,
      );
      expect(breakingChanges(baseline, altered)).toEqual([
        'table clinic was removed',
        expect.stringContaining('column patients.phone changed'),
        expect.stringContaining('column patients.version changed'),
        'column users.credentials was removed',
      ]);
    });

    it('allows new tables and new columns', () => {
      const ledger = openLedger(freshPath());
      try {
        const baseline = describeSchema(ledger.raw);
        ledger.raw.exec('ALTER TABLE patients ADD COLUMN nickname TEXT');
        ledger.raw.exec('CREATE TABLE later_feature (id INTEGER PRIMARY KEY)');
        expect(breakingChanges(baseline, describeSchema(ledger.raw))).toEqual([]);
      } finally {
        ledger.close();
      }
    });
  });

  describe('journal', () => {
    const sqlFiles = readdirSync(defaultMigrationsDir)
      .filter((file) => file.endsWith('.sql'))
      .map((file) => file.replace(/\.sql$/, ''))
      .sort();

    it('lists every SQL file in migrations/, and every entry has its SQL file', () => {
      expect(sqlFiles.length).toBeGreaterThanOrEqual(2);
      expect(journal.entries.map((entry) => entry.tag).sort()).toEqual(sqlFiles);
    });

    it('numbers entries in order, with increasing timestamps and a snapshot each', () => {
      journal.entries.forEach((entry, index) => {
        expect(entry.idx).toBe(index);
        expect(entry.tag.startsWith(String(index).padStart(4, '0'))).toBe(true);
        expect(existsSync(join(defaultMigrationsDir, 'meta', `${String(index).padStart(4, '0')}_snapshot.json`))).toBe(
          true,
        );
        if (index > 0) expect(entry.when).toBeGreaterThan(journal.entries[index - 1]?.when ?? Infinity);
      });
    });
  });
});
