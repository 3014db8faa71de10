import { describe, expect, it } from 'vitest';
import { sessionStatuses } from '../../src/domain/session-view';
import { buildExportFiles } from '../../src/export/export-files';
import type { JsonResource } from './support/export-reader';
import { allNdjsonResources, bundleOf, resourceById } from './support/export-reader';
import { requiredBindingErrors } from './support/fhir-bindings';
import { fhirSchemaErrors } from './support/fhir-schema';
import { r4Errors, r4Report } from './support/r4-validator';
import { stateSessions } from './support/session-states-fixture';
import { exportSnapshot, plannedRate, sessions } from './support/snapshot-fixture';

/**
 * Issue 12, point 6: every resource the export writes is valid R4 in every state a session
 * can be in, checked by validators that are not this project's code (Medplum, fhirpath.js).
 */
const allSessions = [...sessions, ...stateSessions(plannedRate(202))];
const files = buildExportFiles(exportSnapshot({ sessions: allSessions }));
const resources = allNdjsonResources(files);
const get = (id: string) => resourceById(resources, 'MedicationAdministration', id);
const administrations = resources.filter((resource) => resource.resourceType === 'MedicationAdministration');
const dosageOf = (resource: JsonResource) =>
  resource.dosage as {
    text?: string;
    dose?: { value: number; code: string };
    rateQuantity?: { value: number; code: string };
  };

describe('sessions in every state, in FHIR R4', () => {
  it('covers every state a session can be in, and adverse events', () => {
    expect(new Set(allSessions.map((session) => session.status))).toEqual(new Set(sessionStatuses));
    expect(resources.some((resource) => resource.resourceType === 'AdverseEvent')).toBe(true);
  });

  it('writes only valid R4 (Medplum and fhirpath.js: structure, cardinality, formats, every invariant)', () => {
    const reports = resources.map(r4Report);
    expect(reports.flatMap((report) => report.errors)).toEqual([]);
    // Medplum warns about references of the wrong type: there are none.
    expect(reports.flatMap((report) => report.warnings)).toEqual([]);
    expect(resources.flatMap(fhirSchemaErrors)).toEqual([]);
    expect(resources.flatMap(requiredBindingErrors)).toEqual([]);
    expect(r4Errors(bundleOf(files))).toEqual([]);
    // Compiling the R4 JSON schema is slow on a busy 2-core machine.
  }, 600_000);

  it('gives every MedicationAdministration a dose or a rate (invariant mad-1), whatever the state', () => {
    expect(administrations.length).toBeGreaterThan(15);
    const without = administrations.filter((resource) => {
      const dosage = resource.dosage as Record<string, unknown> | undefined;
      return dosage !== undefined && dosage.dose === undefined && dosage.rateQuantity === undefined;
    });
    expect(without.map((resource) => resource.id)).toEqual([]);
  });

  it('gives an infusion still running its current pump rate, as charted', () => {
    expect(get('session-32-infusion')).toMatchObject({ status: 'in-progress' });
    expect(dosageOf(get('session-32-infusion'))).toMatchObject({
      rateQuantity: { value: 151.3, unit: 'mL/h', system: 'http://unitsofmeasure.org', code: 'mL/h' },
    });
    expect(dosageOf(get('session-32-infusion')).dose).toBeUndefined();
    expect(dosageOf(get('session-32-infusion')).text).toContain('Running at 151.3 mL/h since 20-Nov-2026 09:05');
  });

  it('gives a paused infusion the rate it ran at before the pause, and says it is paused', () => {
    expect(get('session-33-infusion')).toMatchObject({ status: 'on-hold' });
    expect(dosageOf(get('session-33-infusion'))).toMatchObject({ rateQuantity: { value: 151.3, code: 'mL/h' } });
    expect(dosageOf(get('session-33-infusion')).text).toContain('Paused at 20-Nov-2026 09:20');
  });

  it('gives an infusion stopped without a charted volume the rate it ran at, and says the volume is missing', () => {
    expect(get('session-34-infusion')).toMatchObject({
      status: 'stopped',
      statusReason: [{ text: 'IV site swelling' }],
    });
    expect(dosageOf(get('session-34-infusion'))).toMatchObject({ rateQuantity: { value: 151.3, code: 'mL/h' } });
    expect(dosageOf(get('session-34-infusion')).text).toContain('the volume infused was not charted');
  });

  it('writes nothing given for a session not started, and a dose once the volume is charted', () => {
    expect(administrations.filter((resource) => resource.id.startsWith('session-31-'))).toEqual([]);
    for (const id of ['session-35-infusion', 'session-36-infusion', 'session-37-infusion']) {
      expect(get(id)).toMatchObject({ status: 'completed' });
      expect(dosageOf(get(id)).dose, id).toMatchObject({ code: 'mg' });
    }
  });
});
