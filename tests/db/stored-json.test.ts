import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../src/db/open';
import type { EntryRow, SessionRow } from '../../src/db/sessions-repo';
import { insertEntry, insertSession, listEntries } from '../../src/db/sessions-repo';
import { parsedStoredJson, storedJsonCapacity, withoutStoredJsonCache } from '../../src/db/stored-json';
import type { JsonValue } from '../../src/domain/canonical-json';
import { ledgerPerTest, minutesAfter, seedPatient, seedSignedRecord, seedUser, t0 } from '../support/repo-ledger';

const ledger = ledgerPerTest();

function seedSession(db: Ledger): SessionRow {
  const patient = seedPatient(db);
  const user = seedUser(db, { username: 'nurse', role: 'nurse' });
  const { record, version } = seedSignedRecord(db, { patientId: patient.id, userId: user.id });
  return insertSession(db.db, {
    patientId: patient.id,
    planRecordId: record.id,
    planVersionId: version.id,
    seriesNumber: 1,
    createdAt: t0,
    createdBy: user.id,
  });
}

function addEntry(db: Ledger, session: SessionRow, content: JsonValue): EntryRow {
  return insertEntry(db.db, {
    sessionId: session.id,
    kind: 'observation',
    occurredAt: minutesAfter(1),
    recordedAt: minutesAfter(2),
    userId: session.createdBy,
    printedName: 'Nia Nurse, RN',
    content,
    correctsEntryId: null,
    correctionReason: null,
    witnessUserId: null,
    witnessPrintedName: null,
  });
}

const parsedEntry = (db: Ledger, entry: EntryRow) =>
  parsedStoredJson<{ painNrs: number }>(db.db, 'session_entries.content', entry.id, entry.content);

describe('parsed JSON of frozen rows, per connection', () => {
  it('parses a row once, and serves the same frozen value while its text is the same', () => {
    const session = seedSession(ledger());
    const entry = addEntry(ledger(), session, { painNrs: 4 });
    const first = parsedEntry(ledger(), entry);
    const [reread] = listEntries(ledger().db, [session.id]);
    if (reread === undefined) throw new Error('entry missing');
    expect(parsedEntry(ledger(), reread)).toBe(first);
    expect(first).toEqual({ painNrs: 4 });
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => {
      first.painNrs = 9;
    }).toThrow(TypeError);
  });

  it('does not serve a rolled-back row for the new row that reuses its id', () => {
    const session = seedSession(ledger());
    const rolledBack = ledger().raw.transaction(() => {
      const entry = addEntry(ledger(), session, { painNrs: 7 });
      expect(parsedEntry(ledger(), entry)).toEqual({ painNrs: 7 });
      throw new Error('roll back');
    });
    expect(() => rolledBack()).toThrow('roll back');
    const entry = addEntry(ledger(), session, { painNrs: 2 });
    const [stored] = listEntries(ledger().db, [session.id]);
    if (stored === undefined) throw new Error('entry missing');
    // The same id as the rolled-back row: only the text tells them apart.
    expect(stored.id).toBe(entry.id);
    expect(parsedEntry(ledger(), stored)).toEqual({ painNrs: 2 });
  });

  it('keeps kinds and connections apart, and drops the oldest beyond its capacity', () => {
    const a = {};
    const b = {};
    expect(parsedStoredJson(a, 'x', 1, '{"n":1}')).toEqual({ n: 1 });
    expect(parsedStoredJson(b, 'x', 1, '{"n":2}')).toEqual({ n: 2 });
    expect(parsedStoredJson(a, 'y', 1, '{"n":3}')).toEqual({ n: 3 });
    expect(parsedStoredJson(a, 'x', 1, '{"n":1}')).toEqual({ n: 1 });
    const oldest = parsedStoredJson(b, 'z', 0, '[0]');
    for (let id = 1; id <= storedJsonCapacity; id += 1) parsedStoredJson(b, 'z', id, `[${id}]`);
    const again = parsedStoredJson(b, 'z', 0, '[0]');
    expect(again).toEqual([0]);
    expect(again).not.toBe(oldest);
  });
});

describe('a connection that reads each row once (an export)', () => {
  it('parses afresh on every read and keeps nothing, still handing out frozen values', () => {
    const connection = {};
    withoutStoredJsonCache(connection);
    const text = '{"systolicMmHg":120,"notes":{"text":"calm"}}';
    const first = parsedStoredJson<{ notes: { text: string } }>(connection, 'session_entries.content', 1, text);
    const second = parsedStoredJson<{ notes: { text: string } }>(connection, 'session_entries.content', 1, text);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    expect(Object.isFrozen(first.notes)).toBe(true);
    // Another connection still shares one parsed value per row.
    const cached = {};
    expect(parsedStoredJson(cached, 'session_entries.content', 1, text)).toBe(
      parsedStoredJson(cached, 'session_entries.content', 1, text),
    );
  });
});
