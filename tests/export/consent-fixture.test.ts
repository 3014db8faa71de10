import { describe, expect, it } from 'vitest';
import type { ConsentRecord } from '../../src/export/consent-snapshot';
import { buildExportFiles } from '../../src/export/export-files';
import { allNdjsonResources, csvRecords, fileText, resourceById } from './support/export-reader';
import { requiredBindingErrors } from './support/fhir-bindings';
import { r4Report } from './support/r4-validator';
import { exportSnapshot } from './support/snapshot-fixture';

/**
 * Issue 21: a consent without a stored PDF (recorded before consent PDFs existed) and one
 * expired, in the hand-made snapshot: still valid R4, the text identified by its SHA-256.
 */
const consent: ConsentRecord = {
  id: 9,
  patientId: 1,
  planRecordId: 2,
  documentId: 1,
  documentVersion: 3,
  documentTitle: 'Consent to IV ketamine, "series"',
  textSha256: 'a'.repeat(64),
  signerKind: 'patient',
  representativeName: null,
  representativeRelationship: null,
  typedName: 'Ana María Ruiz',
  patientSignedAt: '2026-09-01T14:00:00.000Z',
  clinicianUserId: 2,
  clinicianPrintedName: 'Ana Ruiz, MD',
  witnessUserId: null,
  witnessPrintedName: null,
  signedAt: '2026-09-01T14:05:00.000Z',
  contentSha256: 'b'.repeat(64),
  expiresAt: '2026-10-01T14:00:00.000Z',
  state: 'expired',
  stateText: 'Expired 01-Oct-2026 10:00 UTC−04:00',
  withdrawal: null,
};

const files = buildExportFiles(exportSnapshot({ consents: [consent] }));
const resources = allNdjsonResources(files);

describe('a consent without its PDF, expired, in the fixture export', () => {
  it('is a valid, inactive Consent ending at its expiry, naming its text by SHA-256 and its series', () => {
    const resource = resourceById(resources, 'Consent', 'consent-9');
    expect(resource).toMatchObject({
      status: 'inactive',
      dateTime: consent.patientSignedAt,
      provision: {
        period: { start: consent.patientSignedAt, end: consent.expiresAt },
        data: [{ meaning: 'related', reference: { reference: 'MedicationRequest/plan-2-v2' } }],
      },
      policyRule: { coding: [{ system: 'urn:dosing-ledger:consent-text-sha256', code: consent.textSha256 }] },
      sourceAttachment: { title: `${consent.documentTitle}, version 3 (text SHA-256 ${consent.textSha256})` },
    });
    expect((resource.sourceAttachment as { url?: string }).url).toBeUndefined();
    const related = resources.filter((candidate) => JSON.stringify(candidate).includes('Consent/consent-9'));
    const reports = related.map(r4Report);
    expect(reports.flatMap((report) => report.errors)).toEqual([]);
    expect(reports.flatMap((report) => report.warnings)).toEqual([]);
    expect(related.flatMap(requiredBindingErrors)).toEqual([]);
    // Signed by the patient and the clinician; no witness, no withdrawal.
    expect((resourceById(resources, 'Provenance', 'consent-9-signed').signature as unknown[]).length).toBe(2);
    expect(resources.some((candidate) => candidate.id === 'consent-9-withdrawn')).toBe(false);
  });

  it('writes its consents.csv row with no PDF, in clinic time beside UTC', () => {
    const [row] = csvRecords(fileText(files, 'csv/consents.csv'));
    expect(row).toMatchObject({
      consent_id: '9',
      patient_mrn: 'MRN-0001',
      document_title: consent.documentTitle,
      state: 'expired',
      expires_at_utc: consent.expiresAt,
      expires_at_clinic_time: '01-Oct-2026 10:00 UTC−04:00',
      signed_pdf: '',
    });
  });

  it('writes a consents.csv with only its header when there are none', () => {
    const empty = buildExportFiles(exportSnapshot());
    expect(csvRecords(fileText(empty, 'csv/consents.csv'))).toEqual([]);
    expect(fileText(empty, 'csv/consents.csv')).toMatch(/^\uFEFFconsent_id,patient_id,patient_mrn,/);
  });
});
