import type Database from 'better-sqlite3';
import { nameSearchText, searchKey, searchKeyVersion } from '../domain/search-key';

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

/**
 * Brings every patient's stored search keys to the folding of this build
 * (`searchKeyVersion`, kept in the file's `PRAGMA user_version`, which drizzle does not use:
 * it tracks migrations in its own table). Patients saved by an earlier release were keyed
 * with an older folding, under which `obrien` could not find O'Brien.
 *
 * This is maintenance of derived data, not a change to any record: the names, version and
 * times stay as they are and no audit entry is written (the audit trail describes what people
 * recorded; the keys are recomputed from it at will). It runs in one immediate transaction, only
 * when the stored version differs from this build's, so an up-to-date ledger opens without a
 * scan, and running it twice changes nothing the second time. A build with another folding
 * (older or newer) rewrites the keys to its own when it next opens the file.
 * Returns how many patients' keys changed.
 */
export function refreshPatientSearchKeys(raw: Database.Database): number {
  const stored = () => raw.pragma('user_version', { simple: true }) as number;
  if (stored() === searchKeyVersion) return 0;
  return raw
    .transaction(() => {
      // Another process may have refreshed between the check and the lock.
      if (stored() === searchKeyVersion) return 0;
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
      raw.pragma(`user_version = ${searchKeyVersion}`);
      return changed;
    })
    .immediate();
}
