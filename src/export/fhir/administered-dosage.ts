import { Decimal, formatQuantity, roundToStep } from '../../domain/quantity';
import type { PlanVersion } from '../snapshot-index';
import { ledgerSystems } from './code-systems';
import type { CodeableConcept, Extension, Quantity } from './datatypes';
import { intravenous, quantity } from './dosage';
import { bagContents } from './medication';

interface DosageBase {
  extension?: Extension[];
  text?: string;
  route: CodeableConcept;
}

/**
 * MedicationAdministration.dosage. R4's invariant mad-1 says it "SHALL have at least one of
 * dosage.dose or dosage.rate[x]"; this type says the same, so a dosage with neither cannot
 * be built. Where neither is known, the resource has no dosage at all (it is optional).
 */
export type AdministrationDosage = DosageBase &
  ({ dose: Quantity; rateQuantity?: Quantity } | { dose?: Quantity; rateQuantity: Quantity });

export interface DosageParts {
  extension?: Extension[];
  text?: string;
  dose?: Quantity;
  rateQuantity?: Quantity;
}

export function administrationDosage(parts: DosageParts): AdministrationDosage | undefined {
  const base = { extension: parts.extension, text: parts.text, route: intravenous };
  const { dose, rateQuantity } = parts;
  if (dose !== undefined) return { ...base, dose, rateQuantity };
  if (rateQuantity !== undefined) return { ...base, rateQuantity };
  return undefined;
}

const Exact = Decimal.clone({ precision: 40 });
const mgStep = '0.01';

/**
 * An amount of the bag in mg: volume × total mg ÷ final volume, with its formula in words
 * ("100.7 mL × 43.44 mg ÷ 100.87 mL = 43.37 mg (rounded to 0.01 mg)."). The figures are the
 * volume or rate as charted and the bag as signed; the result is rounded as the plan rounds
 * mg and mg/h, and says so when it is rounded.
 */
function inMilligrams(
  amount: string,
  unit: 'mL' | 'mL/h',
  bag: { totalMg: string; finalVolumeMl: string },
): { value: string; text: string } {
  const resultUnit = unit === 'mL' ? 'mg' : 'mg/h';
  const exact = new Exact(amount).times(bag.totalMg).dividedBy(bag.finalVolumeMl);
  const rounded = roundToStep(exact, mgStep);
  const rounding = rounded.equals(exact) ? '' : ` (rounded to ${mgStep} ${resultUnit})`;
  const formula = `${formatQuantity(amount, unit)} × ${formatQuantity(bag.totalMg, 'mg')} ÷ ${formatQuantity(bag.finalVolumeMl, 'mL')}`;
  return { value: rounded.toFixed(), text: `${formula} = ${formatQuantity(rounded, resultUnit)}${rounding}.` };
}

/**
 * The infusion as a whole once its volume is charted: the dose in mg (the unit the physician
 * ordered in), the volume read from the pump as an extension and in words. Without the plan
 * in the export the bag is not known, so the dose stays the volume in mL.
 */
export function infusedDose(volumeMl: string, plan: PlanVersion | undefined): DosageParts {
  const volume = quantity(volumeMl, 'mL');
  const read = `Volume infused ${formatQuantity(volumeMl, 'mL')}, as read from the pump.`;
  const extension = [{ url: ledgerSystems.volumeInfused, valueQuantity: volume }];
  const bag = plan === undefined ? undefined : bagContents(plan);
  if (bag === undefined) {
    return {
      extension,
      text: `${read} The plan is not in this export, so the dose is given as that volume.`,
      dose: volume,
    };
  }
  const mg = inMilligrams(volumeMl, 'mL', bag);
  return { extension, text: `${read} ${mg.text}`, dose: quantity(mg.value, 'mg') };
}

/** One stretch at one pump rate: the rate as charted (mL/h), and in words what that is in mg/h. */
export function chartedRate(rateMlPerH: string | null, plan: PlanVersion | undefined): DosageParts {
  if (rateMlPerH === null) return {};
  const bag = plan === undefined ? undefined : bagContents(plan);
  const charted = `Pump rate ${formatQuantity(rateMlPerH, 'mL/h')}, as charted.`;
  return {
    text: bag === undefined ? charted : `${charted} ${inMilligrams(rateMlPerH, 'mL/h', bag).text}`,
    rateQuantity: quantity(rateMlPerH, 'mL/h'),
  };
}
