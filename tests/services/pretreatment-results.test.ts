import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeExam } from '../../src/cli/demo-clinical';
import type { ExamContent } from '../../src/domain/exam';
import type { PretreatmentResult } from '../../src/domain/pretreatment-results';
import type { SignIn } from '../../src/services/sign-in';
import { auditSince } from '../support/ledger-state';
import type { TestApp } from '../support/test-app';
import { createTestApp, setUpClinic, signedInUser, staffPassword } from '../support/test-app';

let app: TestApp;
let admin: SignIn;
let physician: SignIn;
let patientId: number;
const examDate = '2026-03-01';

const staleEcg: PretreatmentResult = {
  id: 'ecg-1',
  takenOn: '2025-10-01',
  source: { type: 'outside', reference: 'City Cardiology report 4411' },
  note: '',
  value: { kind: 'ecg', rhythm: 'Sinus rhythm', rateBpm: 68, qtcMs: 421, interpretation: 'normal', text: '' },
};

beforeAll(() => {
  app = createTestApp();
  admin = setUpClinic(app, 'UTC');
  physician = signedInUser(app, admin, 'physician');
  const nurse = signedInUser(app, admin, 'nurse');
  patientId = app.ok(nurse, 'patients.create', {
    patient: {
      mrn: 'P-22',
      familyName: 'Okafor',
      givenNames: 'Ngozi',
      preferredName: '',
      dateOfBirth: '1971-05-09',
      sex: 'female',
      phone: '',
      emergencyContact: null,
      allergies: { status: 'none-known' },
    },
  }).id;
  const configuration = app.ok(admin, 'clinic.sessionConfiguration.get', {});
  app.ok(admin, 'clinic.sessionConfiguration.update', {
    expectedVersion: configuration.version,
    content: {
      ...configuration.content,
      pretreatmentRequirements: { items: [], required: [{ kind: 'ecg', indications: 'all', maxAgeDays: 90 }] },
    },
  });
});
afterAll(() => app.cleanup());

function draftWith(content: ExamContent): { recordId: number; versionId: number } {
  const exam = app.ok(physician, 'records.create', { type: 'exam', patientId });
  const versionId = exam.versions.at(-1)?.id ?? 0;
  app.ok(physician, 'records.saveDraft', { type: 'exam', versionId, content });
  return { recordId: exam.id, versionId };
}

const sign = (versionId: number) =>
  app.call(physician, 'records.sign', {
    versionId,
    meaning: 'authored',
    username: 'physician',
    password: staffPassword,
  });

function storedContent(versionId: number): ExamContent {
  const row = app.ledger.raw.prepare('SELECT content FROM record_versions WHERE id = ?').get(versionId) as {
    content: string;
  };
  return JSON.parse(row.content) as ExamContent;
}

describe('pre-treatment results in the exam', () => {
  it('stamps who recorded a result when the draft is saved, and keeps it against what a client sends', () => {
    const { versionId } = draftWith(completeExam(examDate, { pretreatment: { results: [staleEcg] } }));
    const stamped = storedContent(versionId).pretreatment?.results[0];
    expect(stamped?.recordedBy?.printedName).toMatch(/\S/);
    expect(stamped?.recordedAt).toMatch(/^\d{4}-/);
    const forged = { ...staleEcg, recordedBy: { userId: 999, printedName: 'Someone else' }, note: 'Seen' };
    app.ok(physician, 'records.saveDraft', {
      type: 'exam',
      versionId,
      content: completeExam(examDate, { pretreatment: { results: [forged] } }),
    });
    expect(storedContent(versionId).pretreatment?.results[0]?.recordedBy).toEqual(stamped?.recordedBy);
    app.ok(physician, 'records.discardDraft', { versionId });
  });

  it('refuses to sign with a stale required ECG and no reason, then signs with one, stored in the content and audited', () => {
    const { versionId } = draftWith(completeExam(examDate, { pretreatment: { results: [staleEcg] } }));
    const refused = sign(versionId);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('NOT_READY_TO_SIGN');
    expect(refused.error.issues?.map((issue) => issue.path)).toContain('pretreatment.acknowledgement.reason');
    expect(refused.error.message).toContain('ECG: Stale — 151 days old, limit 90 days');

    const acknowledgement = {
      reason: 'Repeat ECG booked; stable for years',
      problems: ['ECG: Stale — 151 days old, limit 90 days'],
    };
    app.ok(physician, 'records.saveDraft', {
      type: 'exam',
      versionId,
      content: completeExam(examDate, { pretreatment: { results: [staleEcg], acknowledgement } }),
    });
    const seq = (app.ledger.raw.prepare('SELECT max(seq) AS seq FROM audit_log').get() as { seq: number }).seq;
    const signed = sign(versionId);
    expect(signed.ok).toBe(true);
    expect(storedContent(versionId).pretreatment?.acknowledgement).toEqual(acknowledgement);
    const entry = auditSince(app.ledger.raw, seq).find((row) => row.action === 'record.signed');
    expect(entry?.details.pretreatment).toEqual({ gaps: acknowledgement.problems, reason: acknowledgement.reason });
  });

  it('starts a new exam with the results of the latest signed one, recorder kept', () => {
    const exam = app.ok(physician, 'records.create', { type: 'exam', patientId });
    const draft = exam.versions.at(-1);
    if (draft?.recordType !== 'exam') throw new Error('not an exam');
    const carried = draft.content.pretreatment?.results ?? [];
    expect(carried.map((result) => result.id)).toEqual(['ecg-1']);
    expect(carried[0]?.recordedBy?.printedName).toMatch(/\S/);
    expect(draft.content.pretreatment?.acknowledgement).toBeUndefined();
  });
});
