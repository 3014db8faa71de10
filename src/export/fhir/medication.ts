import { formatNumber } from '../../domain/quantity';
import type { ExportIndex, PlanVersion } from '../snapshot-index';
import { coding, systems } from './code-systems';
import type { CodeableConcept, Ratio, Reference } from './datatypes';
import { quantity } from './dosage';

/**
 * The medication of an order and of the infusions given under it: a Medication contained in
 * each MedicationRequest and MedicationAdministration, referred to as "#medication".
 *
 * Why a Medication: R4's medicationCodeableConcept holds codes and text only, and the
 * concentration has a place only in Medication.ingredient.strength. Why contained: the
 * prepared infusion (this drug, this many mg in this bag, this lot) exists only as the order
 * and the infusions that name it, which is what R4 asks of a contained resource, and each
 * NDJSON line then stays whole on its own. R4's dom-3 (a contained resource is referred to
 * from its container) holds because medication[x] refers to it.
 */
export interface Medication {
  resourceType: 'Medication';
  id: string;
  code: CodeableConcept;
  ingredient?: { itemCodeableConcept: CodeableConcept; isActive: boolean; strength?: Ratio }[];
  batch?: { lotNumber?: string; expirationDate?: string };
}

/** medication[x] of a resource: the contained Medication, or text alone when the plan is not known. */
export type MedicationChoice =
  | { contained: [Medication]; medicationReference: Reference; medicationCodeableConcept?: undefined }
  | { contained?: undefined; medicationReference?: undefined; medicationCodeableConcept: CodeableConcept };

const containedId = 'medication';

/** The drug as the order names it ("Ketamine hydrochloride 50 mg/mL": name and stock concentration). */
export function medicationText(version: PlanVersion): string {
  const name = version.computed?.drugName || version.content.drugId || 'Drug not known';
  const concentration = version.content.concentrationMgPerMl;
  return concentration === null ? name : `${name} ${formatNumber(concentration)} mg/mL`;
}

/**
 * The prepared infusion as signed: the total dose in the final bag volume, both rounded as
 * printed on the plan. A ratio of the two, so no division has to round the concentration.
 */
export function bagContents(version: PlanVersion): { totalMg: string; finalVolumeMl: string } | undefined {
  const { totalMg, finalVolumeMl } = version.computed?.derived ?? {};
  return totalMg === undefined || finalVolumeMl === undefined ? undefined : { totalMg, finalVolumeMl };
}

function strength(version: PlanVersion): Ratio | undefined {
  const bag = bagContents(version);
  const numerator = quantity(bag?.totalMg, 'mg');
  const denominator = quantity(bag?.finalVolumeMl, 'mL');
  return numerator === undefined || denominator === undefined ? undefined : { numerator, denominator };
}

/**
 * The drug coded with the RxNorm code its formulary entry gives (in the formulary version the
 * plan was checked against), then the drug itself at the bag's strength and the diluent. A
 * batch is given for an infusion: the lot charted at its start.
 */
export function planMedication(
  index: ExportIndex,
  version: PlanVersion,
  batch?: Medication['batch'],
): Extract<MedicationChoice, { contained: [Medication] }> {
  const drug = index.drugOf(version);
  const codings = drug?.rxNormCode === undefined ? undefined : [coding(systems.rxnorm, drug.rxNormCode)];
  const name = version.computed?.drugName || drug?.name || version.content.drugId || 'Drug not known';
  const diluent = version.content.diluent.trim();
  const medication: Medication = {
    resourceType: 'Medication',
    id: containedId,
    code: { coding: codings, text: medicationText(version) },
    ingredient: [
      { itemCodeableConcept: { coding: codings, text: name }, isActive: true, strength: strength(version) },
      ...(diluent === '' ? [] : [{ itemCodeableConcept: { text: diluent }, isActive: false }]),
    ],
    batch,
  };
  return { contained: [medication], medicationReference: { reference: `#${containedId}` } };
}
