import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildExportFiles, exportSources } from '../../src/export/export-files';
import type { FhirMapper } from '../../src/export/fhir/mapper';
import type { Manifest } from '../../src/export/manifest';
import type { ExportSnapshot } from '../../src/export/snapshot';
import { ExportCancelledError, writeExport } from '../../src/export/write-export';
import { bundleOf, csvRecords, fileText, ndjsonResources } from './support/export-reader';
import { exportSnapshot } from './support/snapshot-fixture';

/**
 * The export is made a patient at a time (only one patient's resources and rows are held):
 * every file lists the clinic's own resources first, then each patient's, patients in id order.
 */

/** The fixture with patients 1 and 3 swapped: patient 1 now owns the highest record id. */
function swappedPatients(): ExportSnapshot {
  const base = exportSnapshot();
  const swap = (id: number) => (id === 1 ? 3 : id === 3 ? 1 : id);
  return {
    ...base,
    patients: base.patients.map((patient) => ({ ...patient, id: swap(patient.id) })),
    records: base.records.map((record) => ({ ...record, patientId: swap(record.patientId) })),
    sessions: base.sessions.map((session) => ({ ...session, patientId: swap(session.patientId) })),
  };
}

const subjectOf = (resource: { subject?: { reference?: string }; patient?: { reference?: string } }) =>
  resource.subject?.reference ?? resource.patient?.reference ?? '';

describe('an export made a patient at a time', () => {
  it('lists each patient’s rows and resources together, patients in id order, in the CSV, NDJSON and Bundle', () => {
    const files = buildExportFiles(swappedPatients());
    const exams = csvRecords(fileText(files, 'csv/exams.csv'));
    expect(exams.map((row) => row.patient_id)).toEqual(['1', '2', '3', '3']);
    // By record id alone (the order before) it would be 1, 1, 3, 5.
    expect(exams.map((row) => row.record_id)).toEqual(['5', '3', '1', '1']);
    const observations = ndjsonResources(files, 'Observation');
    const subjects = observations.map((resource) => subjectOf(resource as Parameters<typeof subjectOf>[0]));
    // Patient 1's only exam is a draft (no FHIR); by record id, patient 3's would come first.
    expect(subjects.filter((subject, index) => subject !== subjects[index - 1])).toEqual([
      'Patient/patient-2',
      'Patient/patient-3',
    ]);
    const inBundle = (bundleOf(files).entry ?? [])
      .map((entry) => entry.resource)
      .filter((resource) => resource.resourceType === 'Observation')
      .map((resource) => resource.id);
    expect(inBundle).toEqual(observations.map((resource) => resource.id));
  });

  it('leaves out the NDJSON file of a type it holds none of, and its manifest and README count what is there', () => {
    const files = buildExportFiles(exportSnapshot({ sessions: [] }));
    const paths = files.map((file) => file.path);
    expect(paths).not.toContain('fhir/ndjson/MedicationAdministration.ndjson');
    expect(paths).toContain('fhir/ndjson/Observation.ndjson');
    const manifest = JSON.parse(fileText(files, 'manifest.json')) as Manifest;
    expect(manifest.files.map((entry) => entry.path).sort()).toEqual(
      paths.filter((path) => path !== 'manifest.json').sort(),
    );
    expect(fileText(files, 'README.txt')).toContain(
      `  ${files.length} files in all, counting this one and manifest.json`,
    );
  });

  it('refuses a mapper that makes a resource type it does not declare', () => {
    const stray: FhirMapper = {
      name: 'stray',
      scope: 'clinic',
      types: ['Organization'],
      map: () => [{ resourceType: 'Patient', id: 'patient-1' }],
    };
    expect(() => buildExportFiles(exportSnapshot(), { fhirMappers: [stray] })).toThrow(
      'FHIR mapper "stray" produced a Patient it does not declare',
    );
  });
});

describe('the NDJSON lines kept while the Bundle is written', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dosing-ledger-parts-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['folder', 'zip'] as const)(
    'are removed with everything else when a %s export is cancelled after the Bundle',
    async (format) => {
      const files = exportSources(exportSnapshot());
      const firstNdjson = files.findIndex((file) => file.path.startsWith('fhir/ndjson/'));
      const controller = new AbortController();
      const writing = writeExport({
        files,
        outPath: join(dir, format === 'zip' ? 'out.zip' : 'out'),
        format,
        signal: controller.signal,
        beforeFile: (index) => {
          if (index === firstNdjson + 1) controller.abort();
          return Promise.resolve();
        },
      });
      await expect(writing).rejects.toBeInstanceOf(ExportCancelledError);
      expect(readdirSync(dir)).toEqual([]);
    },
  );
});
