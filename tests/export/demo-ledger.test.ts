import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/cli/demo';
import { buildExportFiles } from '../../src/export/export-files';
import type { ExportSnapshot } from '../../src/export/snapshot';
import type { TestApp } from '../support/test-app';
import { createTestApp } from '../support/test-app';
import { allNdjsonResources, bundleOf, csvRecords, fileText } from './support/export-reader';
import { requiredBindingErrors } from './support/fhir-bindings';
import { fhirSchemaErrors } from './support/fhir-schema';
import { r4Report } from './support/r4-validator';
import { servicePartsSnapshot, serviceSnapshot } from './support/service-export';
import { ucumErrors } from './support/ucum-codes';

/**
 * The export of the demo clinic, built from what the real services stored and gathered by
 * the export service itself, so the mapping is checked against real data rather than only
 * against the hand-made fixture.
 */
let app: TestApp;
let snapshot: ExportSnapshot;

beforeAll(() => {
  app = createTestApp();
  seedDemo(app.ledger, { patientCount: 12 });
  snapshot = serviceSnapshot(app.ledger);
});
afterAll(() => app.cleanup());

describe('export of the demo clinic (real services, real SQLite)', () => {
  const lastMonth = { from: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10), to: null };
  it.each([
    ['everything', { from: null, to: null, patientIds: null }],
    ['the last month', { ...lastMonth, patientIds: null }],
    ['two patients over the last month', { ...lastMonth, patientIds: [2, 3] }],
  ])(
    'writes the same bytes read a patient at a time (the service’s way) as with every patient held: %s',
    (_name, request) => {
      // The README's counts come from SQL when read a patient at a time: they must be the held ones.
      const byParts = buildExportFiles(servicePartsSnapshot(app.ledger, request));
      const held = buildExportFiles(serviceSnapshot(app.ledger, request));
      expect(byParts.map((file) => file.path)).toEqual(held.map((file) => file.path));
      for (const [index, file] of byParts.entries()) {
        const path = file.path;
        // Exported at another instant: the times in these differ, and what they list is compared above.
        if (['README.txt', 'manifest.json', 'fhir/bundle.json', 'audit/checkpoint.json'].includes(path)) continue;
        expect(file.bytes, path).toEqual(held[index]?.bytes);
      }
      const counts = (files: typeof held) =>
        fileText(files, 'README.txt')
          .split('\r\n')
          .filter((line) => line.startsWith('  '));
      expect(counts(byParts).slice(0, 12)).toEqual(counts(held).slice(0, 12));
    },
  );

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
    // Compiling the R4 JSON schema takes most of a minute on a busy 2-core machine.
  }, 600_000);

  // Issue 12, point 8: validators that are not this project's code. Slow on a busy machine.
  it('is valid R4 by Medplum and fhirpath.js, every resource and the Bundle: 0 errors', () => {
    const files = buildExportFiles(snapshot);
    const resources = allNdjsonResources(files);
    expect(snapshot.sessions.map((session) => session.status)).toContain('Running');
    const reports = resources.map(r4Report);
    expect(reports.flatMap((report) => report.errors)).toEqual([]);
    expect(reports.flatMap((report) => report.warnings)).toEqual([]);
    expect(r4Report(bundleOf(files)).errors).toEqual([]);
    expect(resources.flatMap(ucumErrors)).toEqual([]);
  }, 600_000);

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
