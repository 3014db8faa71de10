import { describe, expect, it } from 'vitest';
import { documentForSessionSignature, insertSignedDocument } from '../../src/db/identities-repo';
import type { Ledger } from '../../src/db/open';
import type { EntryRow, SessionRow } from '../../src/db/sessions-repo';
import {
  getSession,
  insertEntry,
  insertSession,
  insertSessionSignature,
  listEntries,
  listPatientSessions,
  listPlanSessions,
  listSessionSignatures,
  sessionDocumentHash,
  sessionDocumentText,
  sessionProgress,
  verifyAllSessionSignatures,
} from '../../src/db/sessions-repo';
import type { JsonValue } from '../../src/domain/canonical-json';
import { canonicalJson } from '../../src/domain/canonical-json';
import { sha256Hex } from '../../src/db/hash';
import {
  expectFrozen,
  ledgerPerTest,
  minutesAfter,
  seedPatient,
  seedSignedRecord,
  seedUser,
  t0,
} from '../support/repo-ledger';

/** A nurse's session of a signed plan: what every session row points at. */
function seedSession(ledger: Ledger, seriesNumber = 1): SessionRow {
  const patient = seedPatient(ledger, { mrn: `MRN-${seriesNumber}` });
  const user = seedUser(ledger, { username: `nurse-${seriesNumber}`, role: 'nurse' });
  const { record, version } = seedSignedRecord(ledger, { patientId: patient.id, userId: user.id });
  return insertSession(ledger.db, {
    patientId: patient.id,
    planRecordId: record.id,
    planVersionId: version.id,
    seriesNumber,
    createdAt: t0,
    createdBy: user.id,
  });
}

function addEntry(ledger: Ledger, session: SessionRow, minute: number, content: JsonValue = { minute }): EntryRow {
  return insertEntry(ledger.db, {
    sessionId: session.id,
    kind: 'observation',
    occurredAt: minutesAfter(minute),
    recordedAt: minutesAfter(minute + 1),
    userId: session.createdBy,
    printedName: 'Nia Nurse, RN',
    content,
    correctsEntryId: null,
    correctionReason: null,
    witnessUserId: null,
    witnessPrintedName: null,
  });
}

function sign(ledger: Ledger, session: SessionRow, lastEntryId: number, contentSha256: string) {
  const signature = {
    sessionId: session.id,
    signerUserId: session.createdBy,
    printedName: 'Nia Nurse, RN',
    meaning: 'performed' as const,
    signedAt: minutesAfter(60),
    lastEntryId,
    contentSha256,
  };
  return insertSessionSignature(ledger.db, signature);
}

describe('sessions repository', () => {
  const ledger = ledgerPerTest();

  it('inserts a session and reads it back; an unknown id reads as undefined', () => {
    const { db } = ledger();
    const session = seedSession(ledger());
    expect(getSession(db, session.id)).toEqual(session);
    expect(session.seriesNumber).toBe(1);
    expect(getSession(db, session.id + 1)).toBeUndefined();
  });

  it("lists a patient's sessions newest first and a plan's sessions", () => {
    const { db } = ledger();
    const { id: firstId, ...first } = seedSession(ledger());
    const second = insertSession(db, { ...first, seriesNumber: 2, createdAt: minutesAfter(1) });
    const elsewhere = seedSession(ledger(), 7);
    expect(listPatientSessions(db, first.patientId).map((s) => s.id)).toEqual([second.id, firstId]);
    expect(listPatientSessions(db, elsewhere.patientId)).toEqual([elsewhere]);
    expect(listPatientSessions(db, 999)).toEqual([]);
    expect(listPlanSessions(db, first.planRecordId).map((s) => s.seriesNumber)).toEqual([1, 2]);
    expect(listPlanSessions(db, 999)).toEqual([]);
  });

  it('refuses a session of a plan version that does not exist', () => {
    const { db } = ledger();
    const { id, ...session } = seedSession(ledger());
    expect(() => insertSession(db, { ...session, planVersionId: 999 })).toThrow(/FOREIGN KEY/);
    expect(listPatientSessions(db, session.patientId).map((row) => row.id)).toEqual([id]);
  });

  it('stores entries as canonical JSON and lists those of the sessions asked for, in id order', () => {
    const { db } = ledger();
    const session = seedSession(ledger());
    const other = seedSession(ledger(), 2);
    const first = addEntry(ledger(), session, 5, { b: 2, a: 1 });
    const elsewhere = addEntry(ledger(), other, 6);
    const second = addEntry(ledger(), session, 7);
    expect(first).toMatchObject({ content: '{"a":1,"b":2}', occurredAt: minutesAfter(5), kind: 'observation' });
    expect(listEntries(db, [session.id])).toEqual([first, second]);
    expect(listEntries(db, [other.id, session.id]).map((entry) => entry.id)).toEqual([
      first.id,
      elsewhere.id,
      second.id,
    ]);
    expect(listEntries(db, [])).toEqual([]);
  });

  it('lists the signatures of the sessions asked for and tracks progress', () => {
    const { db } = ledger();
    const session = seedSession(ledger());
    expect(sessionProgress(db, session.id)).toEqual({ lastEntryId: 0, signatureCount: 0 });
    addEntry(ledger(), session, 1);
    const last = addEntry(ledger(), session, 2);
    const signature = sign(ledger(), session, last.id, 'a'.repeat(64));
    expect(listSessionSignatures(db, [session.id])).toEqual([signature]);
    expect(listSessionSignatures(db, [session.id + 1])).toEqual([]);
    expect(listSessionSignatures(db, [])).toEqual([]);
    expect(sessionProgress(db, session.id)).toEqual({ lastEntryId: last.id, signatureCount: 1 });
    expect(sessionProgress(db, 999)).toEqual({ lastEntryId: 0, signatureCount: 0 });
  });

  it('binds the session and the entries up to the last one signed, with their content parsed', () => {
    const session = seedSession(ledger());
    const covered = addEntry(ledger(), session, 1, { painNrs: 3 });
    const later = addEntry(ledger(), session, 2);
    const text = sessionDocumentText(session, [covered, later], covered.id);
    expect(text).toBe(
      canonicalJson({
        kind: 'dosing-ledger/infusion-session',
        schema: 1,
        session,
        entries: [{ ...covered, content: { painNrs: 3 } }],
      }),
    );
    expect(sessionDocumentHash(session, [covered, later], covered.id)).toBe(sha256Hex(text));
    expect(sessionDocumentHash(session, [covered, later], later.id)).not.toBe(sha256Hex(text));
  });

  it('verifies every session signature: what it covers, and that its signed PDF is stored', () => {
    const { db, raw } = ledger();
    const session = seedSession(ledger());
    const entry = addEntry(ledger(), session, 1);
    const signature = sign(ledger(), session, entry.id, sessionDocumentHash(session, [entry], entry.id));
    expect(verifyAllSessionSignatures(db)).toEqual({
      checked: 1,
      failures: [{ sessionId: session.id, signatureId: signature.id, problem: 'its signed PDF is missing' }],
    });
    const document = insertSignedDocument(db, {
      versionId: null,
      sessionSignatureId: signature.id,
      fileName: 'session.pdf',
      pdf: Buffer.from('%PDF-1.7'),
      sha256: 'b'.repeat(64),
      createdAt: t0,
    });
    expect(documentForSessionSignature(db, signature.id)).toEqual(document);
    expect(verifyAllSessionSignatures(db)).toEqual({ checked: 1, failures: [] });
    // An entry changed behind the triggers' back no longer hashes to what was signed.
    raw.exec('DROP TRIGGER session_entries_no_update');
    raw.prepare(`UPDATE session_entries SET content = '{"minute":9}' WHERE id = ?`).run(entry.id);
    const result = verifyAllSessionSignatures(db);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]?.problem).toMatch(/^what it covers hashes to [0-9a-f]{64}, not the signed /);
  });

  describe('database triggers', () => {
    it('refuse changing or deleting a session', () => {
      const session = seedSession(ledger());
      expectFrozen(ledger().raw, 'infusion_sessions', {
        set: 'series_number = 2',
        where: `id = ${session.id}`,
        updateMessage: /infusion sessions cannot be changed: add an entry instead/,
        deleteMessage: /infusion sessions cannot be deleted/,
      });
    });

    it('refuse changing or deleting an entry', () => {
      const session = seedSession(ledger());
      addEntry(ledger(), session, 1);
      expectFrozen(ledger().raw, 'session_entries', {
        set: "content = '{}'",
        where: `session_id = ${session.id}`,
        updateMessage: /session entries cannot be changed: record a correction instead/,
        deleteMessage: /session entries cannot be deleted: record a correction instead/,
      });
    });

    it('refuse changing or deleting a session signature', () => {
      const session = seedSession(ledger());
      const entry = addEntry(ledger(), session, 1);
      sign(ledger(), session, entry.id, 'c'.repeat(64));
      expectFrozen(ledger().raw, 'session_signatures', {
        set: 'last_entry_id = 0',
        where: `session_id = ${session.id}`,
        updateMessage: /signatures cannot be changed/,
        deleteMessage: /signatures cannot be deleted/,
      });
    });
  });
});
