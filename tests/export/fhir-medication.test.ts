import { describe, expect, it } from 'vitest';
import { buildExportFiles } from '../../src/export/export-files';
import type { JsonResource } from './support/export-reader';
import { allNdjsonResources, fileText, resourceById } from './support/export-reader';
import { r4Errors } from './support/r4-validator';
import { stateSessions } from './support/session-states-fixture';
import { exportSnapshot, fixtureFormulary, plannedRate, sessions } from './support/snapshot-fixture';
import { ucumErrors } from './support/ucum-codes';

/**
 * Issue 12, point 7: the medication is coded (RxNorm, where the clinic's formulary entry has a
 * code), the dose is in the unit the clinician recorded (mg) with the volume and the
 * concentration beside it, and rates are in UCUM as recorded; decimals stay exact.
 */
const allSessions = [...sessions, ...stateSessions(plannedRate(202))];
const files = buildExportFiles(exportSnapshot({ sessions: allSessions }));
const resources = allNdjsonResources(files);
const get = (type: string, id: string) => resourceById(resources, type, id);
const rxnorm = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const ucum = (value: number, code: string) => ({ value, unit: code, system: 'http://unitsofmeasure.org', code });

interface Medication {
  resourceType: string;
  id: string;
  code: { coding?: { system: string; code: string }[]; text: string };
  ingredient: { itemCodeableConcept: unknown; isActive?: boolean; strength?: unknown }[];
  batch?: { lotNumber?: string; expirationDate?: string };
}
const containedMedication = (resource: JsonResource): Medication => {
  expect(resource.medicationReference).toEqual({ reference: '#medication' });
  const [medication, ...others] = (resource.contained ?? []) as Medication[];
  expect(others).toEqual([]);
  if (medication === undefined) throw new Error(`${resource.id} contains no Medication`);
  return medication;
};

describe('the medication, coded, with its concentration', () => {
  it('names the drug with the RxNorm code of its formulary entry and the text printed on the plan', () => {
    const ordered = containedMedication(get('MedicationRequest', 'plan-2-v2'));
    expect(ordered).toMatchObject({
      resourceType: 'Medication',
      id: 'medication',
      code: { coding: [{ system: rxnorm, code: '6130' }], text: 'Ketamine hydrochloride 50 mg/mL' },
    });
    expect(get('MedicationRequest', 'plan-2-v2')).not.toHaveProperty('medicationCodeableConcept');
  });

  it('gives the strength of the prepared infusion as signed: total mg per final bag volume, exactly', () => {
    const ordered = containedMedication(get('MedicationRequest', 'plan-2-v2'));
    expect(ordered.ingredient).toEqual([
      {
        itemCodeableConcept: { coding: [{ system: rxnorm, code: '6130' }], text: 'Ketamine hydrochloride' },
        isActive: true,
        strength: { numerator: ucum(43.44, 'mg'), denominator: ucum(100.87, 'mL') },
      },
      { itemCodeableConcept: { text: '0.9% sodium chloride' }, isActive: false },
    ]);
  });

  it('gives the infusion the same medication as its order, with the lot and its expiry', () => {
    const given = containedMedication(get('MedicationAdministration', 'session-7-infusion'));
    const { batch, ...rest } = given;
    expect(rest).toEqual(containedMedication(get('MedicationRequest', 'plan-2-v2')));
    expect(batch).toEqual({ lotNumber: 'K123', expirationDate: '2027-06' });
    // Each stretch at one rate names the same medication.
    expect(containedMedication(get('MedicationAdministration', 'session-7-infusion-705'))).toEqual(given);
  });

  it('leaves the code out when the formulary entry has none (older formulary versions have no such field)', () => {
    const uncoded = {
      ...fixtureFormulary,
      drugs: fixtureFormulary.drugs.map(({ rxNormCode: _code, ...drug }) => drug),
    };
    const plain = allNdjsonResources(
      buildExportFiles(exportSnapshot({ formularies: [{ version: 1, content: uncoded }] })),
    );
    const medication = containedMedication(resourceById(plain, 'MedicationRequest', 'plan-2-v2'));
    expect(medication.code).toEqual({ text: 'Ketamine hydrochloride 50 mg/mL' });
    expect(plain.flatMap(r4Errors)).toEqual([]);
  }, 300_000);
});

describe('the dose and the rate as recorded', () => {
  it('gives the dose infused in mg, with the volume read from the pump and the arithmetic in words', () => {
    const infusion = get('MedicationAdministration', 'session-7-infusion');
    expect(infusion.dosage).toMatchObject({
      dose: ucum(43.37, 'mg'),
      extension: [{ url: 'urn:dosing-ledger:fhir:extension:volume-infused', valueQuantity: ucum(100.7, 'mL') }],
    });
    expect((infusion.dosage as { text: string }).text).toBe(
      'Volume infused 100.7 mL, as read from the pump. 100.7 mL × 43.44 mg ÷ 100.87 mL = 43.37 mg (rounded to 0.01 mg).',
    );
    expect(get('MedicationAdministration', 'session-8-infusion').dosage).toMatchObject({ dose: ucum(14.95, 'mg') });
  });

  it('keeps each stretch at its pump rate in mL/h, as charted, and says what that is in mg/h', () => {
    const stretch = get('MedicationAdministration', 'session-7-infusion-705');
    expect(stretch.dosage).toMatchObject({ rateQuantity: ucum(120, 'mL/h') });
    expect((stretch.dosage as { text: string }).text).toBe(
      'Pump rate 120 mL/h, as charted. 120 mL/h × 43.44 mg ÷ 100.87 mL = 51.68 mg/h (rounded to 0.01 mg/h).',
    );
  });

  it('writes the order’s doses and rates in UCUM: mg, mg/kg, mL/h, mg/h, mg/kg/h', () => {
    const request = get('MedicationRequest', 'plan-2-v2');
    const [instruction] = request.dosageInstruction as {
      doseAndRate: { doseQuantity?: { code: string }; rateQuantity?: { code: string } }[];
    }[];
    const codes = (instruction?.doseAndRate ?? []).flatMap((row) => [row.doseQuantity?.code, row.rateQuantity?.code]);
    expect(codes.filter((code) => code !== undefined).sort()).toEqual(['mL/h', 'mg', 'mg/h', 'mg/kg', 'mg/kg/h']);
  });

  it('uses only valid UCUM codes (checked with the NLM’s UCUM library), in every resource', () => {
    expect(resources.flatMap(ucumErrors)).toEqual([]);
    const micrograms = {
      resourceType: 'Observation',
      valueQuantity: { system: 'http://unitsofmeasure.org', code: 'mcg' },
    };
    expect(ucumErrors(micrograms)).not.toEqual([]);
  });

  it('writes decimals exactly as computed, never through binary floating point', () => {
    const text = fileText(files, 'fhir/ndjson/MedicationAdministration.ndjson');
    expect(text).toContain('"dose":{"value":43.37,"unit":"mg"');
    expect(text).toContain('"numerator":{"value":43.44,');
    expect(text).not.toMatch(/\d\.\d*0000000|\d\.\d*9999999/);
  });
});
