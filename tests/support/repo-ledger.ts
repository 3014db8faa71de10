import type Database from 'better-sqlite3';
import { afterEach, beforeEach, expect } from 'vitest';
import type { Ledger } from '../../src/db/open';
import type { Patient, PatientInput } from '../../src/domain/patient';
import { patientInputSchema } from '../../src/domain/patient';
import type { NewUser, UserRow } from '../../src/db/users-repo';
import { insertUser } from '../../src/db/users-repo';
import { insertPatient } from '../../src/db/patients-repo';
import type { RecordRow, VersionRow } from '../../src/db/records-repo';
import {
  documentOf,
  hashDocument,
  insertRecord,
  insertSignature,
  insertVersion,
  markSigned,
} from '../../src/db/records-repo';
import type { RecordType } from '../../src/domain/record';
import { patientInput } from './fixtures';
import type { TempLedger } from './temp-ledger';
import { tempLedger } from './temp-ledger';

/**
 * Repository tests call src/db directly, without dispatch (so without scrypt): each test gets
 * a fresh migrated ledger file, rows are seeded through the repositories themselves, and
 * times are fixed instants so that what was stored can be compared exactly.
 */
export const t0 = '2026-03-01T09:00:00.000Z';

/** `t0` plus whole minutes, as the ISO-8601 UTC text the ledger stores. */
export function minutesAfter(minutes: number): string {
  return new Date(Date.parse(t0) + minutes * 60_000).toISOString();
}

/** Registers a fresh ledger per test of the calling file; the getter is valid inside a test. */
export function ledgerPerTest(): () => Ledger {
  let temp: TempLedger | undefined;
  beforeEach(() => {
    temp = tempLedger();
  });
  afterEach(() => {
    temp?.cleanup();
    temp = undefined;
  });
  return () => {
    if (temp === undefined) throw new Error('the ledger exists only inside a test');
    return temp.ledger;
  };
}

export function seedUser(ledger: Ledger, overrides: Partial<NewUser> = {}): UserRow {
  return insertUser(
    ledger.db,
    {
      username: 'physician',
      displayName: 'Pat Physician',
      credentials: 'MD',
      role: 'physician',
      passwordHash: 'scrypt$test$not-a-real-hash',
      mustChangePassword: false,
      ...overrides,
    },
    t0,
  );
}

export function seedPatient(ledger: Ledger, overrides: Partial<PatientInput> = {}, now = t0): Patient {
  return insertPatient(ledger.db, patientInputSchema.parse(patientInput(overrides)), now);
}

/**
 * A record of one version, signed by `userId` the way the records service does it: the hash of
 * the version's canonical document is stored on the version and bound by an "authored" signature.
 */
export function seedSignedRecord(
  ledger: Ledger,
  ids: { patientId: number; userId: number },
  type: RecordType = 'plan',
  signedAt = minutesAfter(1),
): { record: RecordRow; version: VersionRow } {
  const record = insertRecord(ledger.db, type, ids.patientId, ids.userId, t0);
  const draft = insertVersion(
    ledger.db,
    {
      recordId: record.id,
      version: 1,
      content: { note: `${type} content` },
      amendsVersionId: null,
      amendmentReason: null,
      examVersionId: null,
      formularyVersion: type === 'plan' ? 0 : null,
      authorUserId: ids.userId,
    },
    t0,
  );
  const computed = { checked: true };
  const sha = hashDocument(documentOf(record, draft, computed, signedAt));
  const version = markSigned(ledger.db, draft.id, computed, sha, signedAt);
  insertSignature(
    ledger.db,
    {
      versionId: version.id,
      signerUserId: ids.userId,
      printedName: 'Pat Physician, MD',
      meaning: 'authored',
      contentSha256: sha,
    },
    signedAt,
  );
  return { record, version };
}

function rowsOf(raw: Database.Database, table: string): unknown[] {
  return raw.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all();
}

/**
 * Asserts that the database itself (its triggers, not the repository) refuses to change or
 * remove the rows of `table` matched by `where`, with the trigger's own message, and that
 * every row of the table is exactly as it was afterwards.
 */
export function expectFrozen(
  raw: Database.Database,
  table: string,
  change: { set: string; where: string; updateMessage: RegExp; deleteMessage: RegExp },
): void {
  const before = rowsOf(raw, table);
  const matched = raw.prepare(`SELECT count(*) AS n FROM "${table}" WHERE ${change.where}`).get() as { n: number };
  // A WHERE that matches nothing would pass vacuously: the triggers never fire.
  expect(matched.n).toBeGreaterThan(0);
  expect(() => raw.prepare(`UPDATE "${table}" SET ${change.set} WHERE ${change.where}`).run()).toThrow(
    change.updateMessage,
  );
  expect(() => raw.prepare(`DELETE FROM "${table}" WHERE ${change.where}`).run()).toThrow(change.deleteMessage);
  expect(rowsOf(raw, table)).toEqual(before);
}
