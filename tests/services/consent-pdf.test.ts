import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../src/contract/methods';
import type { ConsentDocumentContent } from '../../src/domain/consent';
import { canonicalJson } from '../../src/domain/canonical-json';
import { verifyAuditChain } from '../../src/db/audit-log';
import { verifyTableStates } from '../../src/db/table-states';
import type { ConsentDocumentInput } from '../../src/pdf/consent-document-input';
import { renderConsentDocumentSync } from '../../src/pdf/consent-document';
import type { SignIn } from '../../src/services/sign-in';
import { verifyPdf } from '../../src/signing/verify-pdf';
import { patientInput } from '../support/fixtures';
import { signedPlanFor } from '../support/session-entries';
import type { TestApp } from '../support/test-app';
import { createTestApp, saveFormulary, setUpClinic, signedInUser, staffPassword } from '../support/test-app';
import { nssDatabaseTrusting, pdfsig, scratchDirectory, writeScratch } from '../signing/signing-fixture';

let app: TestApp;
let physician: SignIn;
let nurse: SignIn;
let auditor: SignIn;
let patientId: number;
let consentId: number;
let textSha256: string;
let contentSha256: string;

const content: ConsentDocumentContent = {
  title: 'Consent to a series of IV ketamine infusions',
  body: '# Risks\n\nThe clinic’s own words about the risks.\n\n# Your right to withdraw\n\nYou may stop at any time.',
  initialPoints: [{ id: 'no-driving', text: 'I will not drive until the next day.' }],
  indicationCodes: [],
  validMonths: 12,
  renewForNewSeries: true,
  renewForNewText: true,
  witnessRequired: true,
};

/** A zigzag across the box, and an underline: ink a reader sees at 60 dpi. */
const strokes = [
  Array.from({ length: 40 }, (_, index) => [100 + index * 60, 150 + ((index * 97) % 600), index * 20]),
  Array.from({ length: 10 }, (_, index) => [300 + index * 200, 850, 1000 + index * 15]),
] as MethodInput<'consents.record'>['strokes'];

const pdftotext = (path: string) => execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

beforeAll(() => {
  app = createTestApp();
  const admin = setUpClinic(app, 'America/New_York');
  physician = signedInUser(app, admin, 'physician');
  nurse = signedInUser(app, admin, 'nurse');
  auditor = signedInUser(app, admin, 'auditor');
  saveFormulary(app, admin);
  patientId = app.ok(nurse, 'patients.create', {
    patient: patientInput({ mrn: 'C-PDF-1', familyName: 'Lindqvist', givenNames: 'Maja', dateOfBirth: '1980-02-02' }),
  }).id;
  const { planRecordId } = signedPlanFor(app, physician, patientId);
  const version = app.ok(admin, 'consents.saveDocument', {
    documentId: null,
    expectedVersion: 0,
    content,
    reason: 'First',
  });
  textSha256 = version.textSha256;
  const consent = app.ok(physician, 'consents.record', {
    patientId,
    planRecordId,
    documentVersionId: version.id,
    textSha256: version.textSha256,
    signer: { kind: 'patient' },
    typedName: 'Maja Lindqvist',
    initialled: ['no-driving'],
    strokes,
    patientSignedAt: new Date().toISOString(),
    clinician: { username: 'physician', password: staffPassword },
    witness: { username: 'nurse', password: staffPassword },
  });
  consentId = consent.id;
  contentSha256 = consent.contentSha256;
});
afterAll(() => app.cleanup());

describe('the signed consent PDF', () => {
  it('is stored when the consent is recorded, signed by the clinician, and pdfsig verifies it', () => {
    const stored = app.ok(auditor, 'consents.pdf', { consentId });
    const bytes = Buffer.from(stored.pdfBase64, 'base64');
    expect(stored.fileName).toBe(`consent-${consentId}.pdf`);
    expect(stored.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const root = app.ok(auditor, 'identity.rootCertificate', {}).pem;
    const verified = verifyPdf(bytes, { trustedRootPems: [root] });
    expect(verified.checks.filter((check) => !check.ok)).toEqual([]);

    const directory = scratchDirectory();
    const path = writeScratch(directory, 'consent.pdf', bytes);
    const report = pdfsig(path, nssDatabaseTrusting(directory, root));
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Certificate is Trusted.');
    expect(report).toContain('Signer Certificate Common Name: Test physician');

    const text = pdftotext(path);
    for (const expected of [
      'Informed consent — signed',
      content.title,
      `Text version 1 · SHA-256 ${textSha256}`,
      'LINDQVIST, Maja',
      'Born 02-Feb-1980',
      'MRN C-PDF-1',
      'Risks',
      'You may stop at any time.',
      'Initialled ✓ I will not drive until the next day.',
      'Signed by the patient at ',
      'Name typed by the signer Maja Lindqvist',
      'Obtained consent',
      'Witness',
      contentSha256,
      'Page 1 of',
    ]) {
      expect(text).toContain(expected);
    }
    // Clinic time with its offset, never bare UTC.
    expect(text).toMatch(/Signed by the patient at \d{2}-[A-Z][a-z]{2}-\d{4} \d{2}:\d{2} UTC−0[45]:00/);
    expect(text).toMatch(/— obtained consent —/);

    // Page 1 rendered to look at: the drawn signature must be on it.
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', path, '/tmp/consent-pdf-page']);
  });

  it('fails pdfsig when one byte of the stored PDF is changed', () => {
    const bytes = Buffer.from(app.ok(nurse, 'consents.pdf', { consentId }).pdfBase64, 'base64');
    const at = bytes.indexOf('Dosing Ledger (PDFKit)', 0, 'latin1');
    expect(at).toBeGreaterThan(0);
    const tampered = Buffer.from(bytes);
    tampered[at] = 'E'.charCodeAt(0);
    const directory = scratchDirectory();
    const report = pdfsig(writeScratch(directory, 'tampered.pdf', tampered), undefined);
    expect(report).not.toContain('Signature is Valid.');
    expect(report).toMatch(/Digest Mismatch|Signature is Invalid/);
  });

  it('is append-only and held against the audit trail: a replaced PDF is found', () => {
    expect(verifyAuditChain(app.ledger.raw).ok).toBe(true);
    expect(verifyTableStates(app.ledger.raw).problems).toEqual([]);
    expect(() => app.ledger.raw.prepare("UPDATE consent_pdfs SET file_name = 'x.pdf'").run()).toThrow(/append-only/);
    expect(() => app.ledger.raw.prepare('DELETE FROM consent_pdfs').run()).toThrow(/append-only/);

    const copy = join(app.dir, 'consent-pdf-tampered.sqlite');
    app.ledger.raw.prepare('VACUUM INTO ?').run(copy);
    const raw = new Database(copy);
    for (const name of raw.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[]) {
      raw.exec(`DROP TRIGGER "${name}"`);
    }
    raw.prepare("UPDATE consent_pdfs SET pdf = CAST('%PDF-1.7 forged' AS BLOB)").run();
    const problems = verifyTableStates(raw).problems.map((problem) => problem.message);
    raw.close();
    expect(problems).toEqual([expect.stringMatching(/^consent_pdfs row \d+ \(consent \d+\)/)]);
  });

  it('is not found for a consent that does not exist', () => {
    const missing = app.call(auditor, 'consents.pdf', { consentId: 999 });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('NOT_FOUND');
  });
});

describe('rendering a consent', () => {
  const text = content;
  const bound = {
    patientId: 1,
    documentVersionId: 1,
    planRecordId: null,
    textSha256: createHash('sha256')
      .update(canonicalJson({ title: text.title, body: text.body, initialPoints: text.initialPoints }), 'utf8')
      .digest('hex'),
    signerKind: 'representative',
    representativeName: 'Erik Lindqvist',
    representativeRelationship: 'Spouse',
    typedName: 'Erik Lindqvist',
    initialled: canonicalJson(['no-driving']),
    strokes: canonicalJson(strokes),
    patientSignedAt: '2026-03-07T19:00:00.000Z',
    clinicianUserId: 2,
    clinicianPrintedName: 'Ana Ruiz, MD',
    witnessUserId: null,
    witnessPrintedName: null,
    signedAt: '2026-03-07T19:05:00.000Z',
    meaning: 'obtained consent',
  };
  const recordJson = canonicalJson(bound);
  const input: ConsentDocumentInput = {
    clinic: { name: 'Lakeside Infusion Clinic', address: '1 Lake Road', timeZone: 'America/New_York' },
    patient: {
      mrn: 'M-1',
      familyName: 'Lindqvist',
      givenNames: 'Maja',
      preferredName: '',
      dateOfBirth: '1980-02-02',
      sex: 'female',
      allergies: { status: 'none-known' },
    },
    consent: {
      id: 7,
      documentId: 1,
      documentVersion: 1,
      planRecordId: null,
      textSha256: bound.textSha256,
      signer: { kind: 'representative', name: 'Erik Lindqvist', relationship: 'Spouse' },
      typedName: bound.typedName,
      initialled: ['no-driving'],
      strokes,
      patientSignedAt: bound.patientSignedAt,
      clinicianPrintedName: bound.clinicianPrintedName,
      witnessPrintedName: null,
      signedAt: bound.signedAt,
      contentSha256: createHash('sha256').update(recordJson, 'utf8').digest('hex'),
    },
    text,
    recordJson,
  };

  it('gives the same bytes for the same consent', () => {
    expect(renderConsentDocumentSync(input).equals(renderConsentDocumentSync(input))).toBe(true);
  });

  it('names a representative with the relationship, in clinic time with its offset', () => {
    const path = writeScratch(scratchDirectory(), 'representative.pdf', renderConsentDocumentSync(input));
    const printed = pdftotext(path);
    expect(printed).toContain('Signed by the patient’s representative');
    expect(printed).toContain('Erik Lindqvist, Spouse: legally authorised representative of LINDQVIST, Maja');
    expect(printed).toContain('Signed by Erik Lindqvist (Spouse) at 07-Mar-2026 14:00 UTC−05:00');
    expect(printed).toContain('Witness No witness');
    expect(printed).toContain('For no particular series');
  });

  it('refuses to print a text, signer or strokes the consent does not bind', () => {
    const changedText = { ...input, text: { ...text, body: `${text.body}!` } };
    expect(() => renderConsentDocumentSync(changedText)).toThrow(/not the text version/);
    const otherName = { ...input, consent: { ...input.consent, typedName: 'Someone Else' } };
    expect(() => renderConsentDocumentSync(otherName)).toThrow(/signers or content differ/);
    const otherStrokes = { ...input, consent: { ...input.consent, strokes: [strokes[0] ?? []] } };
    expect(() => renderConsentDocumentSync(otherStrokes)).toThrow(/signers or content differ/);
  });
});
