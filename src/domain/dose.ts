import { Decimal } from './quantity';
import { formatQuantity, roundToStep } from './quantity';
import { formatDurationMin } from './time';

/**
 * Arithmetic on what the physician entered: never a suggestion. Every figure is exact
 * until it is shown; what is shown is rounded by the rule printed beside it.
 */
const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export interface DoseEntry {
  basis: 'mg/kg' | 'fixed';
  /** mg/kg, when the basis is mg/kg. */
  doseMgPerKg: string | null;
  /** Exact kilograms of the weight used; required for mg/kg, optional for a fixed dose. */
  weightKg: Decimal | null;
  /** mg, when the basis is a fixed amount. */
  doseMg: string | null;
  durationMin: number;
  concentrationMgPerMl: string;
  diluentVolumeMl: string;
}

/** How each derived figure is rounded for display (half away from zero). */
export const roundingSteps = {
  totalMg: '0.01',
  rateMgPerH: '0.01',
  rateMgPerKgPerH: '0.001',
  drugVolumeMl: '0.01',
  finalVolumeMl: '0.01',
  finalConcentrationMgPerMl: '0.001',
  rateMlPerH: '0.1',
} as const;
export type DerivedQuantity = keyof typeof roundingSteps;

export const derivedUnits: Record<DerivedQuantity, string> = {
  totalMg: 'mg',
  rateMgPerH: 'mg/h',
  rateMgPerKgPerH: 'mg/kg/h',
  drugVolumeMl: 'mL',
  finalVolumeMl: 'mL',
  finalConcentrationMgPerMl: 'mg/mL',
  rateMlPerH: 'mL/h',
};

export interface DerivationLine {
  quantity: DerivedQuantity;
  label: string;
  /** "0.5 mg/kg × 72.4 kg = 36.2 mg" */
  formula: string;
  /** The rounded figure as printed, "36.2 mg". */
  shown: string;
  /** "rounded to 0.01 mg" */
  rounding: string;
}

export interface DoseDerivation {
  /** Exact values, for checks against limits and for the record. */
  exact: Partial<Record<DerivedQuantity, Decimal>>;
  /** Rounded values as decimal strings, as stored with a signed plan. */
  rounded: Partial<Record<DerivedQuantity, string>>;
  lines: DerivationLine[];
  /** What is missing before the arithmetic can be done, in words. */
  missing: string[];
}

const labels: Record<DerivedQuantity, string> = {
  totalMg: 'Total dose',
  rateMgPerH: 'Rate',
  rateMgPerKgPerH: 'Rate per kg',
  drugVolumeMl: 'Drug volume to add',
  finalVolumeMl: 'Final bag volume',
  finalConcentrationMgPerMl: 'Final concentration',
  rateMlPerH: 'Pump rate',
};

const show = (value: Decimal, unit: string) => formatQuantity(value, unit);

/** Computes every derived figure the entries allow, with its formula. */
export function deriveDose(entry: DoseEntry): DoseDerivation {
  const exact: DoseDerivation['exact'] = {};
  const rounded: DoseDerivation['rounded'] = {};
  const lines: DerivationLine[] = [];
  const missing: string[] = [];
  const put = (quantity: DerivedQuantity, value: Decimal, formula: string) => {
    const unit = derivedUnits[quantity];
    const step = roundingSteps[quantity];
    const display = roundToStep(value, step);
    exact[quantity] = value;
    rounded[quantity] = display.toString();
    lines.push({
      quantity,
      label: labels[quantity],
      formula: `${formula} = ${show(value.equals(display) ? value : display, unit)}`,
      shown: show(display, unit),
      rounding: value.equals(display) ? 'exact' : `rounded to ${step} ${unit}`,
    });
  };

  let totalMg: Decimal | null = null;
  if (entry.basis === 'mg/kg') {
    if (entry.doseMgPerKg === null) missing.push('the dose in mg/kg');
    if (entry.weightKg === null) missing.push('the weight used');
    if (entry.doseMgPerKg !== null && entry.weightKg !== null) {
      const weight = new Exact(entry.weightKg);
      totalMg = new Exact(entry.doseMgPerKg).times(weight);
      put('totalMg', totalMg, `${show(new Exact(entry.doseMgPerKg), 'mg/kg')} × ${show(weight, 'kg')}`);
    }
  } else if (entry.doseMg === null) {
    missing.push('the dose in mg');
  } else {
    totalMg = new Exact(entry.doseMg);
    put('totalMg', totalMg, `Fixed dose ${show(totalMg, 'mg')}`);
  }
  if (!(entry.durationMin > 0)) missing.push('the duration');
  if (totalMg === null || !(entry.durationMin > 0)) return { exact, rounded, lines, missing };

  const hours = new Exact(entry.durationMin).dividedBy(60);
  const duration = formatDurationMin(entry.durationMin);
  const rateMgPerH = totalMg.dividedBy(hours);
  put('rateMgPerH', rateMgPerH, `${show(roundToStep(totalMg, roundingSteps.totalMg), 'mg')} over ${duration}`);
  if (entry.weightKg !== null && !entry.weightKg.isZero()) {
    put(
      'rateMgPerKgPerH',
      rateMgPerH.dividedBy(entry.weightKg),
      `${show(roundToStep(rateMgPerH, roundingSteps.rateMgPerH), 'mg/h')} ÷ ${show(entry.weightKg, 'kg')}`,
    );
  }
  const concentration = new Exact(entry.concentrationMgPerMl);
  if (concentration.isZero()) {
    missing.push('the concentration');
    return { exact, rounded, lines, missing };
  }
  const drugVolumeMl = totalMg.dividedBy(concentration);
  put(
    'drugVolumeMl',
    drugVolumeMl,
    `${show(roundToStep(totalMg, roundingSteps.totalMg), 'mg')} ÷ ${show(concentration, 'mg/mL')}`,
  );
  const diluent = new Exact(entry.diluentVolumeMl);
  const finalVolumeMl = diluent.plus(drugVolumeMl);
  put(
    'finalVolumeMl',
    finalVolumeMl,
    `${show(diluent, 'mL')} diluent + ${show(roundToStep(drugVolumeMl, roundingSteps.drugVolumeMl), 'mL')} drug`,
  );
  put(
    'finalConcentrationMgPerMl',
    totalMg.dividedBy(finalVolumeMl),
    `${show(roundToStep(totalMg, roundingSteps.totalMg), 'mg')} ÷ ${show(roundToStep(finalVolumeMl, roundingSteps.finalVolumeMl), 'mL')}`,
  );
  put(
    'rateMlPerH',
    finalVolumeMl.dividedBy(hours),
    `${show(roundToStep(finalVolumeMl, roundingSteps.finalVolumeMl), 'mL')} over ${duration}`,
  );
  return { exact, rounded, lines, missing };
}
