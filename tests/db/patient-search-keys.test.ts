import { afterEach, describe, expect, it } from 'vitest';
import type { Ledger } from '../../src/db/open';
import { openLedger } from '../../src/db/open';
import { searchPatients } from '../../src/db/patients-repo';
import { nameSearchText, searchKey } from '../../src/domain/search-key';
import { asBeforeLedgerMeta } from '../support/legacy-ledger';
import { seedPatient } from '../support/repo-ledger';
import type { TempLedger } from '../support/temp-ledger';
import { tempLedger } from '../support/temp-ledger';

/**
 * Patients as the first release stored them: its folding turned apostrophes and hyphens into
 * spaces, kept the ʻokina as a letter and indexed family and given names only apart.
 */
const firstReleaseRows = [
  { mrn: 'OLD-1', familyName: "O'Brien", givenNames: 'Siobhán', searchText: 'o brien siobhan', familyKey: 'o brien' },
  {
    mrn: 'OLD-2',
    familyName: 'Kaʻahumanu',
    givenNames: 'ʻIolani',
    searchText: 'kaʻahumanu ʻiolani',
    familyKey: 'kaʻahumanu',
  },
  { mrn: 'OLD-3', familyName: '王', givenNames: '小明', searchText: '王 小明', familyKey: '王' },
  { mrn: 'OLD-4', familyName: 'Ruiz', givenNames: 'Ana', searchText: 'ruiz ana', familyKey: 'ruiz' },
];

interface StoredKeys {
  mrn: string;
  search_text: string;
  family_key: string;
  version: number;
  updated_at: string;
}

function storedKeys(ledger: Ledger): StoredKeys[] {
  return ledger.raw
    .prepare('SELECT mrn, search_text, family_key, version, updated_at FROM patients ORDER BY id')
    .all() as StoredKeys[];
}

function mrnsFound(ledger: Ledger, terms: string): string[] {
  return searchPatients(ledger.db, { terms, dateOfBirth: null, limit: 20 }).map((patient) => patient.mrn);
}

describe('search keys written by an earlier release', () => {
  const temps: TempLedger[] = [];
  const opened: Ledger[] = [];
  afterEach(() => {
    for (const ledger of opened.splice(0)) ledger.close();
    for (const temp of temps.splice(0)) temp.cleanup();
  });

  /** A ledger file holding `firstReleaseRows` with the keys that release wrote, closed. */
  function firstReleaseFile(): string {
    const temp = tempLedger();
    temps.push(temp);
    for (const row of firstReleaseRows) {
      seedPatient(temp.ledger, { mrn: row.mrn, familyName: row.familyName, givenNames: row.givenNames });
      temp.ledger.raw
        .prepare('UPDATE patients SET search_text = ?, family_key = ? WHERE mrn = ?')
        .run(row.searchText, row.familyKey, row.mrn);
    }
    // The first release never set the file's user_version, and had no ledger_meta table.
    asBeforeLedgerMeta(temp.ledger, 0);
    temp.ledger.close();
    return temp.path;
  }

  function reopen(path: string, options: { readonly?: boolean } = {}): Ledger {
    const ledger = openLedger(path, options);
    opened.push(ledger);
    return ledger;
  }

  it('are recomputed when the ledger opens, so those patients are found as staff type names', () => {
    const ledger = reopen(firstReleaseFile());
    expect(mrnsFound(ledger, 'obrien')).toEqual(['OLD-1']);
    expect(mrnsFound(ledger, 'iolani')).toEqual(['OLD-2']);
    expect(mrnsFound(ledger, 'kaahumanu')).toEqual(['OLD-2']);
    expect(mrnsFound(ledger, '王小明')).toEqual(['OLD-3']);
    expect(mrnsFound(ledger, 'ruiz ana')).toEqual(['OLD-4']);
    expect(mrnsFound(ledger, 'ʻiolani')).toEqual(['OLD-2']);
    expect(storedKeys(ledger)).toEqual(
      firstReleaseRows.map((row) => ({
        mrn: row.mrn,
        search_text: nameSearchText({ familyName: row.familyName, givenNames: row.givenNames, preferredName: '' }),
        family_key: searchKey(row.familyName),
        version: 1,
        updated_at: '2026-03-01T09:00:00.000Z',
      })),
    );
    // The full-text index holds exactly the recomputed keys (rank 1: checked against the table).
    const integrity = ledger.raw.prepare("INSERT INTO patients_fts (patients_fts, rank) VALUES ('integrity-check', 1)");
    expect(() => integrity.run()).not.toThrow();
  });

  it('are derived data: recomputing them writes no audit entry and leaves every record as it was', () => {
    const path = firstReleaseFile();
    const ledger = reopen(path);
    expect(ledger.raw.prepare('SELECT COUNT(*) AS entries FROM audit_log').get()).toEqual({ entries: 0 });
    expect(ledger.raw.prepare('SELECT family_name, given_names FROM patients ORDER BY id').all()).toEqual(
      firstReleaseRows.map((row) => ({ family_name: row.familyName, given_names: row.givenNames })),
    );
  });

  it('are recomputed once: the next open does not rescan every patient', () => {
    const path = firstReleaseFile();
    const first = reopen(path);
    const version = first.raw.pragma('user_version', { simple: true }) as number;
    expect(version).toBeGreaterThan(0);
    // A key that differs from the current folding, left in place by the next open, shows that
    // open skipped the scan (which costs seconds per 100,000 patients).
    first.raw.prepare("UPDATE patients SET search_text = 'marker' WHERE mrn = 'OLD-4'").run();
    first.close();
    opened.splice(0);
    const second = reopen(path);
    expect(second.raw.pragma('user_version', { simple: true })).toBe(version);
    expect(storedKeys(second).find((row) => row.mrn === 'OLD-4')?.search_text).toBe('marker');
  });

  it('are left alone by a read-only open, which cannot write', () => {
    const path = firstReleaseFile();
    const ledger = reopen(path, { readonly: true });
    expect(ledger.raw.pragma('user_version', { simple: true })).toBe(0);
    expect(storedKeys(ledger).map((row) => row.search_text)).toEqual(firstReleaseRows.map((row) => row.searchText));
  });
});
