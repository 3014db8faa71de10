import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultMigrationsDir, knownSchemaVersion, NewerDatabaseError } from '../../src/db/migrate';
import type { Ledger } from '../../src/db/open';
import { openLedger } from '../../src/db/open';
import { searchPatients } from '../../src/db/patients-repo';
import { nameSearchText, searchKeyVersion } from '../../src/domain/search-key';
import { asBeforeLedgerMeta } from '../support/legacy-ledger';
import { seedPatient } from '../support/repo-ledger';

interface Journal {
  entries: unknown[];
}

const journalEntries = (
  JSON.parse(readFileSync(join(defaultMigrationsDir, 'meta', '_journal.json'), 'utf8')) as Journal
).entries.length;

const dirs: string[] = [];
const opened: Ledger[] = [];
afterEach(() => {
  for (const ledger of opened.splice(0)) ledger.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function freshPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dosing-ledger-schema-version-'));
  dirs.push(dir);
  return join(dir, 'ledger.sqlite');
}

function open(path: string, options: { readonly?: boolean } = {}): Ledger {
  const ledger = openLedger(path, options);
  opened.push(ledger);
  return ledger;
}

function userVersion(ledger: Ledger): number {
  return ledger.raw.pragma('user_version', { simple: true }) as number;
}

function metaRows(ledger: Ledger): unknown[] {
  return ledger.raw.prepare('SELECT key, value FROM ledger_meta ORDER BY key').all();
}

function refusal(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('PRAGMA user_version is the schema version', () => {
  it('is set to the number of migrations this build knows, and the folding version lives in ledger_meta', () => {
    const ledger = open(freshPath());
    expect(knownSchemaVersion()).toBe(journalEntries);
    expect(userVersion(ledger)).toBe(journalEntries);
    expect(metaRows(ledger)).toEqual([{ key: 'search_key_version', value: String(searchKeyVersion) }]);
  });

  for (const journalMode of ['wal', 'delete'] as const) {
    it(`refuses a ledger whose user_version is past this build's, leaving it byte-identical (${journalMode})`, () => {
      const path = freshPath();
      open(path).close();
      opened.splice(0);
      const raw = new Database(path);
      raw.pragma(`user_version = ${journalEntries + 1}`);
      raw.pragma(`journal_mode = ${journalMode}`);
      raw.close();
      const before = readFileSync(path);
      for (const readonly of [false, true]) {
        const thrown = refusal(() => openLedger(path, { readonly }).close());
        expect(thrown).toBeInstanceOf(NewerDatabaseError);
        expect((thrown as Error).message).toBe(
          `${path} was written by a newer version of Dosing Ledger; nothing was changed. Open it with that version (or newer).`,
        );
      }
      expect(readFileSync(path).equals(before), 'the database file changed').toBe(true);
      for (const suffix of ['-wal', '-journal']) {
        expect(!existsSync(`${path}${suffix}`) || statSync(`${path}${suffix}`).size === 0).toBe(true);
      }
    });
  }

  it('refuses a file that is only an empty SQLite database with a higher user_version', () => {
    const path = freshPath();
    const raw = new Database(path);
    raw.pragma('user_version = 1000');
    raw.close();
    const before = readFileSync(path);
    expect(refusal(() => openLedger(path).close())).toBeInstanceOf(NewerDatabaseError);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});

describe('a ledger from before ledger_meta (folding version in user_version)', () => {
  /** Two patients; OLD-2's keys are stale ("marker") so a rescan would show. */
  function oldStyleFile(foldingVersion: number): string {
    const path = freshPath();
    const ledger = openLedger(path);
    seedPatient(ledger, { mrn: 'OLD-1', familyName: "O'Brien", givenNames: 'Siobhán' });
    seedPatient(ledger, { mrn: 'OLD-2', familyName: 'Ruiz', givenNames: 'Ana' });
    ledger.raw.prepare("UPDATE patients SET search_text = 'marker' WHERE mrn = 'OLD-2'").run();
    asBeforeLedgerMeta(ledger, foldingVersion);
    ledger.close();
    return path;
  }

  function searchText(ledger: Ledger, mrn: string): string {
    const row = ledger.raw.prepare('SELECT search_text AS text FROM patients WHERE mrn = ?').get(mrn) as {
      text: string;
    };
    return row.text;
  }

  it('with the current folding version: upgrades without a rescan, and the version moves into ledger_meta', () => {
    const ledger = open(oldStyleFile(searchKeyVersion));
    expect(userVersion(ledger)).toBe(journalEntries);
    expect(metaRows(ledger)).toEqual([{ key: 'search_key_version', value: String(searchKeyVersion) }]);
    // Keys already current were trusted, as before: the stale marker shows no rescan ran.
    expect(searchText(ledger, 'OLD-2')).toBe('marker');
    expect(searchPatients(ledger.db, { terms: 'obrien', dateOfBirth: null, limit: 5 }).map((p) => p.mrn)).toEqual([
      'OLD-1',
    ]);
  });

  it('with an older folding version: upgrades and recomputes every key, once', () => {
    const path = oldStyleFile(1);
    const ledger = open(path);
    expect(userVersion(ledger)).toBe(journalEntries);
    expect(metaRows(ledger)).toEqual([{ key: 'search_key_version', value: String(searchKeyVersion) }]);
    expect(searchText(ledger, 'OLD-2')).toBe(
      nameSearchText({ familyName: 'Ruiz', givenNames: 'Ana', preferredName: '' }),
    );
    expect(searchPatients(ledger.db, { terms: 'ruiz ana', dateOfBirth: null, limit: 5 }).map((p) => p.mrn)).toEqual([
      'OLD-2',
    ]);
    const integrity = ledger.raw.prepare("INSERT INTO patients_fts (patients_fts, rank) VALUES ('integrity-check', 1)");
    expect(() => integrity.run()).not.toThrow();
    ledger.close();
    opened.splice(0);
    const reopened = open(path);
    expect(userVersion(reopened)).toBe(journalEntries);
  });
});
