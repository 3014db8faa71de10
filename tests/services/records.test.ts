import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignIn } from '../../src/services/sign-in';
import { verifyAllSignedVersions } from '../../src/db/records-repo';
import { completeExam, demoFormulary as testFormulary, planWith } from '../../src/cli/demo-clinical';
import type { TestApp } from '../support/test-app';
import { createTestApp, saveFormulary, setUpClinic, signedInUser, staffPassword } from '../support/test-app';
import { auditSince } from '../support/ledger-state';
import type { ExamContent } from '../../src/domain/exam';
import type { PlanContent } from '../../src/domain/plan';
import type { RecordVersionView } from '../../src/domain/record-view';

let app: TestApp;
let admin: SignIn;
let physician: SignIn;
let nurse: SignIn;
let auditor: SignIn;
let patientId: number;
const today = new Date().toISOString().slice(0, 10);

beforeAll(() => {
  app = createTestApp();
  admin = setUpClinic(app, 'UTC');
  physician = signedInUser(app, admin, 'physician');
  nurse = signedInUser(app, admin, 'nurse');
  auditor = signedInUser(app, admin, 'auditor');
  saveFormulary(app, admin, testFormulary);
  patientId = app.ok(nurse, 'patients.create', {
    patient: {
      mrn: 'P-1',
      familyName: 'Ruiz',
      givenNames: 'Ana María',
      preferredName: '',
      dateOfBirth: '1980-01-02',
      sex: 'female',
      phone: '',
      emergencyContact: null,
      allergies: { status: 'none-known' },
    },
  }).id;
});
afterAll(() => app.cleanup());

function signedExam(): { recordId: number; versionId: number } {
  const exam = app.ok(physician, 'records.create', { type: 'exam', patientId });
  const versionId = exam.versions[0]?.id ?? 0;
  app.ok(physician, 'records.saveDraft', { type: 'exam', versionId, content: completeExam(today) });
  app.ok(physician, 'records.sign', { versionId, meaning: 'authored', username: 'physician', password: staffPassword });
  return { recordId: exam.id, versionId };
}

describe('exams and plans', () => {
  it('refuses to sign an incomplete exam and says what is missing', () => {
    const exam = app.ok(physician, 'records.create', { type: 'exam', patientId });
    const versionId = exam.versions[0]?.id ?? 0;
    const result = app.call(physician, 'records.sign', {
      versionId,
      meaning: 'authored',
      username: 'physician',
      password: staffPassword,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('NOT_READY_TO_SIGN');
    expect(result.error.issues?.map((issue) => issue.path)).toContain('findings');
  });

  it('signs, freezes in the database, amends with both versions readable, and verifies', () => {
    const exam = signedExam();
    const plan = app.ok(physician, 'records.create', { type: 'plan', patientId, examRecordId: exam.recordId });
    const draft = plan.versions[0];
    expect(draft?.recordType).toBe('plan');
    if (draft?.recordType !== 'plan') return;
    expect(draft.content.weight?.value).toBe('72.4');

    // 1.5 mg/kg is past the soft maximum (1): signing needs a reason.
    const content = planWith(draft.content.weight, { doseMgPerKg: '1.5' });
    app.ok(physician, 'records.saveDraft', { type: 'plan', versionId: draft.id, content });
    const noReason = app.call(physician, 'records.sign', {
      versionId: draft.id,
      meaning: 'authored',
      password: staffPassword,
    });
    expect(noReason.ok === false && noReason.error.code).toBe('NOT_READY_TO_SIGN');
    app.ok(physician, 'records.saveDraft', {
      type: 'plan',
      versionId: draft.id,
      content: {
        ...content,
        overrideReasons: { doseMgPerKg: 'Tolerated 1.5 mg/kg in prior series', totalMg: 'Same as prior series' },
      },
    });
    const signed = app.ok(physician, 'records.sign', {
      versionId: draft.id,
      meaning: 'authored',
      password: staffPassword,
    });
    const v1 = signed.versions[0];
    expect(v1?.displayStatus).toBe('Signed');
    if (v1?.recordType !== 'plan' || v1.computed === null) throw new Error('expected a signed plan');
    expect(v1.computed.derived.totalMg).toBe('108.6');
    expect(v1.computed.findings.map((finding) => finding.check).sort()).toEqual(['doseMgPerKg', 'totalMg']);
    expect(v1.signatures[0]?.printedName).toBe('Test physician, MD');

    // The database itself refuses to alter the signed row.
    expect(() => app.ledger.raw.prepare("UPDATE record_versions SET content = '{}' WHERE id = ?").run(v1.id)).toThrow(
      /frozen/,
    );
    expect(() => app.ledger.raw.prepare('DELETE FROM record_versions WHERE id = ?').run(v1.id)).toThrow(/frozen/);
    expect(() => app.ledger.raw.prepare('DELETE FROM signatures').run()).toThrow(/cannot be deleted/);

    const amended = app.ok(physician, 'records.amend', { recordId: plan.id, reason: 'Reduce dose after review' });
    const v2 = amended.versions[1];
    if (v2?.recordType !== 'plan') throw new Error('expected a plan draft');
    expect(v2.amendsVersionId).toBe(v1.id);
    app.ok(physician, 'records.saveDraft', {
      type: 'plan',
      versionId: v2.id,
      content: { ...v2.content, doseMgPerKg: '0.5', overrideReasons: {} },
    });
    const final = app.ok(physician, 'records.sign', { versionId: v2.id, meaning: 'authored', password: staffPassword });
    expect(final.versions.map((version) => version.displayStatus)).toEqual(['Superseded', 'Amended']);
    expect(app.ok(nurse, 'records.verify', { recordId: plan.id }).ok).toBe(true);

    const chairside = app.ok(nurse, 'chairside.get', { patientId });
    expect(chairside.currentVersionId).toBe(v2.id);
  });

  it('stores a signed PDF summary at signing that pdfsig and the in-app verifier accept, and a tampered copy fails', () => {
    const exam = signedExam();
    const stored = app.ok(auditor, 'documents.forVersion', { versionId: exam.versionId });
    const pdf = Buffer.from(stored.pdfBase64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(app.ok(nurse, 'documents.verify', { pdfBase64: stored.pdfBase64 }).valid).toBe(true);
    const file = join(app.dir, stored.fileName);
    writeFileSync(file, pdf);
    const report = execFileSync('pdfsig', [file], { encoding: 'utf8' });
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('Total document signed');
    const tampered = Buffer.from(pdf);
    const at = tampered.indexOf('RUIZ'); // the patient's name in the document information
    expect(at).toBeGreaterThan(0);
    tampered[at] = 'X'.charCodeAt(0);
    expect(app.ok(nurse, 'documents.verify', { pdfBase64: tampered.toString('base64') }).valid).toBe(false);
    const root = app.ok(auditor, 'identity.rootCertificate', {});
    expect(root.pem).toContain('BEGIN CERTIFICATE');
  });

  it('enforces roles: a nurse cannot sign, an auditor cannot write', () => {
    const exam = app.ok(physician, 'records.create', { type: 'exam', patientId });
    const versionId = exam.versions[0]?.id ?? 0;
    const byNurse = app.call(nurse, 'records.sign', { versionId, meaning: 'authored', password: staffPassword });
    expect(byNurse.ok === false && byNurse.error.code).toBe('FORBIDDEN');
    const byAuditor = app.call(auditor, 'records.create', { type: 'exam', patientId });
    expect(byAuditor.ok === false && byAuditor.error.code).toBe('FORBIDDEN');
  });

  it('detects one changed byte in a signed version, even with the triggers removed', () => {
    const exam = signedExam();
    expect(verifyAllSignedVersions(app.ledger.db).failures).toEqual([]);
    const raw = new Database(app.path);
    raw.exec('DROP TRIGGER record_versions_signed_no_update');
    const row = raw.prepare('SELECT content FROM record_versions WHERE id = ?').get(exam.versionId) as {
      content: string;
    };
    raw
      .prepare('UPDATE record_versions SET content = ? WHERE id = ?')
      .run(row.content.replace('72.4', '72.5'), exam.versionId);
    raw.close();
    const failures = verifyAllSignedVersions(app.ledger.db).failures;
    expect(failures.map((failure) => failure.versionId)).toEqual([exam.versionId]);
    expect(app.ok(auditor, 'records.verify', { recordId: exam.recordId }).ok).toBe(false);
  });
});

function newPatient(mrn: string): number {
  return app.ok(nurse, 'patients.create', {
    patient: {
      mrn,
      familyName: 'Okafor',
      givenNames: 'Chidi',
      preferredName: '',
      dateOfBirth: '1975-05-06',
      sex: 'male',
      phone: '',
      emergencyContact: null,
      allergies: { status: 'none-known' },
    },
  }).id;
}

function draftOf(view: { versions: RecordVersionView[] }): RecordVersionView {
  const draft = view.versions.at(-1);
  if (draft?.status !== 'draft') throw new Error('expected a draft');
  return draft;
}

function signAttempt(versionId: number) {
  return app.call(physician, 'records.sign', { versionId, meaning: 'authored', password: staffPassword });
}

/** The text of the signed PDF stored for a version, white space folded. */
function storedPdfText(versionId: number, name: string): string {
  const stored = app.ok(auditor, 'documents.forVersion', { versionId });
  const file = join(app.dir, name);
  writeFileSync(file, Buffer.from(stored.pdfBase64, 'base64'));
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

function examDraft(forPatient: number, content: ExamContent) {
  const exam = app.ok(physician, 'records.create', { type: 'exam', patientId: forPatient });
  const versionId = exam.versions[0]?.id ?? 0;
  return {
    recordId: exam.id,
    versionId,
    view: app.ok(physician, 'records.saveDraft', { type: 'exam', versionId, content }),
  };
}

describe('the weight check (a weight entered in pounds as kilograms, or far from the previous one)', () => {
  it('surfaces a plan weight 2.2 times the exam weight; signing waits for an acknowledgement with a reason, then stores, prints and audits it', () => {
    const patient = newPatient('W-1');
    const exam = examDraft(patient, completeExam(today));
    app.ok(physician, 'records.sign', { versionId: exam.versionId, meaning: 'authored', password: staffPassword });
    const plan = app.ok(physician, 'records.create', { type: 'plan', patientId: patient, examRecordId: exam.recordId });
    const draftId = draftOf(plan).id;
    // 72.4 kg at the exam; 159.6 "kg" is 72.4 kg × 2.2044: pounds typed as kilograms.
    const weight = { value: '159.6', unit: 'kg', measuredOn: today, source: 'measured', from: 'entered' } as const;
    const content: PlanContent = planWith(weight, { doseMgPerKg: '0.5' });
    const saved = draftOf(app.ok(physician, 'records.saveDraft', { type: 'plan', versionId: draftId, content }));
    const check = saved.draftWeightCheck;
    expect(check?.findings.map((finding) => finding.kind)).toEqual(['unit-factor']);
    expect(check?.findings[0]?.previous).toMatchObject({ value: '72.4', unit: 'kg', recordType: 'exam' });
    expect(check?.findings[0]?.message).toContain('differs from the previous weight');
    expect(check?.previous.map((previous) => previous.value)).toEqual(['72.4']);
    expect(check?.settings).toEqual({
      weightChangePercent: 10,
      weightChangeDays: 30,
      weightPlausibleMinKg: 30,
      weightPlausibleMaxKg: 300,
    });

    const unacknowledged = signAttempt(draftId);
    expect(unacknowledged.ok === false && unacknowledged.error.code).toBe('INVALID_INPUT');
    expect(unacknowledged.ok === false && unacknowledged.error.issues?.map((issue) => issue.path)).toEqual([
      'weightAcknowledgement.acknowledgedWeightKg',
    ]);
    app.ok(physician, 'records.saveDraft', {
      type: 'plan',
      versionId: draftId,
      content: { ...content, weightAcknowledgement: { acknowledgedWeightKg: '159.6', reason: ' ' } },
    });
    const noReason = signAttempt(draftId);
    expect(noReason.ok === false && noReason.error.issues?.map((issue) => issue.path)).toEqual([
      'weightAcknowledgement.reason',
    ]);

    const reason = 'Weighed again on the clinic scale: 159.6 kg confirmed';
    app.ok(physician, 'records.saveDraft', {
      type: 'plan',
      versionId: draftId,
      content: { ...content, weightAcknowledgement: { acknowledgedWeightKg: '159.6', reason } },
    });
    const before = auditSince(app.ledger.raw, 0).at(-1)?.seq ?? 0;
    const signed = app.ok(physician, 'records.sign', {
      versionId: draftId,
      meaning: 'authored',
      password: staffPassword,
    });
    const version = signed.versions[0];
    if (version?.recordType !== 'plan' || version.computed === null) throw new Error('expected a signed plan');
    expect(version.content.weightAcknowledgement?.reason).toBe(reason);
    expect(version.computed.weightCheck?.findings.map((finding) => finding.kind)).toEqual(['unit-factor']);
    const audited = auditSince(app.ledger.raw, before).find((entry) => entry.action === 'record.signed');
    expect(audited?.details.weightCheck).toEqual({
      findings: [check?.findings[0]?.message],
      acknowledgedWeightKg: '159.6',
      reason,
    });
    const pdf = storedPdfText(draftId, 'weight-plan.pdf');
    expect(pdf).toContain('Weight check');
    expect(pdf).toContain('differs from the previous weight');
    expect(pdf).toContain(reason);
    expect(app.ok(auditor, 'records.verify', { recordId: plan.id }).ok).toBe(true);
  });

  it('surfaces a first exam weight outside the plausible adult range, and a later one past the change threshold; drafts still save', () => {
    const patient = newPatient('W-2');
    const first = examDraft(
      patient,
      completeExam(today, { weight: { value: '25', unit: 'kg', measuredOn: today, source: 'stated' } }),
    );
    const firstCheck = draftOf(first.view).draftWeightCheck;
    expect(firstCheck?.findings.map((finding) => finding.kind)).toEqual(['implausible']);
    expect(firstCheck?.findings[0]?.message).toContain(
      "outside your clinic's configured plausible adult range: 30–300 kg",
    );
    const refused = signAttempt(first.versionId);
    expect(refused.ok === false && refused.error.code).toBe('INVALID_INPUT');
    const reason = 'Patient weighs 25 kg: severe cachexia, weighed twice';
    const acknowledged: ExamContent = {
      ...completeExam(today, { weight: { value: '25', unit: 'kg', measuredOn: today, source: 'stated' } }),
      weightAcknowledgement: { acknowledgedWeightKg: '25', reason },
    };
    app.ok(physician, 'records.saveDraft', { type: 'exam', versionId: first.versionId, content: acknowledged });
    const signed = app.ok(physician, 'records.sign', {
      versionId: first.versionId,
      meaning: 'authored',
      password: staffPassword,
    });
    const version = signed.versions[0];
    if (version?.recordType !== 'exam' || version.computed === null) throw new Error('expected a signed exam');
    expect(version.computed.weightCheck?.findings.map((finding) => finding.kind)).toEqual(['implausible']);
    const pdf = storedPdfText(first.versionId, 'weight-exam.pdf');
    expect(pdf).toContain('Weight check');
    expect(pdf).toContain('plausible adult range');
    expect(pdf).toContain(reason);

    // 28 kg against 25 kg the same day: 12% more, past the clinic's 10% within 30 days.
    const second = examDraft(
      patient,
      completeExam(today, { weight: { value: '28', unit: 'kg', measuredOn: today, source: 'measured' } }),
    );
    const secondCheck = draftOf(second.view).draftWeightCheck;
    expect(secondCheck?.findings.map((finding) => finding.kind)).toEqual(['change']);
    expect(secondCheck?.findings[0]?.previous).toMatchObject({ value: '25', recordType: 'exam' });

    // The clinic's own threshold decides: at 15% the same change passes without a word.
    const clinic = app.ok(admin, 'clinic.get', {});
    app.ok(admin, 'clinic.update', {
      name: clinic.name,
      address: clinic.address,
      timeZone: clinic.timeZone,
      autoLockMinutes: clinic.autoLockMinutes,
      weightChangePercent: 15,
    });
    try {
      const again = app.ok(physician, 'records.get', { recordId: second.recordId });
      expect(draftOf(again).draftWeightCheck?.findings).toEqual([]);
      app.ok(physician, 'records.sign', { versionId: second.versionId, meaning: 'authored', password: staffPassword });
    } finally {
      app.ok(admin, 'clinic.update', {
        name: clinic.name,
        address: clinic.address,
        timeZone: clinic.timeZone,
        autoLockMinutes: clinic.autoLockMinutes,
        weightChangePercent: 10,
      });
    }
  });
});
