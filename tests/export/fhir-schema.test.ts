import { describe, expect, it } from 'vitest';
import { completeExam, planWith } from '../../src/cli/demo-clinical';
import { buildExportFiles } from '../../src/export/export-files';
import type { ExportFile } from '../../src/export/export-file';
import type { ExportSnapshot } from '../../src/export/snapshot';
import type { JsonResource } from './support/export-reader';
import { allNdjsonResources, bundleOf, fileText, referencesIn } from './support/export-reader';
import { requiredBindingErrors } from './support/fhir-bindings';
import { fhirSchemaErrors, r4ResourceTypes } from './support/fhir-schema';
import { buildRecord, exportSnapshot } from './support/snapshot-fixture';

/** Every FHIR file of an export checked against the official R4 JSON schema. */
function schemaReport(files: readonly ExportFile[]) {
  const ndjsonFiles = files.filter((file) => file.path.startsWith('fhir/ndjson/'));
  const lineErrors = ndjsonFiles.flatMap((file) => {
    const lines = new TextDecoder().decode(file.bytes).split('\n');
    const typeInName = file.path.replace('fhir/ndjson/', '').replace('.ndjson', '');
    return lines.slice(0, -1).flatMap((line, number) => {
      const resource = JSON.parse(line) as JsonResource;
      const wrongFile =
        resource.resourceType === typeInName ? [] : [`${file.path}:${number + 1} is a ${resource.resourceType}`];
      return [...wrongFile, ...fhirSchemaErrors(resource).map((error) => `${file.path}:${number + 1} ${error}`)];
    });
  });
  const bundle = bundleOf(files);
  return {
    lineErrors,
    bundleErrors: fhirSchemaErrors(bundle),
    entryErrors: bundle.entry.flatMap((entry) => fhirSchemaErrors(entry.resource)),
    bundle,
    resources: allNdjsonResources(files),
  };
}

const files = buildExportFiles(exportSnapshot());
const report = schemaReport(files);

describe('FHIR R4 schema validation (official JSON schema, ajv)', () => {
  it('validates every NDJSON line, each in the file named after its type', () => {
    expect(report.resources.length).toBeGreaterThan(60);
    expect(report.lineErrors).toEqual([]);
  });

  it('validates the Bundle as a whole and every entry on its own', () => {
    expect(report.bundleErrors).toEqual([]);
    expect(report.entryErrors).toEqual([]);
    expect(report.bundle.type).toBe('collection');
    expect(report.bundle.entry).toHaveLength(report.resources.length);
  });

  it('writes only FHIR R4 resource types, each id unique within its type', () => {
    const types = new Set(report.resources.map((resource) => resource.resourceType));
    expect([...types].filter((type) => !r4ResourceTypes.has(type))).toEqual([]);
    expect([...types].sort()).toEqual(
      [
        'AdverseEvent',
        'AllergyIntolerance',
        'AuditEvent',
        'Condition',
        'Device',
        'Encounter',
        'MedicationAdministration',
        'MedicationRequest',
        'Observation',
        'Organization',
        'Patient',
        'Practitioner',
        'PractitionerRole',
        'Provenance',
      ].sort(),
    );
    const keys = report.resources.map((resource) => `${resource.resourceType}/${resource.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const resource of report.resources) expect(resource.id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
  });

  it('resolves every NDJSON reference to a resource of the export (or to an earlier version of one)', () => {
    const keys = new Set(report.resources.map((resource) => `${resource.resourceType}/${resource.id}`));
    const dangling = report.resources
      .flatMap(referencesIn)
      .filter((reference) => !keys.has(reference.replace(/\/_history\/[^/]+$/, '')));
    expect(dangling).toEqual([]);
  });

  it('gives entries unique urn:uuid fullUrls and points references between entries at them', () => {
    const fullUrls = report.bundle.entry.map((entry) => entry.fullUrl);
    expect(new Set(fullUrls).size).toBe(fullUrls.length);
    for (const fullUrl of fullUrls) {
      expect(fullUrl).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    const references = report.bundle.entry.flatMap((entry) => referencesIn(entry.resource));
    const unresolved = references.filter(
      (reference) => reference.startsWith('urn:uuid:') && !fullUrls.includes(reference),
    );
    expect(unresolved).toEqual([]);
    // Only references to versions the bundle does not hold stay relative.
    expect(references.filter((reference) => !reference.startsWith('urn:uuid:'))).toSatisfy((relative: string[]) =>
      relative.every((reference) => reference.includes('/_history/')),
    );
  });

  it('uses only codes of the value sets R4 binds as required (which the JSON schema leaves open for some)', () => {
    expect(report.resources.flatMap(requiredBindingErrors)).toEqual([]);
  });

  it('is not vacuous: the checks reject broken copies of exported resources', () => {
    const request = report.resources.find((resource) => resource.resourceType === 'MedicationRequest');
    const observation = report.resources.find((resource) => resource.resourceType === 'Observation');
    if (request === undefined || observation === undefined) throw new Error('fixture lacks resources');
    // The R4 JSON schema lets any code through here; the binding check does not.
    expect(fhirSchemaErrors({ ...request, status: 'superseded' })).toEqual([]);
    expect(requiredBindingErrors({ ...request, status: 'superseded' })).toHaveLength(1);
    expect(fhirSchemaErrors({ ...observation, status: 'superseded' })).not.toEqual([]);
    expect(fhirSchemaErrors({ ...request, dosage: [] })).not.toEqual([]);
    expect(fhirSchemaErrors({ ...request, authoredOn: '2026-11-02 16:20' })).not.toEqual([]);
    expect(fhirSchemaErrors({ ...observation, valueQuantity: { value: '72.4' } })).not.toEqual([]);
  });

  it('keeps plain "Type/id" references in NDJSON, as Bulk Data expects', () => {
    const patientLine = fileText(files, 'fhir/ndjson/AllergyIntolerance.ndjson').split('\n')[0] ?? '';
    expect(patientLine).toContain('"reference":"Patient/patient-1"');
  });
});

describe('schema validity beyond the main fixture', () => {
  it('holds for an export with nothing in it but the clinic', () => {
    const empty: ExportSnapshot = exportSnapshot({
      users: [],
      patients: [],
      records: [],
      sessions: [],
      auditEntries: [],
      signedPdfs: [],
      auditHead: { seq: 0, hash: '0'.repeat(64) },
      clinicRootCertificatePem: null,
      clinic: { name: 'Empty Clinic', address: '', timeZone: 'UTC' },
    });
    const emptyReport = schemaReport(buildExportFiles(empty));
    expect(emptyReport.lineErrors).toEqual([]);
    expect(emptyReport.resources.flatMap(requiredBindingErrors)).toEqual([]);
    expect(emptyReport.bundleErrors).toEqual([]);
    expect(emptyReport.resources.map((resource) => resource.resourceType)).toEqual(['Organization', 'Device']);
  });

  it('holds for a fixed-dose single infusion and an exam without ICD-10 code, height or scales', () => {
    const exam = completeExam('2026-11-10', {
      indication: { text: 'Chronic low back pain', icd10: '' },
      heightCm: null,
      scales: { phq9: null, gad7: null, pcl5: null, painNrs: null },
    });
    const records = [
      buildRecord('exam', 10, 1, [
        {
          id: 1001,
          content: exam,
          author: 2,
          createdAt: '2026-11-10T14:00:00.000Z',
          signatures: [{ id: 101, signer: 2, meaning: 'authored', at: '2026-11-10T14:05:00.000Z' }],
        },
      ]),
      buildRecord('plan', 11, 1, [
        {
          id: 1101,
          content: planWith(null, {
            doseBasis: 'fixed',
            doseMgPerKg: null,
            doseMg: '35',
            series: { infusions: 1, intervalDays: 0 },
            overrideReasons: {},
          }),
          author: 2,
          examVersionId: 1001,
          createdAt: '2026-11-10T15:00:00.000Z',
          signatures: [{ id: 102, signer: 2, meaning: 'authored', at: '2026-11-10T15:05:00.000Z' }],
        },
      ]),
    ];
    const variant = schemaReport(buildExportFiles(exportSnapshot({ records })));
    expect(variant.lineErrors).toEqual([]);
    expect(variant.resources.flatMap(requiredBindingErrors)).toEqual([]);
    expect(variant.bundleErrors).toEqual([]);
    const request = variant.resources.find((resource) => resource.resourceType === 'MedicationRequest');
    expect(JSON.stringify(request)).toContain('"timing":{"repeat":{"count":1,"duration":40,"durationUnit":"min"}}');
  });
});
