import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignIn } from '../../src/services/sign-in';
import { verifyAllSignedVersions } from '../../src/db/records-repo';
import { completeExam, demoFormulary as testFormulary, planWith } from '../../src/cli/demo-clinical';
import type { TestApp } from '../support/test-app';
import { createTestApp, setUpClinic, signedInUser, staffPassword } from '../support/test-app';

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
  app.ok(admin, 'formulary.update', { content: testFormulary });
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
