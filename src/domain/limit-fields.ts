import type { LimitCheck, LimitFinding } from './limits';
import { limitedQuantities } from './limits';
import { weightAgeLabel } from './shared-labels';

/**
 * Which entries of a plan produce each value the clinic's limits bound. A finding belongs to
 * the fields a physician would change to move the value (a rate per kg comes from the dose,
 * the weight and the duration), never to one field picked by habit.
 */
export type PlanField =
  | 'doseMgPerKg'
  | 'doseMg'
  | 'weight'
  | 'weight.measuredOn'
  | 'durationMin'
  | 'concentrationMgPerMl'
  | 'diluentVolumeMl'
  | 'syringeVolumeMl';

/** The plan's dose basis; none chosen yet reads as mg/kg, the only basis a weight serves. */
export type LimitDoseBasis = 'mg/kg' | 'fixed' | null;
/** How the drug is given; absent in plans from before the choice existed, which were all bags. */
export type LimitAdministration = 'bag' | 'syringe' | 'undiluted' | null | undefined;

/** Field names as they read in a sentence, the same words as the plan form's labels. */
export const planFieldLabels: Record<PlanField, string> = {
  doseMgPerKg: 'Dose (mg/kg)',
  doseMg: 'Dose (mg)',
  weight: 'Weight used',
  'weight.measuredOn': 'Date of the weight used',
  durationMin: 'Duration',
  concentrationMgPerMl: 'Concentration',
  diluentVolumeMl: 'Diluent volume',
  syringeVolumeMl: 'Syringe volume',
};

/** The dose as typed: mg/kg times the weight, or a fixed amount in mg. */
const dose = (basis: LimitDoseBasis): PlanField[] => (basis === 'fixed' ? ['doseMg'] : ['doseMgPerKg', 'weight']);
/** What the drug is diluted to: a bag's diluent, a syringe's made-up volume, or nothing. */
const dilution = (administration: LimitAdministration): PlanField[] => {
  if (administration === 'undiluted') return [];
  return administration === 'syringe' ? ['syringeVolumeMl'] : ['diluentVolumeMl'];
};
/** Per-kg figures divide by the weight, whatever the basis. */
const dosePerKg = (basis: LimitDoseBasis): PlanField[] => (basis === 'fixed' ? ['doseMg', 'weight'] : dose(basis));

/**
 * Total over every check: a quantity added to `limitedQuantities` without an entry here
 * fails the typecheck, so no finding is ever left without its fields. Listed in the order
 * a physician reads them on the form; the first is where the finding is shown.
 */
const limitFieldRules = {
  doseMgPerKg: () => ['doseMgPerKg'],
  totalMg: (basis) => dose(basis),
  rateMgPerKgPerH: (basis) => [...dosePerKg(basis), 'durationMin'],
  durationMin: () => ['durationMin'],
  concentrationMgPerMl: () => ['concentrationMgPerMl'],
  weightAge: () => ['weight.measuredOn'],
  rateMgPerH: (basis) => [...dose(basis), 'durationMin'],
  // mL/h is the volume given (drug volume from the dose and concentration, plus any diluent) over the time.
  rateMlPerH: (basis, administration) => [
    ...dose(basis),
    'concentrationMgPerMl',
    ...dilution(administration),
    'durationMin',
  ],
} satisfies Record<LimitCheck, (basis: LimitDoseBasis, administration: LimitAdministration) => PlanField[]>;

/** The plan fields that produce the value a check compares, first the one the finding is shown at. */
export function limitFields(
  check: LimitCheck,
  basis: LimitDoseBasis,
  administration: LimitAdministration = 'bag',
): readonly PlanField[] {
  return limitFieldRules[check](basis, administration);
}

/** "Dose per kg", "Rate per kg", "Age of the weight": what a check compares. */
export function limitCheckLabel(check: LimitCheck): string {
  return check === 'weightAge' ? weightAgeLabel : limitedQuantities[check].label;
}

/** "A", "A and B", "A, B and C". */
function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/**
 * "Worked out from Dose (mg/kg), Weight used and Duration.", or nothing when the value is
 * typed into a field of its own (the dose per kg, the duration): that field says it already.
 */
export function producedFromText(
  check: LimitCheck,
  basis: LimitDoseBasis,
  administration: LimitAdministration = 'bag',
): string {
  const fields = limitFields(check, basis, administration);
  if (fields.length === 1 && fields[0] === check) return '';
  return `Worked out from ${listInWords(fields.map((field) => planFieldLabels[field]))}.`;
}

/** A finding as a signing problem: at its first producing field, naming all of them. */
export function findingProblem(
  finding: Pick<LimitFinding, 'check' | 'message'>,
  basis: LimitDoseBasis,
  administration: LimitAdministration = 'bag',
): { path: PlanField; message: string } {
  const fields = limitFields(finding.check, basis, administration);
  const from = producedFromText(finding.check, basis, administration);
  return {
    path: fields[0] ?? 'doseMgPerKg',
    message: from === '' ? finding.message : `${finding.message} ${from}`,
  };
}
