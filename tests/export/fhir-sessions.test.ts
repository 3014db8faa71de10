import { describe, expect, it } from 'vitest';
import { buildExportFiles } from '../../src/export/export-files';
import { rateSegments } from '../../src/export/session-history';
import type { JsonResource } from './support/export-reader';
import { allNdjsonResources, referencesIn, resourceById } from './support/export-reader';
import { requiredBindingErrors } from './support/fhir-bindings';
import { fhirSchemaErrors } from './support/fhir-schema';
import { exportSnapshot, plannedRate, sessions } from './support/snapshot-fixture';

const files = buildExportFiles(exportSnapshot());
const resources = allNdjsonResources(files);
const get = (type: string, id: string) => resourceById(resources, type, id);
const ofType = (type: string) => resources.filter((resource) => resource.resourceType === type);
const sessionResources = resources.filter((resource) => resource.id.startsWith('session-'));
const codes = (concept: unknown) =>
  ((concept as { coding?: { system?: string; code?: string }[] }).coding ?? []).map(
    (coding) => `${coding.system ?? ''}|${coding.code ?? ''}`,
  );
const notes = (resource: JsonResource) => ((resource.note ?? []) as { text: string }[]).map((note) => note.text);
const ucum = (value: number, code: string) => ({ value, system: 'http://unitsofmeasure.org', code });

describe('the session fixture', () => {
  it('is the session the brief describes, so the assertions below are about something', () => {
    const [ruiz] = sessions;
    expect(ruiz?.status).toBe('Signed');
    expect(plannedRate(202)).toBe('151.3');
    expect(ruiz?.entries.filter((entry) => entry.correctedByEntryId !== null).map((entry) => entry.id)).toEqual([704]);
    expect(ruiz === undefined ? [] : rateSegments(ruiz).map((segment) => segment.opener.entry.id)).toEqual([
      702, 705, 710,
    ]);
  });
});

describe('sessions in FHIR R4', () => {
  it('validates every session resource against the R4 JSON schema and its required bindings', () => {
    expect(sessionResources.length).toBeGreaterThan(80);
    expect(sessionResources.flatMap(fhirSchemaErrors)).toEqual([]);
    expect(sessionResources.flatMap(requiredBindingErrors)).toEqual([]);
    const keys = new Set(resources.map((resource) => `${resource.resourceType}/${resource.id}`));
    const dangling = sessionResources.flatMap(referencesIn).filter((reference) => !keys.has(reference));
    expect(dangling).toEqual([]);
  });

  it('writes each session as an Encounter: finished once discharged, in progress before', () => {
    expect(get('Encounter', 'session-7')).toMatchObject({
      status: 'finished',
      class: { code: 'AMB' },
      identifier: [{ system: 'urn:dosing-ledger:infusion-session', value: '7' }],
      subject: { reference: 'Patient/patient-1' },
      period: { start: '2026-11-16T15:00:00.000Z', end: '2026-11-16T16:20:00.000Z' },
      participant: [{ individual: { reference: 'Practitioner/user-3' } }],
    });
    expect(get('Encounter', 'session-8')).toMatchObject({
      status: 'in-progress',
      period: { start: '2026-11-12T14:00:00.000Z' },
    });
    expect(get('Encounter', 'session-8').period).not.toHaveProperty('end');
  });

  it('writes the infusion as one MedicationAdministration under the plan version it was given under', () => {
    const infusion = get('MedicationAdministration', 'session-7-infusion');
    expect(infusion).toMatchObject({
      status: 'completed',
      medicationReference: { reference: '#medication' },
      contained: [{ code: (get('MedicationRequest', 'plan-2-v2').contained as { code: object }[])[0]?.code }],
      subject: { reference: 'Patient/patient-1' },
      context: { reference: 'Encounter/session-7' },
      request: { reference: 'MedicationRequest/plan-2-v2' },
      effectivePeriod: { start: '2026-11-16T15:05:00.000Z', end: '2026-11-16T15:50:00.000Z' },
      performer: [{ actor: { reference: 'Practitioner/user-3', display: 'Li Chen, RN' } }],
      dosage: {
        route: { coding: [{ system: 'http://snomed.info/sct', code: '47625008' }] },
        // The mg that 100.7 mL of the bag held (43.44 mg in 100.87 mL); fhir-medication.test.ts has more.
        dose: { ...ucum(43.37, 'mg'), unit: 'mg' },
      },
    });
    // R4 does not put an average rate on the whole: the rates are on the stretches.
    expect(infusion.dosage).not.toHaveProperty('rateQuantity');
    expect(notes(infusion)).toEqual(
      expect.arrayContaining([
        'Lot K123, expires Jun-2027.',
        'Paused at 16-Nov-2026 10:22 UTC−05:00: Nausea',
        'Discarded 2 mg at 16-Nov-2026 10:50 UTC−05:00, witnessed by Ana Ruiz, MD.',
      ]),
    );
  });

  it('writes one MedicationAdministration per pump rate, partOf the infusion, with a pause as the gap', () => {
    const segments = ofType('MedicationAdministration').filter((resource) =>
      resource.id.startsWith('session-7-infusion-'),
    );
    expect(
      segments.map((segment) => [
        segment.id,
        segment.status,
        (segment.effectivePeriod as { start: string; end?: string }).start.slice(11, 16),
        (segment.effectivePeriod as { end?: string }).end?.slice(11, 16),
        (segment.dosage as { rateQuantity: { value: number } }).rateQuantity.value,
      ]),
    ).toEqual([
      ['session-7-infusion-702', 'completed', '15:05', '15:18', 151.3],
      ['session-7-infusion-705', 'completed', '15:18', '15:22', 120],
      ['session-7-infusion-710', 'completed', '15:30', '15:50', 120],
    ]);
    for (const segment of segments) {
      expect(segment.partOf).toEqual([{ reference: 'MedicationAdministration/session-7-infusion' }]);
      expect((segment.dosage as { rateQuantity: object }).rateQuantity).toMatchObject({
        unit: 'mL/h',
        system: 'http://unitsofmeasure.org',
        code: 'mL/h',
      });
    }
    expect(notes(get('MedicationAdministration', 'session-7-infusion-705'))).toEqual([
      'Rate differs from the plan (151.3 mL/h).',
      'Reason: Dissociation: CADSS-6 rising',
      'Paused at 16-Nov-2026 10:22 UTC−05:00: Nausea',
    ]);
  });

  it('marks a stopped infusion and its last stretch "stopped", with the reason', () => {
    expect(get('MedicationAdministration', 'session-8-infusion')).toMatchObject({
      status: 'stopped',
      statusReason: [{ text: 'Patient asked to stop' }],
      request: { reference: 'MedicationRequest/plan-4-v1' },
      dosage: { dose: { value: 14.95, code: 'mg' } },
    });
    expect(get('MedicationAdministration', 'session-8-infusion-802')).toMatchObject({
      status: 'stopped',
      effectivePeriod: { start: '2026-11-12T14:02:00.000Z', end: '2026-11-12T14:20:00.000Z' },
    });
  });

  it('names the plan by identifier when the plan is not part of the export, instead of a dangling reference', () => {
    const alone = allNdjsonResources(buildExportFiles(exportSnapshot({ records: [] })));
    expect(resourceById(alone, 'MedicationAdministration', 'session-7-infusion').request).toEqual({
      identifier: { system: 'urn:dosing-ledger:record-version', value: '202' },
      display: 'Plan 2, record version 202 (not in this export)',
    });
  });

  it('writes timed vital signs with the vital signs profile codes and UCUM units, recorded-at as issued', () => {
    const bp = get('Observation', 'session-7-entry-703-blood-pressure');
    expect(bp).toMatchObject({
      status: 'final',
      category: [{ coding: [{ code: 'vital-signs' }] }],
      encounter: { reference: 'Encounter/session-7' },
      effectiveDateTime: '2026-11-16T15:10:00.000Z',
      issued: '2026-11-16T15:11:00.000Z',
      performer: [{ reference: 'Practitioner/user-3' }],
    });
    expect(codes(bp.code)).toEqual(['http://loinc.org|85354-9']);
    expect(
      (bp.component as { code: unknown; valueQuantity: unknown }[]).map((c) => [codes(c.code), c.valueQuantity]),
    ).toEqual([
      [['http://loinc.org|8480-6'], { ...ucum(128, 'mm[Hg]'), unit: 'mmHg' }],
      [['http://loinc.org|8462-4'], { ...ucum(82, 'mm[Hg]'), unit: 'mmHg' }],
    ]);
    const expected: [string, string[], string][] = [
      ['heart-rate', ['8867-4'], '/min'],
      ['oxygen-saturation', ['2708-6', '59408-5'], '%'],
      ['respiratory-rate', ['9279-1'], '/min'],
      ['pain', ['72514-3'], '{score}'],
    ];
    for (const [kind, loinc, unit] of expected) {
      const observation = get('Observation', `session-7-entry-703-${kind}`);
      expect(codes(observation.code), kind).toEqual(loinc.map((code) => `http://loinc.org|${code}`));
      expect(observation.valueQuantity, kind).toMatchObject({ system: 'http://unitsofmeasure.org', code: unit });
    }
    // Every 5 minutes from 15:10 to 15:55, plus the last check before leaving.
    const heartRates = ofType('Observation').filter(
      (resource) => resource.id.startsWith('session-7-entry-') && resource.id.endsWith('-heart-rate'),
    );
    expect(heartRates.map((resource) => String(resource.effectiveDateTime).slice(11, 16))).toEqual([
      '15:00',
      '15:10',
      '15:15',
      '15:20',
      '15:25',
      '15:30',
      '15:35',
      '15:40',
      '15:45',
      '15:55',
      '16:20',
      '16:21',
    ]);
  });

  it('writes sedation, CADSS-6 (items as components; total only when complete) and nausea', () => {
    expect(get('Observation', 'session-7-entry-709-sedation')).toMatchObject({
      category: [{ coding: [{ code: 'survey' }] }],
      code: { coding: [{ system: 'urn:dosing-ledger:observation-code', code: 'moaas' }] },
      valueQuantity: { value: 4, code: '{score}' },
    });
    const complete = get('Observation', 'session-7-entry-715-cadss6');
    expect(complete.valueQuantity).toMatchObject({ value: 3 });
    expect(complete.component).toHaveLength(6);
    const partial = get('Observation', 'session-7-entry-706-cadss6');
    expect(partial).not.toHaveProperty('valueQuantity');
    expect((partial.component as { code: unknown }[]).map((component) => codes(component.code)[0])).toEqual([
      'urn:dosing-ledger:observation-code|cadss6-item-1',
      'urn:dosing-ledger:observation-code|cadss6-item-2',
      'urn:dosing-ledger:observation-code|cadss6-item-4',
      'urn:dosing-ledger:observation-code|cadss6-item-5',
      'urn:dosing-ledger:observation-code|cadss6-item-6',
    ]);
    expect(notes(partial)).toEqual(['Feels floaty']);
    expect(get('Observation', 'session-7-entry-709-nausea').valueCodeableConcept).toEqual({ text: 'Moderate' });
  });

  it('writes baseline vitals and scales from the checklist and the discharge vitals, saying which they are', () => {
    expect(get('Observation', 'session-7-entry-701-heart-rate')).toMatchObject({ valueQuantity: { value: 72 } });
    expect(get('Observation', 'session-7-entry-701-phq9')).toMatchObject({ valueQuantity: { value: 5 } });
    expect(get('Observation', 'session-7-entry-701-pain')).toMatchObject({ valueQuantity: { value: 6 } });
    expect(notes(get('Observation', 'session-7-entry-701-pain'))).toEqual([
      'Baseline, from the pre-infusion checklist.',
    ]);
    const discharge = get('Observation', 'session-7-entry-718-blood-pressure');
    expect(notes(discharge)).toEqual(['At discharge.', 'Left with her son']);
    expect(JSON.stringify(discharge.component)).toContain('"value":122');
  });

  it('states the corrected check as version 2 of the same resources; the superseded values are not current facts', () => {
    const pain = get('Observation', 'session-7-entry-704-pain');
    expect(pain).toMatchObject({ meta: { versionId: '2' }, status: 'corrected', valueQuantity: { value: 3 } });
    expect(notes(pain)).toEqual([
      'Correction (entry 712 replaces entry 704): Pain score and respiratory rate were of the previous patient',
    ]);
    expect(get('Observation', 'session-7-entry-704-heart-rate')).toMatchObject({
      meta: { versionId: '2' },
      status: 'final',
    });
    expect(get('Observation', 'session-7-entry-704-respiratory-rate')).toMatchObject({
      meta: { versionId: '2' },
      status: 'entered-in-error',
    });
    // No resource is named after the correcting entry, and the old pain score 4 is not stated as a fact.
    expect(resources.filter((resource) => resource.id.includes('entry-712'))).toEqual([]);
    const current = ofType('Observation').filter(
      (resource) => resource.id.startsWith('session-7-entry-704-') && resource.status !== 'entered-in-error',
    );
    expect(current.every((resource) => resource.meta?.versionId === '2')).toBe(true);
  });

  it('writes the adverse event with R4 severity, onset, recorder and what was done', () => {
    const event = get('AdverseEvent', 'session-7-entry-707');
    expect(event).toMatchObject({
      actuality: 'actual',
      event: { text: 'Nausea' },
      subject: { reference: 'Patient/patient-1' },
      encounter: { reference: 'Encounter/session-7' },
      date: '2026-11-16T15:21:00.000Z',
      recordedDate: '2026-11-16T15:23:00.000Z',
      severity: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/adverse-event-severity', code: 'moderate' }],
      },
      recorder: { reference: 'Practitioner/user-3' },
    });
    expect(event).not.toHaveProperty('seriousness');
    expect(event.extension).toEqual([
      {
        url: 'urn:dosing-ledger:fhir:extension:adverse-event-action',
        valueString: 'Infusion paused; ondansetron given',
      },
      { url: 'urn:dosing-ledger:fhir:extension:adverse-event-rescue-medication', valueString: 'Ondansetron 4 mg IV' },
      { url: 'urn:dosing-ledger:fhir:extension:adverse-event-outcome', valueString: 'Resolved within 8 min' },
      {
        url: 'urn:dosing-ledger:fhir:extension:adverse-event-physician-notified',
        valueString: 'Ana Ruiz, MD at 16-Nov-2026 10:23 UTC−05:00',
      },
    ]);
  });

  it('writes each session signature as a Provenance with its meaning, hash and last entry covered', () => {
    expect(get('Provenance', 'session-signature-21')).toMatchObject({
      target: [{ reference: 'Encounter/session-7' }, { reference: 'MedicationAdministration/session-7-infusion' }],
      recorded: '2026-11-16T16:25:00.000Z',
      agent: [{ type: { coding: [{ code: 'author' }] }, who: { reference: 'Practitioner/user-3' } }],
      signature: [
        {
          type: [{ code: '1.2.840.10065.1.12.1.1' }],
          extension: [
            { url: 'urn:dosing-ledger:fhir:extension:content-sha256', valueString: 'a'.repeat(64) },
            { url: 'urn:dosing-ledger:fhir:extension:last-entry-id', valueInteger: 719 },
          ],
        },
      ],
    });
    expect(get('Provenance', 'session-signature-22')).toMatchObject({
      agent: [{ type: { coding: [{ code: 'verifier' }] }, who: { reference: 'Practitioner/user-2' } }],
      signature: [{ type: [{ code: '1.2.840.10065.1.12.1.5' }] }],
    });
    // Record signature 1 and session signature 21 must not collide.
    expect(get('Provenance', 'signature-1').target).not.toEqual(get('Provenance', 'session-signature-21').target);
  });

  it('points the AuditEvent of a session entry at the session Encounter', () => {
    const event = ofType('AuditEvent').find((resource) =>
      JSON.stringify(resource.entity).includes('"valueString":"session.signed"'),
    );
    expect(event?.entity).toMatchObject([{ what: { reference: 'Encounter/session-7' } }]);
  });

  it('rejects broken copies, so the checks above are not vacuous', () => {
    const segment = get('MedicationAdministration', 'session-7-infusion-702');
    expect(requiredBindingErrors({ ...segment, status: 'paused' })).not.toEqual([]);
    expect(fhirSchemaErrors({ ...segment, partOf: { reference: 'x' } })).not.toEqual([]);
    const event = get('AdverseEvent', 'session-7-entry-707');
    expect([
      ...fhirSchemaErrors({ ...event, actuality: 'maybe' }),
      ...requiredBindingErrors({ ...event, actuality: 'maybe' }),
    ]).not.toEqual([]);
  });
});
