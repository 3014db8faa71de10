import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../src/contract/methods';
import type { ConsentDocumentContent } from '../../src/domain/consent';
import { getClinic } from '../../src/db/clinic-repo';
import type { ExportFile } from '../../src/export/export-file';
import { buildExportFiles } from '../../src/export/export-files';
import type { Manifest } from '../../src/export/manifest';
import { createServiceContext } from '../../src/services/context';
import { gatherSnapshot } from '../../src/services/export-snapshot';
import { createSignIn } from '../../src/services/sign-in';
import { patientInput } from '../support/fixtures';
import { signedPlanFor } from '../support/session-entries';
import type { TestApp } from '../support/test-app';
import { createTestApp, saveFormulary, setUpClinic, signedInUser, staffPassword } from '../support/test-app';
import type { JsonResource } from './support/export-reader';
import { allNdjsonResources, bundleOf, csvRecords, fileBytes, fileText, resourceById } from './support/export-reader';
import { requiredBindingErrors } from './support/fhir-bindings';
import { r4Errors, r4Report } from './support/r4-validator';

/**
 * Issue 21: consents leave the ledger in the auditor export, as FHIR R4 Consent and as
 * consents.csv, gathered by the export service from what the consent services stored.
 */
let app: TestApp;
let current: number;
let withdrawn: number;
let withdrawnPatient: number;

const content: ConsentDocumentContent = {
  title: 'Consent to a series of IV ketamine infusions',
  body: '# Risks\n\nThe clinic’s own words about the risks.\n\n# Your right to withdraw\n\nYou may stop at any time.',
  initialPoints: [{ id: 'no-driving', text: 'I will not drive until the next day.' }],
  indicationCodes: [],
  validMonths: 1,
  renewForNewSeries: true,
  renewForNewText: true,
  witnessRequired: false,
};

const strokes = [
  Array.from({ length: 40 }, (_, index) => [100 + index * 60, 500 + ((index * 97) % 300), index * 20]),
] as MethodInput<'consents.record'>['strokes'];

/** The export as the service gathers it, taken `daysLater` days from now. */
function exportAt(daysLater: number, patientIds: number[] | null = null): ExportFile[] {
  const snapshot = app.ledger.raw.transaction(() => {
    const at = new Date(Date.now() + daysLater * 86_400_000);
    const context = createServiceContext(app.ledger, createSignIn(), null, getClinic(app.ledger.db), at);
    return gatherSnapshot(
      context,
      { from: null, to: null, patientIds },
      { id: 0, username: 'tester', displayName: 'Test export', credentials: '', role: 'auditor', active: true },
    );
  })();
  return buildExportFiles(snapshot);
}

beforeAll(() => {
  app = createTestApp();
  const admin = setUpClinic(app, 'America/New_York');
  const physician = signedInUser(app, admin, 'physician');
  const nurse = signedInUser(app, admin, 'nurse');
  saveFormulary(app, admin);
  const version = app.ok(admin, 'consents.saveDocument', {
    documentId: null,
    expectedVersion: 0,
    content,
    reason: 'First',
  });
  const patient = (mrn: string, familyName: string, givenNames: string) =>
    app.ok(nurse, 'patients.create', {
      patient: patientInput({ mrn, familyName, givenNames, dateOfBirth: '1980-02-02' }),
    }).id;
  const record = (patientId: number, overrides: Partial<MethodInput<'consents.record'>>) =>
    app.ok(physician, 'consents.record', {
      patientId,
      planRecordId: signedPlanFor(app, physician, patientId).planRecordId,
      documentVersionId: version.id,
      textSha256: version.textSha256,
      signer: { kind: 'patient' },
      typedName: '',
      initialled: ['no-driving'],
      strokes,
      patientSignedAt: new Date().toISOString(),
      clinician: { username: 'physician', password: staffPassword },
      ...overrides,
    }).id;
  current = record(patient('C-1', 'Lindqvist', 'Maja'), { typedName: 'Maja Lindqvist' });
  withdrawnPatient = patient('C-2', 'Okafor', 'Ben');
  withdrawn = record(withdrawnPatient, {
    signer: { kind: 'representative', name: 'Ada Okafor', relationship: 'Mother' },
    typedName: 'Ada Okafor',
    witness: { username: 'nurse', password: staffPassword },
  });
  app.ok(nurse, 'consents.withdraw', {
    consentId: withdrawn,
    withdrawnAt: new Date().toISOString(),
    reason: 'Patient no longer wishes to continue',
  });
});
afterAll(() => app.cleanup());

const consentOf = (resources: readonly JsonResource[], id: number) =>
  resourceById(resources, 'Consent', `consent-${id}`) as JsonResource & {
    status: string;
    provision: { period: { start: string; end?: string } };
  };

describe('consents in the auditor export', () => {
  it('writes a valid FHIR R4 Consent per consent, with its signatures and withdrawal (Medplum, fhirpath.js)', () => {
    const files = exportAt(0);
    const resources = allNdjsonResources(files);
    const consents = resources.filter((resource) => resource.resourceType === 'Consent');
    expect(consents.map((resource) => resource.id)).toEqual([`consent-${current}`, `consent-${withdrawn}`]);
    const reports = resources.map(r4Report);
    expect(reports.flatMap((report) => report.errors)).toEqual([]);
    expect(reports.flatMap((report) => report.warnings)).toEqual([]);
    expect(resources.flatMap(requiredBindingErrors)).toEqual([]);
    expect(r4Errors(bundleOf(files))).toEqual([]);

    expect(consentOf(resources, current)).toMatchObject({
      status: 'active',
      scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'treatment' }] },
      category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }],
      patient: { reference: expect.stringMatching(/^Patient\/patient-\d+$/) as string },
      policyRule: { coding: [{ system: 'urn:dosing-ledger:consent-text-sha256' }] },
      organization: [{ reference: 'Organization/clinic' }],
    });
    const performers = (consentOf(resources, withdrawn).performer as { reference: string }[]).map(
      (performer) => performer.reference.split('/')[0],
    );
    expect(performers).toEqual(['RelatedPerson', 'Practitioner']);
    expect(resourceById(resources, 'RelatedPerson', `consent-${withdrawn}-representative`)).toMatchObject({
      relationship: [{ text: 'Mother' }],
      name: [{ text: 'Ada Okafor' }],
    });
    expect(resourceById(resources, 'Provenance', `consent-${withdrawn}-withdrawn`)).toMatchObject({
      reason: [{ text: 'Patient no longer wishes to continue' }],
      target: [{ reference: `Consent/consent-${withdrawn}` }],
    });
    const signed = resourceById(resources, 'Provenance', `consent-${withdrawn}-signed`);
    expect((signed.signature as unknown[]).length).toBe(3);
    // The consent audit entries point at their Consent.
    const audited = resources.filter(
      (resource) =>
        resource.resourceType === 'AuditEvent' &&
        JSON.stringify(resource.entity).includes(`"Consent/consent-${current}"`),
    );
    expect(audited.length).toBeGreaterThan(0);
  }, 600_000);

  it('says a withdrawn consent is inactive from its withdrawal, and a current one active until it expires', () => {
    const resources = allNdjsonResources(exportAt(0));
    const gone = consentOf(resources, withdrawn);
    expect(gone.status).toBe('inactive');
    const withdrawal = resourceById(resources, 'Provenance', `consent-${withdrawn}-withdrawn`);
    expect(gone.provision.period.end).toBe(withdrawal.occurredDateTime);
    const live = consentOf(resources, current);
    expect(live.provision.period.end).toBeDefined();
    expect(live.provision.period.end! > new Date().toISOString()).toBe(true);
  });

  it('says an expired consent is inactive, ended at its expiry, in FHIR and in consents.csv', () => {
    const files = exportAt(40);
    const resources = allNdjsonResources(files);
    const expired = consentOf(resources, current);
    expect(expired.status).toBe('inactive');
    const rows = csvRecords(fileText(files, 'csv/consents.csv'));
    const row = rows.find((candidate) => candidate.consent_id === String(current));
    expect(row).toMatchObject({ state: 'expired', withdrawn_at_utc: '' });
    expect(expired.provision.period.end).toBe(row?.expires_at_utc);
    expect(resources.filter((resource) => resource.id === `consent-${current}-withdrawn`)).toEqual([]);
    expect(r4Errors(expired)).toEqual([]);
  });

  it('lists one consents.csv row per consent, with the text version, signers, state and withdrawal', () => {
    const files = exportAt(0);
    const rows = csvRecords(fileText(files, 'csv/consents.csv'));
    expect(rows.map((row) => [row.consent_id, row.patient_mrn, row.state])).toEqual([
      [String(current), 'C-1', 'current'],
      [String(withdrawn), 'C-2', 'withdrawn'],
    ]);
    const [first, second] = rows;
    expect(first).toMatchObject({
      document_title: content.title,
      document_version: '1',
      signer_kind: 'patient',
      typed_name: 'Maja Lindqvist',
      witness: '',
    });
    expect(first?.text_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first?.content_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first?.patient_signed_at_clinic_time).toMatch(/UTC[−+-]0[45]:00$/);
    expect(second).toMatchObject({
      signer_kind: 'representative',
      representative: 'Ada Okafor',
      relationship: 'Mother',
      withdrawal_reason: 'Patient no longer wishes to continue',
    });
    expect(second?.withdrawn_at_utc).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(second?.witness).not.toBe('');
  });

  it('attaches each consent’s signed PDF, as stored, by its path in the export, size and SHA-1', () => {
    const files = exportAt(0);
    const resources = allNdjsonResources(files);
    for (const id of [current, withdrawn]) {
      const attachment = consentOf(resources, id).sourceAttachment as { url: string; size: number; hash: string };
      expect(attachment).toMatchObject({ contentType: 'application/pdf', url: `pdf/consent-${id}.pdf` });
      const pdf = fileBytes(files, attachment.url);
      expect(attachment.size).toBe(pdf.byteLength);
      expect(attachment.hash).toBe(createHash('sha1').update(pdf).digest('base64'));
      const row = csvRecords(fileText(files, 'csv/consents.csv')).find(
        (candidate) => candidate.consent_id === String(id),
      );
      expect(row?.signed_pdf).toBe(attachment.url);
    }
  });

  it('exports one chosen patient’s consents with every audit entry of them, the withdrawal included', () => {
    const files = exportAt(0, [withdrawnPatient]);
    const rows = csvRecords(fileText(files, 'csv/consents.csv'));
    expect(rows.map((row) => row.consent_id)).toEqual([String(withdrawn)]);
    const audited = fileText(files, 'audit/audit-log.ndjson')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as { action: string; entityType: string; entityId: string | null })
      .filter((entry) => entry.entityType === 'consent' && entry.entityId === String(withdrawn))
      .map((entry) => entry.action);
    expect(audited).toEqual(expect.arrayContaining(['consent.recorded', 'consent.withdrawn']));
  });

  it('lists consents.csv in the manifest and the README, and counts the consents', () => {
    const files = exportAt(0);
    const manifest = JSON.parse(fileText(files, 'manifest.json')) as Manifest;
    expect(manifest.files.map((file) => file.path)).toContain('csv/consents.csv');
    const readme = fileText(files, 'README.txt');
    expect(readme).toContain('consents.csv');
    expect(readme).toContain('2 recorded consents (1 withdrawn)');
  });
});
