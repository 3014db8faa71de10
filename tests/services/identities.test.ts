import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeExam } from '../../src/cli/demo-clinical';
import { verifyPdf } from '../../src/signing/verify-pdf';
import type { SignIn } from '../../src/services/sign-in';
import { createRsaIdentity, forgePkcs12 } from '../signing/signing-fixture';
import type { TestApp } from '../support/test-app';
import { createTestApp, setUpClinic, signedInUser, staffPassword } from '../support/test-app';

let app: TestApp;
let admin: SignIn;
let physician: SignIn;
let patientId: number;

beforeAll(() => {
  app = createTestApp();
  admin = setUpClinic(app, 'UTC');
  physician = signedInUser(app, admin, 'physician');
  const nurse = signedInUser(app, admin, 'nurse');
  patientId = app.ok(nurse, 'patients.create', {
    patient: {
      mrn: 'ID-1',
      familyName: 'Żółć',
      givenNames: 'Łukasz',
      preferredName: '',
      dateOfBirth: '1970-03-03',
      sex: 'male',
      phone: '',
      emergencyContact: null,
      allergies: { status: 'none-known' },
    },
  }).id;
});
afterAll(() => app.cleanup());

describe('signing identities', () => {
  it('stores no private key in plaintext', () => {
    const rows = app.ledger.raw
      .prepare(
        'SELECT encrypted_private_key AS key FROM signing_identities UNION ALL SELECT encrypted_private_key FROM root_key_wraps',
      )
      .all() as { key: string | null }[];
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows.filter((candidate) => candidate.key !== null)) {
      expect(row.key).toContain('BEGIN ENCRYPTED PRIVATE KEY');
      expect(row.key).not.toMatch(/BEGIN (EC |RSA )?PRIVATE KEY/);
    }
  });

  it('refuses to enrol a clinician without the administrator password, writing nothing', () => {
    const result = app.call(admin, 'users.create', {
      username: 'no.key',
      displayName: 'No Key',
      credentials: 'RN',
      role: 'nurse',
      temporaryPassword: 'Temporary-pass-2026!',
    });
    expect(result.ok === false && result.error.issues?.[0]?.path).toBe('adminPassword');
    expect(app.ok(admin, 'users.list', {}).some((user) => user.username === 'no.key')).toBe(false);
  });

  it('signs with an imported organisation PKCS#12, verifiable against that organisation’s root', () => {
    const rsa = createRsaIdentity();
    const p12 = forgePkcs12(
      { certificatePem: rsa.certificatePem, privateKeyPem: rsa.privateKeyPem, chainPems: [rsa.rootPem] },
      'p12 secret',
    );
    const imported = app.ok(physician, 'identity.importPkcs12', {
      p12Base64: p12.toString('base64'),
      p12Password: 'p12 secret',
      password: staffPassword,
    });
    expect(imported.issuer).toContain('Regional Health Trust');
    const exam = app.ok(physician, 'records.create', { type: 'exam', patientId });
    const versionId = exam.versions[0]?.id ?? 0;
    app.ok(physician, 'records.saveDraft', {
      type: 'exam',
      versionId,
      content: completeExam(new Date().toISOString().slice(0, 10)),
    });
    app.ok(physician, 'records.sign', {
      versionId,
      meaning: 'authored',
      username: 'physician',
      password: staffPassword,
    });
    const pdf = Buffer.from(app.ok(physician, 'documents.forVersion', { versionId }).pdfBase64, 'base64');
    expect(verifyPdf(pdf, { trustedRootPems: [rsa.rootPem] }).valid).toBe(true);
    const againstClinic = verifyPdf(pdf, { trustedRootPems: [app.ok(physician, 'identity.rootCertificate', {}).pem] });
    expect(againstClinic.checks.find((check) => check.name === 'trusted root')?.ok).toBe(false);
  });
});
