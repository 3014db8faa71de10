import { describe, expect, it } from 'vitest';
import { buildExportFiles } from '../../src/export/export-files';
import { allNdjsonResources, resourceById } from './support/export-reader';
import { r4Errors, r4Report } from './support/r4-validator';
import { exportSnapshot } from './support/snapshot-fixture';

/**
 * The independent validators of support/r4-validator.ts are not vacuous: each rejects a copy
 * of an exported resource broken the way it is meant to catch.
 */
const resources = allNdjsonResources(buildExportFiles(exportSnapshot()));
const infusion = resourceById(resources, 'MedicationAdministration', 'session-7-infusion');
const request = resourceById(resources, 'MedicationRequest', 'plan-2-v2');
const errorsOf = (resource: { resourceType: string; id?: string; [member: string]: unknown }) =>
  r4Errors(resource).join('\n');

describe('the R4 validators (Medplum, fhirpath.js)', () => {
  it('accept the exported resources as they are', () => {
    expect(r4Errors(infusion)).toEqual([]);
    expect(r4Errors(request)).toEqual([]);
  });

  it('reject a MedicationAdministration with neither dose nor rate (mad-1), by both engines', () => {
    const broken = { ...infusion, dosage: { route: (infusion.dosage as { route: unknown }).route } };
    expect(errorsOf(broken)).toContain('Constraint mad-1 not met');
    expect(errorsOf(broken)).toContain('mad-1 does not hold');
  });

  it('reject a contained resource nothing refers to (dom-3, which Medplum skips)', () => {
    const rest = Object.fromEntries(Object.entries(infusion).filter(([key]) => key !== 'medicationReference'));
    const broken = { ...rest, resourceType: infusion.resourceType, medicationCodeableConcept: { text: 'Ketamine' } };
    expect(errorsOf(broken)).toContain('dom-3 does not hold');
  });

  it('reject an empty element anywhere, datatypes included (ele-1)', () => {
    const broken = { ...request, dosageInstruction: [{ text: 'x', timing: { repeat: {} } }] };
    expect(errorsOf(broken)).toContain('ele-1');
  });

  it('reject wrong cardinality, unknown members and bad formats, and warn of a choice given twice', () => {
    expect(errorsOf({ ...infusion, status: undefined })).toContain('Missing required property');
    expect(errorsOf({ ...infusion, colour: 'blue' })).toContain('Invalid additional property "colour"');
    expect(errorsOf({ ...infusion, effectivePeriod: { start: '16-Nov-2026' } })).toContain('Invalid dateTime format');
    // Medplum reports this one as a warning: the tests require exported resources to have none.
    const withBoth = { ...infusion, medicationCodeableConcept: { text: 'Ketamine' } };
    const twice = r4Report(withBoth);
    expect(twice.warnings.join('\n')).toContain('Conflicting choice of type properties');
  });

  it('reject data type invariants Medplum does not evaluate: qty-3, per-1, ref-1', () => {
    const noSystem = { ...infusion, dosage: { ...(infusion.dosage as object), dose: { value: 1, code: 'mg' } } };
    expect(errorsOf(noSystem)).toContain('qty-3');
    const backwards = { ...infusion, effectivePeriod: { start: '2026-11-16T16:00:00Z', end: '2026-11-16T15:00:00Z' } };
    expect(errorsOf(backwards)).toContain('per-1');
    const dangling = { ...infusion, medicationReference: { reference: '#nothing' } };
    expect(errorsOf(dangling)).toContain('ref-1 does not hold');
  });
});
