import type Database from 'better-sqlite3';
import { nameSearchText, searchKey, searchKeyVersion } from '../domain/search-key';
import { hasLedgerMeta } from './migrate';

interface PatientNames {
  familyName: string;
  givenNames: string;
  preferredName: string;
}

/** What a patient is found and filed by: derived from the names, never shown or audited. */
export function patientSearchColumns(names: PatientNames): { searchText: string; familyKey: string } {
  return { searchText: nameSearchText(names), familyKey: searchKey(names.familyName) };
}

interface StoredNames {
  id: number;
  familyName: string;
  givenNames: string;
  preferredName: string;
  searchText: string;
  familyKey: string;
}

/** The `ledger_meta` key under which the folding of the stored keys is kept. */
export const searchKeyVersionKey = 'search_key_version';

function storedSearchKeyVersion(raw: Database.Database): number | null {
  const row = raw.prepare('SELECT value FROM ledger_meta WHERE key = ?').get(searchKeyVersionKey) as
    { value: string } | undefined;
  return row === undefined ? null : Number(row.value);
}

/**
 * Brings every patient's stored search keys to the folding of this build
 * (`searchKeyVersion`, kept in `ledger_meta`). Patients saved by an earlier release were keyed
 * with an older folding, under which `obrien` could not find O'Brien.
 *
 * A file from before `ledger_meta` kept the folding version in `PRAGMA user_version` (now the
 * schema version): the caller reads it before migrating and passes it as `legacyVersion`, and it
 * moves into `ledger_meta` here. With no version stored anywhere the keys are recomputed, which
 * is always safe.
 *
 * This is maintenance of derived data, not a change to any record: the names, version and
 * times stay as they are and no audit entry is written (the audit trail describes what people
 * recorded; the keys are recomputed from it at will). It runs in one immediate transaction, only
 * when the stored version differs from this build's, so an up-to-date ledger opens without a
 * scan, and running it twice changes nothing the second time. A build with another folding
 * (older or newer) rewrites the keys to its own when it next opens the file.
 * Returns how many patients' keys changed.
 */
export function refreshPatientSearchKeys(raw: Database.Database, legacyVersion: number | null = null): number {
  // Migrated with an older release's migrations (tests/db/generate-released-schema.ts): that
  // schema has nowhere to keep the version, and nothing here is that release's to maintain.
  if (!hasLedgerMeta(raw)) return 0;
  if (storedSearchKeyVersion(raw) === searchKeyVersion) return 0;
  return raw
    .transaction(() => {
      const inMeta = storedSearchKeyVersion(raw);
      // Another process may have refreshed between the check and the lock.
      if (inMeta === searchKeyVersion) return 0;
      const stored = inMeta ?? legacyVersion;
      let changed = 0;
      if (stored !== searchKeyVersion) changed = recomputeKeys(raw);
      raw
        .prepare(
          'INSERT INTO ledger_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        )
        .run(searchKeyVersionKey, String(searchKeyVersion));
      return changed;
    })
    .immediate();
}

function recomputeKeys(raw: Database.Database): number {
  const rows = raw
    .prepare(
      `SELECT id, family_name AS familyName, given_names AS givenNames, preferred_name AS preferredName,
              search_text AS searchText, family_key AS familyKey
         FROM patients`,
    )
    .all() as StoredNames[];
  // Only rows whose keys differ are written: each write also rewrites the full-text entry.
  const update = raw.prepare('UPDATE patients SET search_text = ?, family_key = ? WHERE id = ?');
  let changed = 0;
  for (const row of rows) {
    const keys = patientSearchColumns(row);
    if (keys.searchText === row.searchText && keys.familyKey === row.familyKey) continue;
    update.run(keys.searchText, keys.familyKey, row.id);
    changed += 1;
  }
  return changed;
}
