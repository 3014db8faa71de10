import { describe, expect, it } from 'vitest';
import type { NewVersion } from '../../src/db/records-repo';
import {
  allSignedVersions,
  deleteDraft,
  getRecord,
  getVersion,
  insertEvent,
  insertRecord,
  insertSignature,
  insertVersion,
  listAllRecords,
  listEvents,
  listPatientRecords,
  listSignatures,
  listVersions,
  markSigned,
  updateDraft,
  verifyAllSignedVersions,
} from '../../src/db/records-repo';
import { canonicalJson } from '../../src/domain/canonical-json';
import type { Ledger } from '../../src/db/open';
import {
  expectFrozen,
  ledgerPerTest,
  minutesAfter,
  seedPatient,
  seedSignedRecord,
  seedUser,
  t0,
} from '../support/repo-ledger';

/** A physician and a patient, the least a record needs. */
function seedIds(ledger: Ledger): { patientId: number; userId: number } {
  return { patientId: seedPatient(ledger).id, userId: seedUser(ledger).id };
}

function newVersion(recordId: number, userId: number, overrides: Partial<NewVersion> = {}): NewVersion {
  return {
    recordId,
    version: 1,
    content: { findings: 'none', b: 1, a: 2 },
    amendsVersionId: null,
    amendmentReason: null,
    examVersionId: null,
    formularyVersion: null,
    authorUserId: userId,
    ...overrides,
  };
}

describe('records repository', () => {
  const ledger = ledgerPerTest();

  it('inserts records and reads them back; unknown ids read as undefined', () => {
    const { db } = ledger();
    const ids = seedIds(ledger());
    const exam = insertRecord(db, 'exam', ids.patientId, ids.userId, t0);
    expect(exam).toEqual({ id: exam.id, type: 'exam', patientId: ids.patientId, createdAt: t0, createdBy: ids.userId });
    expect(getRecord(db, exam.id)).toEqual(exam);
    expect(getRecord(db, exam.id + 1)).toBeUndefined();
  });

  it("lists a patient's records newest first, and every record in id order", () => {
    const { db } = ledger();
    const ids = seedIds(ledger());
    const other = seedPatient(ledger(), { mrn: 'MRN-0002' });
    const exam = insertRecord(db, 'exam', ids.patientId, ids.userId, t0);
    const elsewhere = insertRecord(db, 'exam', other.id, ids.userId, t0);
    const plan = insertRecord(db, 'plan', ids.patientId, ids.userId, t0);
    expect(listPatientRecords(db, ids.patientId).map((record) => record.id)).toEqual([plan.id, exam.id]);
    expect(listPatientRecords(db, other.id + 1)).toEqual([]);
    expect(listAllRecords(db).map((record) => record.id)).toEqual([exam.id, elsewhere.id, plan.id]);
  });

  it('refuses a record of a patient or by a user that does not exist', () => {
    const { db } = ledger();
    const ids = seedIds(ledger());
    expect(() => insertRecord(db, 'exam', ids.patientId + 1, ids.userId, t0)).toThrow(/FOREIGN KEY/);
    expect(() => insertRecord(db, 'exam', ids.patientId, ids.userId + 1, t0)).toThrow(/FOREIGN KEY/);
  });

  it('inserts a draft version with canonical content and nothing signed yet', () => {
    const { db } = ledger();
    const ids = seedIds(ledger());
    const record = insertRecord(db, 'exam', ids.patientId, ids.userId, t0);
    const draft = insertVersion(db, newVersion(record.id, ids.userId), t0);
    expect(draft).toEqual({
      ...newVersion(record.id, ids.userId),
      id: draft.id,
      status: 'draft',
      content: '{"a":2,"b":1,"findings":"none"}',
      computed: null,
      contentSha256: null,
      createdAt: t0,
      updatedAt: t0,
      signedAt: null,
    });
    expect(getVersion(db, draft.id)).toEqual(draft);
    expect(getVersion(db, draft.id + 1)).toBeUndefined();
    expect(() => insertVersion(db, newVersion(record.id, ids.userId), t0)).toThrow(
      /UNIQUE constraint failed: record_versions.record_id, record_versions.version/,
    );
  });

  it('lists the versions of the records asked for, by record then version number', () => {
    const { db } = ledger();
    const ids = seedIds(ledger());
    const first = insertRecord(db, 'exam', ids.patientId, ids.userId, t0);
    const second = insertRecord(db, 'exam', ids.patientId, ids.userId, t0);
    const ignored = insertRecord(db, 'exam', ids.patientId, ids.userId, t0);
    insertVersion(db, newVersion(second.id, ids.userId, { version: 2 }), t0);
    insertVersion(db, newVersion(first.id, ids.userId), t0);
    insertVersion(db, newVersion(ignored.id, ids.userId), t0);
    insertVersion(db, newVersion(second.id, ids.userId, { version: 1 }), t0);
    expect(listVersions(db, [second.id, first.id]).map((v) => [v.recordId, v.version])).toEqual([
      [first.id, 1],
      [second.id, 1],
      [second.id, 2],
    ]);
    expect(listVersions(db, [])).toEqual([]);
  });

  it('updates and discards drafts', () => {
    const { db } = ledger();
    const ids = seedIds(ledger());
    const record = insertRecord(db, 'plan', ids.patientId, ids.userId, t0);
    const draft = insertVersion(db, newVersion(record.id, ids.userId), t0);
    const later = minutesAfter(2);
    const updated = updateDraft(db, draft.id, { content: { z: 1, y: [2] }, formularyVersion: 3 }, later);
    expect(updated).toEqual({ ...draft, content: '{"y":[2],"z":1}', formularyVersion: 3, updatedAt: later });
    expect(getVersion(db, draft.id)).toEqual(updated);
    deleteDraft(db, draft.id);
    expect(getVersion(db, draft.id)).toBeUndefined();
    expect(() => updateDraft(db, draft.id, { content: {} }, later)).toThrow(`draft ${draft.id} vanished`);
  });

  it('signs a draft once; a signed version is no longer a draft to update, sign or discard', () => {
    const { db } = ledger();
    const { record, version } = seedSignedRecord(ledger(), seedIds(ledger()));
    expect(version).toMatchObject({ status: 'signed', computed: '{"checked":true}', signedAt: minutesAfter(1) });
    expect(version.updatedAt).toBe(version.signedAt);
    expect(version.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(() => updateDraft(db, version.id, { content: {} }, t0)).toThrow(`draft ${version.id} vanished`);
    expect(() => markSigned(db, version.id, {}, 'x', t0)).toThrow(`draft ${version.id} vanished`);
    deleteDraft(db, version.id);
    expect(getVersion(db, version.id)).toEqual(version);
    expect(allSignedVersions(db)).toEqual([{ record, version }]);
  });

  it('refuses a signed status without its hash and time (CHECK constraint)', () => {
    const { db, raw } = ledger();
    const ids = seedIds(ledger());
    const record = insertRecord(db, 'exam', ids.patientId, ids.userId, t0);
    const draft = insertVersion(db, newVersion(record.id, ids.userId), t0);
    expect(() => raw.prepare("UPDATE record_versions SET status = 'signed' WHERE id = ?").run(draft.id)).toThrow(
      /CHECK constraint failed: record_versions_signed_has_hash/,
    );
    expect(getVersion(db, draft.id)?.status).toBe('draft');
  });

  it('lists signatures and events of the versions and records asked for, oldest first', () => {
    const { db } = ledger();
    const ids = seedIds(ledger());
    const a = seedSignedRecord(ledger(), ids);
    const b = seedSignedRecord(ledger(), ids, 'exam');
    const review = {
      versionId: a.version.id,
      signerUserId: ids.userId,
      printedName: 'Rev',
      meaning: 'reviewed' as const,
    };
    const reviewed = insertSignature(db, { ...review, contentSha256: a.version.contentSha256 ?? '' }, minutesAfter(5));
    expect(reviewed).toMatchObject({ ...review, signedAt: minutesAfter(5) });
    expect(listSignatures(db, [a.version.id]).map((s) => [s.meaning, s.signedAt])).toEqual([
      ['authored', minutesAfter(1)],
      ['reviewed', minutesAfter(5)],
    ]);
    expect(listSignatures(db, [b.version.id])).toHaveLength(1);
    expect(listSignatures(db, [])).toEqual([]);
    const event = { recordId: a.record.id, kind: 'discontinued' as const, reason: 'Stopped', userId: ids.userId };
    const stored = insertEvent(db, { ...event, printedName: 'Pat' }, minutesAfter(9));
    expect(stored).toEqual({ ...event, id: stored.id, printedName: 'Pat', at: minutesAfter(9) });
    expect(listEvents(db, [a.record.id, b.record.id])).toEqual([stored]);
    expect(listEvents(db, [b.record.id])).toEqual([]);
    expect(listEvents(db, [])).toEqual([]);
  });

  it('verifies every signed version, and reports one whose bytes changed behind the triggers', () => {
    const { db, raw } = ledger();
    const ids = seedIds(ledger());
    const { record, version } = seedSignedRecord(ledger(), ids);
    seedSignedRecord(ledger(), ids, 'exam');
    expect(verifyAllSignedVersions(db)).toEqual({ checked: 2, failures: [] });
    raw.exec('DROP TRIGGER record_versions_signed_no_update');
    raw
      .prepare('UPDATE record_versions SET content = ? WHERE id = ?')
      .run(canonicalJson({ note: 'edited' }), version.id);
    expect(verifyAllSignedVersions(db)).toEqual({
      checked: 2,
      failures: [
        {
          recordId: record.id,
          versionId: version.id,
          problems: ['the content does not match its SHA-256: the version was altered after signing'],
        },
      ],
    });
  });

  describe('database triggers', () => {
    it('freeze a signed version, but not a draft', () => {
      const { db, raw } = ledger();
      const ids = seedIds(ledger());
      const { version } = seedSignedRecord(ledger(), ids);
      expectFrozen(raw, 'record_versions', {
        set: "content = '{}'",
        where: `id = ${version.id}`,
        updateMessage: /signed record versions are frozen: amend instead/,
        deleteMessage: /signed record versions are frozen: they cannot be deleted/,
      });
      const record = insertRecord(db, 'exam', ids.patientId, ids.userId, t0);
      const draft = insertVersion(db, newVersion(record.id, ids.userId), t0);
      expect(raw.prepare("UPDATE record_versions SET content = '{}' WHERE id = ?").run(draft.id).changes).toBe(1);
      expect(raw.prepare('DELETE FROM record_versions WHERE id = ?').run(draft.id).changes).toBe(1);
    });

    it('refuse changing or deleting a signature', () => {
      const { raw } = ledger();
      const { version } = seedSignedRecord(ledger(), seedIds(ledger()));
      expectFrozen(raw, 'signatures', {
        set: "printed_name = 'Someone else'",
        where: `version_id = ${version.id}`,
        updateMessage: /signatures cannot be changed/,
        deleteMessage: /signatures cannot be deleted/,
      });
    });

    it('refuse changing or deleting a record event', () => {
      const { db, raw } = ledger();
      const ids = seedIds(ledger());
      const { record } = seedSignedRecord(ledger(), ids);
      insertEvent(
        db,
        { recordId: record.id, kind: 'discontinued', reason: 'r', userId: ids.userId, printedName: 'P' },
        t0,
      );
      expectFrozen(raw, 'record_events', {
        set: "reason = 'other'",
        where: `record_id = ${record.id}`,
        updateMessage: /record events cannot be changed/,
        deleteMessage: /record events cannot be deleted/,
      });
    });

    it('refuse changing any record, and deleting one with a signed version', () => {
      const { db, raw } = ledger();
      const ids = seedIds(ledger());
      const { record } = seedSignedRecord(ledger(), ids);
      expectFrozen(raw, 'records', {
        set: "type = 'exam'",
        where: `id = ${record.id}`,
        updateMessage: /records cannot be changed: their content lives in versions/,
        deleteMessage: /a record with a signed version cannot be deleted/,
      });
      // A record never signed (an abandoned draft) is not held by the trigger.
      const empty = insertRecord(db, 'exam', ids.patientId, ids.userId, t0);
      expect(() => raw.prepare("UPDATE records SET type = 'plan' WHERE id = ?").run(empty.id)).toThrow(
        /records cannot be changed/,
      );
      expect(raw.prepare('DELETE FROM records WHERE id = ?').run(empty.id).changes).toBe(1);
      expect(getRecord(db, empty.id)).toBeUndefined();
    });
  });
});
