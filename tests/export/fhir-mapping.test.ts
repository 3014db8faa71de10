import { describe, expect, it } from 'vitest';
import { buildExportFiles } from '../../src/export/export-files';
import { auditActionCode, auditOutcome } from '../../src/export/fhir/audit-event-codes';
import type { JsonResource } from './support/export-reader';
import { allNdjsonResources, fileText, resourceById } from './support/export-reader';
import { auditEntries, exportSnapshot, records } from './support/snapshot-fixture';

const files = buildExportFiles(exportSnapshot());
const resources = allNdjsonResources(files);
const get = (type: string, id: string) => resourceById(resources, type, id);
const ofType = (type: string) => resources.filter((resource) => resource.resourceType === type);
/** The resource exactly as written, to check decimal text. */
const line = (type: string, id: string) =>
  fileText(files, `fhir/ndjson/${type}.ndjson`)
    .split('\n')
    .find((text) => text.includes(`"id":"${id}"`)) ?? '';

interface Coded {
  coding?: { system?: string; code?: string; display?: string }[];
  text?: string;
}
const codes = (concept: unknown) =>
  ((concept as Coded).coding ?? []).map((coding) => `${coding.system ?? ''}|${coding.code ?? ''}`);

describe('Organization, Practitioner, Patient, AllergyIntolerance', () => {
  it('writes the clinic and every user, credentials as qualifications and the app role as PractitionerRole', () => {
    expect(get('Organization', 'clinic')).toMatchObject({ name: 'Harbor Infusion Clinic', active: true });
    expect(get('Practitioner', 'user-5')).toMatchObject({
      active: false,
      name: [{ use: 'official', text: 'Karim Haddad' }],
      qualification: [{ code: { text: 'DO' } }, { code: { text: 'PhD' } }],
      identifier: [{ system: 'urn:dosing-ledger:username', value: 'dr.haddad' }],
    });
    expect(get('Practitioner', 'user-1')).not.toHaveProperty('qualification');
    expect(get('PractitionerRole', 'user-2-role')).toMatchObject({
      practitioner: { reference: 'Practitioner/user-2' },
      code: [{ coding: [{ code: 'doctor' }], text: 'Physician' }],
    });
    expect(get('PractitionerRole', 'user-4-role')).toMatchObject({ code: [{ text: 'Auditor' }] });
  });

  it('maps names (any script), the preferred name, sex, birth date, phone, emergency contact and MRN', () => {
    expect(get('Patient', 'patient-1')).toMatchObject({
      meta: { versionId: '2', lastUpdated: '2026-11-02T13:30:00.000Z' },
      identifier: [
        {
          use: 'usual',
          type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] },
          system: 'urn:dosing-ledger:mrn',
          value: 'MRN-0001',
          assigner: { reference: 'Organization/clinic' },
        },
      ],
      name: [
        { use: 'official', text: 'Ruiz, Ana María', family: 'Ruiz', given: ['Ana', 'María'] },
        { use: 'usual', text: 'Ani', given: ['Ani'] },
      ],
      gender: 'female',
      birthDate: '1945-07-14',
      telecom: [{ system: 'phone', value: '+1 555 0100' }],
      contact: [
        {
          relationship: [{ coding: [{ code: 'C', display: 'Emergency Contact' }] }, { text: 'Son' }],
          name: { text: 'Luis Ruiz' },
          telecom: [{ system: 'phone', value: '+1 555 0101' }],
        },
      ],
    });
    const wang = get('Patient', 'patient-2');
    expect(wang).toMatchObject({ name: [{ family: '王', given: ['小明'] }], gender: 'male', birthDate: '1980-02-29' });
    expect(wang).not.toHaveProperty('telecom');
    expect(wang).not.toHaveProperty('contact');
    expect(get('Patient', 'patient-3')).toMatchObject({ name: [{ family: 'Żółć', given: ['Zoë'] }], gender: 'other' });
  });

  it('writes one AllergyIntolerance per allergy, SNOMED "No known allergy" when none are known, nothing when not recorded', () => {
    expect(get('AllergyIntolerance', 'patient-1-allergy-2')).toMatchObject({
      code: { text: 'Latex, "powdered" gloves' },
      patient: { reference: 'Patient/patient-1' },
      clinicalStatus: { coding: [{ code: 'active' }] },
    });
    expect(codes(get('AllergyIntolerance', 'patient-2-no-known-allergy').code)).toEqual([
      'http://snomed.info/sct|716186003',
    ]);
    const forPatient3 = ofType('AllergyIntolerance').filter(
      (allergy) => (allergy.patient as { reference: string }).reference === 'Patient/patient-3',
    );
    expect(forPatient3).toEqual([]);
  });
});

describe('exams: Encounter, Condition, Observations', () => {
  it('writes one finished ambulatory Encounter per signed exam, none for a draft', () => {
    const exams = ofType('Encounter').filter((encounter) => encounter.id.startsWith('exam-'));
    expect(exams.map((encounter) => encounter.id)).toEqual(['exam-1', 'exam-3']);
    expect(get('Encounter', 'exam-1')).toMatchObject({
      meta: { versionId: '2' },
      status: 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
      period: { start: '2026-11-02', end: '2026-11-02' },
      reasonReference: [{ reference: 'Condition/exam-1-indication' }],
    });
  });

  it('codes the indication with ICD-10-CM and keeps the text as written', () => {
    expect(get('Condition', 'exam-3-indication')).toMatchObject({
      code: {
        coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'F33.9' }],
        text: 'Treatment-resistant depression',
      },
      category: [{ coding: [{ code: 'encounter-diagnosis' }] }],
      encounter: { reference: 'Encounter/exam-3' },
    });
  });

  it('uses the LOINC codes and UCUM units of the vital signs profile and of each scale', () => {
    const expected: Record<string, [string[], string | null, string]> = {
      'exam-3-blood-pressure': [['85354-9'], null, 'vital-signs'],
      'exam-3-heart-rate': [['8867-4'], '/min', 'vital-signs'],
      'exam-3-oxygen-saturation': [['2708-6', '59408-5'], '%', 'vital-signs'],
      'exam-3-respiratory-rate': [['9279-1'], '/min', 'vital-signs'],
      'exam-3-body-temperature': [['8310-5'], 'Cel', 'vital-signs'],
      'exam-3-body-weight': [['29463-7'], 'kg', 'vital-signs'],
      'exam-3-body-height': [['8302-2'], 'cm', 'vital-signs'],
      'exam-3-phq9': [['44261-6'], '{score}', 'survey'],
      'exam-3-pain': [['72514-3'], '{score}', 'survey'],
      'exam-1-gad7': [['70274-6'], '{score}', 'survey'],
    };
    for (const [id, [loinc, unit, category]] of Object.entries(expected)) {
      const observation = get('Observation', id);
      expect(codes(observation.code), id).toEqual(loinc.map((code) => `http://loinc.org|${code}`));
      expect(codes((observation.category as unknown[])[0]), id).toEqual([
        `http://terminology.hl7.org/CodeSystem/observation-category|${category}`,
      ]);
      if (unit !== null) {
        expect(observation.valueQuantity, id).toMatchObject({ system: 'http://unitsofmeasure.org', code: unit });
      }
    }
    const bp = get('Observation', 'exam-3-blood-pressure').component as { code: Coded; valueQuantity: unknown }[];
    expect(bp.map((component) => codes(component.code))).toEqual([
      ['http://loinc.org|8480-6'],
      ['http://loinc.org|8462-4'],
    ]);
    expect(bp.map((component) => component.valueQuantity)).toEqual([
      { value: 118, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
      { value: 76, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
    ]);
    // PCL-5 was not given to anyone here: no observation for it.
    expect(ofType('Observation').filter((observation) => observation.id.endsWith('pcl5'))).toEqual([]);
  });

  it('writes weights in kg exactly: 72.4 stays 72.4, 160 lb is 72.5747792 kg, with what was typed noted', () => {
    expect(line('Observation', 'exam-1-body-weight')).toContain('"valueQuantity":{"value":72.4,"unit":"kg"');
    expect(line('Observation', 'exam-3-body-weight')).toContain('"valueQuantity":{"value":72.5747792,"unit":"kg"');
    expect(get('Observation', 'exam-3-body-weight')).toMatchObject({
      method: { text: 'Stated by the patient' },
      note: [{ text: 'Entered as 160 lb; converted exactly at 0.45359237 kg per lb.' }],
      effectiveDateTime: '2026-11-05',
    });
    expect(line('Observation', 'exam-3-body-temperature')).toContain('"value":36.6,');
    expect(line('Observation', 'exam-3-body-height')).toContain('"value":175.5,');
  });

  it('shows the amended exam as version 2: changed values "amended", unchanged "final", withdrawn "entered-in-error"', () => {
    const bp = get('Observation', 'exam-1-blood-pressure');
    expect(bp).toMatchObject({ meta: { versionId: '2' }, status: 'amended' });
    expect(JSON.stringify(bp.component)).toContain('"value":132');
    expect(get('Observation', 'exam-1-heart-rate')).toMatchObject({ meta: { versionId: '2' }, status: 'final' });
    expect(get('Observation', 'exam-1-gad7')).toMatchObject({
      status: 'entered-in-error',
      meta: { versionId: '2' },
      note: [{ text: 'Withdrawn by the amendment signed as version 2.' }],
    });
    expect(get('Observation', 'exam-3-heart-rate')).toMatchObject({ meta: { versionId: '1' }, status: 'final' });
  });
});

describe('plans: MedicationRequest', () => {
  it('writes one MedicationRequest per signed plan version, none for the open draft', () => {
    expect(ofType('MedicationRequest').map((request) => request.id)).toEqual(['plan-2-v1', 'plan-2-v2', 'plan-4-v1']);
  });

  it('stops a superseded version and a discontinued plan, with the reason; the current version is active', () => {
    expect(get('MedicationRequest', 'plan-2-v1')).toMatchObject({
      status: 'stopped',
      statusReason: { text: 'Superseded by version 2 (amended): Dissociation at 1.5 mg/kg: dose reduced' },
    });
    const current = get('MedicationRequest', 'plan-2-v2');
    expect(current).toMatchObject({
      status: 'active',
      intent: 'order',
      priorPrescription: { reference: 'MedicationRequest/plan-2-v1' },
      authoredOn: '2026-11-09T14:10:00.000Z',
      requester: { reference: 'Practitioner/user-2', display: 'Ana Ruiz, MD' },
      medicationReference: { reference: '#medication' },
      contained: [{ resourceType: 'Medication', code: { text: 'Ketamine hydrochloride 50 mg/mL' } }],
      reasonReference: [{ reference: 'Condition/exam-1-indication/_history/2' }],
    });
    expect(current).not.toHaveProperty('statusReason');
    expect(get('MedicationRequest', 'plan-4-v1')).toMatchObject({
      status: 'stopped',
      statusReason: { text: 'Discontinued: Patient moved to another clinic' },
    });
  });

  it('writes dose in mg with the pump rate in mL/h, the rate in mg/h and mg/kg/h, and the ordered mg/kg', () => {
    const text = line('MedicationRequest', 'plan-2-v2');
    // 0.6 × 72.4 is 43.440000000000005 in binary floating point; the export says 43.44.
    expect(String(0.6 * 72.4)).toBe('43.440000000000005');
    expect(text).toContain(
      '"doseQuantity":{"value":43.44,"unit":"mg","system":"http://unitsofmeasure.org","code":"mg"}',
    );
    expect(text).toContain(
      '"rateQuantity":{"value":151.3,"unit":"mL/h","system":"http://unitsofmeasure.org","code":"mL/h"}',
    );
    expect(text).toContain('"rateQuantity":{"value":65.16,"unit":"mg/h"');
    expect(text).toContain('"rateQuantity":{"value":0.9,"unit":"mg/kg/h"');
    expect(text).toContain('"doseQuantity":{"value":0.6,"unit":"mg/kg"');
    const [dosage] = get('MedicationRequest', 'plan-2-v2').dosageInstruction as Record<string, unknown>[];
    expect(dosage).toMatchObject({
      timing: { repeat: { count: 6, duration: 40, durationUnit: 'min', frequency: 1, period: 7, periodUnit: 'd' } },
      route: { coding: [{ system: 'http://snomed.info/sct', code: '47625008' }] },
      additionalInstruction: [{ text: 'Check observations every 15 min' }],
    });
    expect(dosage?.text).toContain('Total dose: 0.6 mg/kg × 72.4 kg = 43.44 mg (exact)');
    expect(dosage?.text).toContain('Weight used: 72.4 kg, measured on 02-Nov-2026, from the exam');
    const types = (dosage?.doseAndRate as { type: Coded }[]).map((row) => codes(row.type)[0]);
    expect(types).toEqual([
      'http://terminology.hl7.org/CodeSystem/dose-rate-type|calculated',
      'http://terminology.hl7.org/CodeSystem/dose-rate-type|calculated',
      'http://terminology.hl7.org/CodeSystem/dose-rate-type|calculated',
      'http://terminology.hl7.org/CodeSystem/dose-rate-type|ordered',
    ]);
  });

  it('carries each override reason with the range it answers, and the other notes', () => {
    expect(get('MedicationRequest', 'plan-2-v1').note).toEqual([
      {
        text: "Reason for dose per kg outside your clinic's configured range (0.1–1 mg/kg): Tolerated 1.5 mg/kg in the previous series without adverse events",
      },
      {
        text: "Reason for total dose outside your clinic's configured range (at most 100 mg): =Weight-based dose above the usual total; reviewed with the patient",
      },
      { text: 'Premedication: Ondansetron 4 mg IV' },
    ]);
    expect(line('MedicationRequest', 'plan-4-v1')).toContain('"doseQuantity":{"value":36.29,"unit":"mg"');
  });
});

describe('Provenance: signatures, amendments, discontinuation', () => {
  const signatureCode = (id: string) =>
    ((get('Provenance', id).signature as { type: { code: string }[] }[])[0]?.type ?? []).map((type) => type.code);

  it('writes one Provenance per signature with the ASTM E1762 type of its meaning and the signed SHA-256', () => {
    const signatures = records.flatMap((record) => record.versions.flatMap((version) => version.signatures));
    expect(ofType('Provenance').filter((provenance) => provenance.id.startsWith('signature-'))).toHaveLength(
      signatures.length,
    );
    expect(signatureCode('signature-1')).toEqual(['1.2.840.10065.1.12.1.1']);
    expect(signatureCode('signature-2')).toEqual(['1.2.840.10065.1.12.1.1', '1.2.840.10065.1.12.1.15']);
    expect(signatureCode('signature-3')).toEqual(['1.2.840.10065.1.12.1.5']);
    expect(signatureCode('signature-6')).toEqual(['1.2.840.10065.1.12.1.6']);
    for (const signature of signatures) {
      const provenance = get('Provenance', `signature-${signature.id}`);
      expect(provenance).toMatchObject({
        recorded: signature.signedAt,
        signature: [
          {
            extension: [
              { url: 'urn:dosing-ledger:fhir:extension:content-sha256', valueString: signature.contentSha256 },
            ],
            when: signature.signedAt,
            who: { reference: `Practitioner/user-${signature.signerUserId}`, display: signature.printedName },
          },
        ],
      });
      expect((provenance.signature as Record<string, unknown>[])[0]).not.toHaveProperty('data');
      expect(signature.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(get('Provenance', 'signature-3')).toMatchObject({
      agent: [{ type: { coding: [{ code: 'verifier' }] }, who: { reference: 'Practitioner/user-5' } }],
      activity: { coding: [{ code: 'VRF' }] },
    });
  });

  it('targets exactly what was signed: the plan version, or each exam resource at that version', () => {
    expect(get('Provenance', 'signature-4').target).toEqual([{ reference: 'MedicationRequest/plan-2-v1' }]);
    const examTargets = (get('Provenance', 'signature-1').target as { reference: string }[]).map((t) => t.reference);
    expect(examTargets).toContain('Encounter/exam-1/_history/1');
    expect(examTargets).toContain('Observation/exam-1-gad7/_history/1');
    expect(examTargets.every((reference) => reference.endsWith('/_history/1'))).toBe(true);
  });

  it('writes each amendment as an UPDATE with its reason, naming the version it revised', () => {
    expect(get('Provenance', 'plan-2-v2-amendment')).toMatchObject({
      target: [{ reference: 'MedicationRequest/plan-2-v2' }],
      occurredPeriod: { start: '2026-11-09T14:00:00.000Z', end: '2026-11-09T14:10:00.000Z' },
      recorded: '2026-11-09T14:10:00.000Z',
      activity: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-DataOperation', code: 'UPDATE' }] },
      reason: [{ text: 'Dissociation at 1.5 mg/kg: dose reduced' }],
      entity: [{ role: 'revision', what: { reference: 'MedicationRequest/plan-2-v1' } }],
    });
    expect(get('Provenance', 'exam-1-v2-amendment')).toMatchObject({
      entity: [{ role: 'revision', what: { reference: 'Encounter/exam-1/_history/1' } }],
    });
  });

  it('writes the discontinuation with its reason and the practitioner found in the audit log', () => {
    expect(get('Provenance', 'plan-4-discontinued')).toMatchObject({
      target: [{ reference: 'MedicationRequest/plan-4-v1' }],
      recorded: '2026-11-20T18:00:00.000Z',
      reason: [{ text: 'Patient moved to another clinic' }],
      activity: { coding: [{ code: 'ABORT' }] },
      agent: [{ who: { reference: 'Practitioner/user-2', display: 'Ana Ruiz, MD' } }],
    });
  });

  it('falls back to the printed name when the audit entry of a discontinuation is not in the export', () => {
    const without = allNdjsonResources(buildExportFiles(exportSnapshot({ auditEntries: [] })));
    expect(resourceById(without, 'Provenance', 'plan-4-discontinued').agent).toEqual([
      {
        type: {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type',
              code: 'author',
              display: 'Author',
            },
          ],
        },
        who: { display: 'Ana Ruiz, MD' },
      },
    ]);
  });
});

describe('AuditEvent per audit log entry', () => {
  it('maps action names to C/R/U/D/E and failures to outcome 4', () => {
    const table: [string, string][] = [
      ['patient.created', 'C'],
      ['record.amendment-started', 'C'],
      ['session.entry-added', 'C'],
      ['patient.viewed', 'R'],
      ['chairside.viewed', 'R'],
      ['record.signed', 'U'],
      ['record.draft-saved', 'U'],
      ['record.discontinued', 'U'],
      ['user.deactivated', 'U'],
      ['record.draft-discarded', 'D'],
      ['auth.signed-in', 'E'],
      ['auth.sign-in-failed', 'E'],
      ['something.unheard-of', 'E'],
    ];
    expect(table.map(([action]) => [action, auditActionCode(action)])).toEqual(table);
    expect(auditOutcome('auth.sign-in-failed')).toBe('4');
    expect(auditOutcome('record.signing-password-wrong')).toBe('4');
    expect(auditOutcome('record.signed')).toBe('0');
  });

  it('writes one AuditEvent per entry, carrying every chained field and the hash', () => {
    expect(ofType('AuditEvent')).toHaveLength(auditEntries.length);
    for (const entry of auditEntries) {
      const event = get('AuditEvent', `audit-${entry.seq}`);
      expect(event.recorded).toBe(entry.at);
      const [entity] = event.entity as { detail: { type: string; valueString: string }[] }[];
      const detail = Object.fromEntries((entity?.detail ?? []).map((item) => [item.type, item.valueString]));
      expect(detail).toMatchObject({
        seq: String(entry.seq),
        hash: entry.hash,
        prevHash: entry.prevHash,
        action: entry.action,
      });
      expect((event.subtype as { code: string }[]).map((coding) => coding.code)).toContain(entry.action);
    }
  });

  it('names the actor as a Practitioner, and points at the record where the export holds it', () => {
    expect(get('AuditEvent', 'audit-7')).toMatchObject({
      action: 'U',
      type: { system: 'http://dicom.nema.org/resources/ontology/DCM', code: '110110', display: 'Patient Record' },
      agent: [{ who: { reference: 'Practitioner/user-2' }, requestor: true }],
      entity: [{ what: { reference: 'MedicationRequest/plan-2-v1' } }],
      source: { observer: { reference: 'Device/dosing-ledger' } },
    });
    expect(get('AuditEvent', 'audit-4')).toMatchObject({
      action: 'C',
      entity: [{ what: { reference: 'Encounter/exam-1' } }, { what: { reference: 'Patient/patient-1' } }],
    });
    // The draft version 203 is not exported: identified, not referenced.
    expect(get('AuditEvent', 'audit-9')).toMatchObject({
      entity: [{ what: { identifier: { system: 'urn:dosing-ledger:audit-entity', value: 'plan/2' } } }],
    });
    expect(get('AuditEvent', 'audit-1')).toMatchObject({
      outcome: '4',
      outcomeDesc: 'unknown username',
      agent: [{ name: 'Not signed in', requestor: true }],
    });
  });
});

it('exports every resource type the issue lists', () => {
  const listed = [
    'Patient',
    'Practitioner',
    'Organization',
    'Encounter',
    'Condition',
    'Observation',
    'MedicationRequest',
    'Provenance',
    'AuditEvent',
  ];
  const present = new Set(resources.map((resource: JsonResource) => resource.resourceType));
  expect(listed.filter((type) => !present.has(type))).toEqual([]);
});
