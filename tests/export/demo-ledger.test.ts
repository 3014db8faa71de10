import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers, seedDemo } from '../../src/cli/demo';
import type { Patient } from '../../src/domain/patient';
import { auditHead, listAudit } from '../../src/db/audit-log';
import { getClinic } from '../../src/db/clinic-repo';
import { getPatient } from '../../src/db/patients-repo';
import { listUsers, toUser } from '../../src/db/users-repo';
import { buildExportFiles } from '../../src/export/export-files';
import type { ExportSnapshot } from '../../src/export/snapshot';
import type { SignIn } from '../../src/services/sign-in';
import type { TestApp } from '../support/test-app';
import { createTestApp } from '../support/test-app';
import { allNdjsonResources, bundleOf, csvRecords, fileText } from './support/export-reader';
import { requiredBindingErrors } from './support/fhir-bindings';
import { fhirSchemaErrors } from './support/fhir-schema';

/**
 * The export of the demo clinic, built from what the real services stored, so the mapping
 * is checked against real data rather than only against the hand-made fixture. The snapshot
 * is gathered here the way the export service will (that service is not part of src/export).
 */
let app: TestApp;
let snapshot: ExportSnapshot;

function gather(auditor: SignIn): ExportSnapshot {
  const { ledger } = app;
  const clinic = getClinic(ledger.db);
  if (clinic === undefined) throw new Error('demo clinic missing');
  const users = listUsers(ledger.db).map(toUser);
  const patients: Patient[] = [];
  for (let id = 1; ; id += 1) {
    const patient = getPatient(ledger.db, id);
    if (patient === undefined) break;
    patients.push(patient);
  }
  const records = patients
    .slice(0, 12)
    .flatMap((patient) => app.ok(auditor, 'records.list', { patientId: patient.id }).records);
  const exportedBy = users.find((user) => user.role === 'auditor');
  if (exportedBy === undefined) throw new Error('demo auditor missing');
  return {
    clinic,
    exportedAt: new Date().toISOString(),
    exportedBy,
    selection: { description: 'Whole demo clinic', from: null, to: null, patientIds: null },
    users,
    patients: patients.slice(0, 12),
    records,
    sessions: patients
      .slice(0, 12)
      .flatMap((patient) => app.ok(auditor, 'sessions.list', { patientId: patient.id }).sessions),
    auditEntries: listAudit(ledger.raw, { limit: 100_000 }),
    auditHead: auditHead(ledger.raw),
    signedPdfs: [],
    clinicRootCertificatePem: null,
  };
}

beforeAll(() => {
  app = createTestApp();
  seedDemo(app.ledger, { patientCount: 12 });
  const auditorAccount = demoUsers.find((user) => user.role === 'auditor');
  const auditor = app.newSignIn();
  app.ok(auditor, 'auth.signIn', {
    username: auditorAccount?.username ?? '',
    password: auditorAccount?.password ?? '',
  });
  snapshot = gather(auditor);
});
afterAll(() => app.cleanup());

describe('export of the demo clinic (real services, real SQLite)', () => {
  it('has the records the demo creates: signed, amended, past a soft limit, discontinued, drafts', () => {
    const plans = snapshot.records.filter((record) => record.type === 'plan');
    expect(plans.some((plan) => plan.discontinued !== null)).toBe(true);
    expect(plans.some((plan) => plan.versions.length > 1)).toBe(true);
    expect(snapshot.records.some((record) => record.versions.some((version) => version.status === 'draft'))).toBe(true);
  });

  it('is valid FHIR R4, line by line and as a Bundle', () => {
    const files = buildExportFiles(snapshot);
    const resources = allNdjsonResources(files);
    expect(resources.filter((resource) => resource.resourceType === 'MedicationRequest').length).toBeGreaterThan(5);
    expect(resources.flatMap(fhirSchemaErrors)).toEqual([]);
    expect(resources.flatMap(requiredBindingErrors)).toEqual([]);
    expect(fhirSchemaErrors(bundleOf(files))).toEqual([]);
    const statuses = resources
      .filter((resource) => resource.resourceType === 'MedicationRequest')
      .map((resource) => resource.status);
    expect(new Set(statuses)).toEqual(new Set(['active', 'stopped']));
    // The demo charts infusions too: they must be just as valid.
    expect(snapshot.sessions.length).toBeGreaterThan(0);
    const administrations = resources.filter((resource) => resource.resourceType === 'MedicationAdministration');
    expect(administrations.length).toBe(
      snapshot.sessions.filter((session) => session.startedAt !== null).length +
        administrations.filter((resource) => resource.partOf !== undefined).length,
    );
  });

  it('agrees with the stored signatures: one Provenance per signature, with its SHA-256', () => {
    const files = buildExportFiles(snapshot);
    const signatures = snapshot.records.flatMap((record) => record.versions.flatMap((version) => version.signatures));
    const provenance = allNdjsonResources(files).filter((resource) => resource.id.startsWith('signature-'));
    expect(provenance).toHaveLength(signatures.length);
    const csv = csvRecords(fileText(files, 'csv/signatures.csv'));
    expect(csv.map((row) => row.content_sha256).sort()).toEqual(
      signatures.map((signature) => signature.contentSha256).sort(),
    );
  });
});
