import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/cli/demo';
import type { ExportFile } from '../../src/export/export-file';
import { buildExportFiles } from '../../src/export/export-files';
import type { TestApp } from '../support/test-app';
import { createTestApp } from '../support/test-app';
import type { JsonResource } from './support/export-reader';
import { allNdjsonResources, csvRecords, fileText } from './support/export-reader';
import { requiredBindingErrors } from './support/fhir-bindings';
import { r4Report } from './support/r4-validator';
import { serviceSnapshot } from './support/service-export';

/**
 * Issue 21: the demo clinic's consents (current ones, one expired, one withdrawn) in its
 * export, gathered by the export service; demo-ledger.test.ts validates the whole export.
 */
let app: TestApp;
let files: ExportFile[];
let resources: JsonResource[];

beforeAll(() => {
  app = createTestApp();
  seedDemo(app.ledger, { patientCount: 12 });
  files = buildExportFiles(serviceSnapshot(app.ledger));
  resources = allNdjsonResources(files);
});
afterAll(() => app.cleanup());

describe('the demo clinic’s consents in its export', () => {
  it('are one valid Consent and one consents.csv row each, expired and withdrawn ones inactive', () => {
    const rows = csvRecords(fileText(files, 'csv/consents.csv'));
    const stored = app.ledger.raw.prepare('SELECT count(*) FROM consents').pluck().get() as number;
    expect(rows).toHaveLength(stored);
    expect(new Set(rows.map((row) => row.state))).toEqual(new Set(['current', 'expired', 'withdrawn']));
    const consents = resources.filter((resource) => resource.resourceType === 'Consent');
    expect(consents.map((resource) => resource.id)).toEqual(rows.map((row) => `consent-${row.consent_id}`));
    for (const row of rows) {
      const consent = consents.find((resource) => resource.id === `consent-${row.consent_id}`);
      expect(consent?.status, row.consent_id).toBe(row.state === 'current' ? 'active' : 'inactive');
    }
    const related = resources.filter(
      (resource) => resource.resourceType !== 'AuditEvent' && JSON.stringify(resource).includes('"Consent/consent-'),
    );
    const reports = [...consents, ...related].map(r4Report);
    expect(reports.flatMap((report) => report.errors)).toEqual([]);
    expect(reports.flatMap((report) => report.warnings)).toEqual([]);
    expect(consents.flatMap(requiredBindingErrors)).toEqual([]);
  }, 600_000);
});
