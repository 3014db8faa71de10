import { Decimal } from './quantity';
import { formatQuantity } from './quantity';
import type { DisplayUnit } from './quantity-text';
import { derivedFigure, derivedQuantityText, displaySteps } from './quantity-text';
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

export const derivedUnits = {
  totalMg: 'mg',
  rateMgPerH: 'mg/h',
  rateMgPerKgPerH: 'mg/kg/h',
  drugVolumeMl: 'mL',
  finalVolumeMl: 'mL',
  finalConcentrationMgPerMl: 'mg/mL',
  rateMlPerH: 'mL/h',
} as const satisfies Record<string, DisplayUnit>;
export type DerivedQuantity = keyof typeof derivedUnits;

/** How each derived figure is rounded for display (half away from zero): its unit's rule. */
export const roundingSteps = Object.fromEntries(
  Object.entries(derivedUnits).map(([quantity, unit]) => [quantity, displaySteps[unit]]),
) as Record<DerivedQuantity, string>;

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
/** A worked-out figure used in a later formula, shown as printed: "≈ 36.29 mg" when rounded. */
const operand = (value: Decimal, unit: DisplayUnit) => derivedQuantityText(value, unit);

/** Computes every derived figure the entries allow, with its formula. */
export function deriveDose(entry: DoseEntry): DoseDerivation {
  const exact: DoseDerivation['exact'] = {};
  const rounded: DoseDerivation['rounded'] = {};
  const lines: DerivationLine[] = [];
  const missing: string[] = [];
  const put = (quantity: DerivedQuantity, value: Decimal, formula: string) => {
    const unit = derivedUnits[quantity];
    const figure = derivedFigure(value, unit);
    exact[quantity] = value;
    rounded[quantity] = figure.shown.toString();
    lines.push({
      quantity,
      label: labels[quantity],
      // "=" and the rounding rule beside it: the reader who redoes the sum rounds by that rule.
      formula: `${formula} = ${show(figure.shown, unit)}`,
      shown: show(figure.shown, unit),
      rounding: figure.rounded ? `rounded to ${displaySteps[unit]} ${unit}` : 'exact',
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

  // Per hour as "× 60 ÷ minutes", one division last: 40 min is 0.666… h, and dividing by a
  // rounded hour count would give 59.999… mg/kg/h for 1 mg/kg over 1 min, past a bound of 60.
  const minutes = new Exact(entry.durationMin);
  const duration = formatDurationMin(entry.durationMin);
  const rateMgPerH = totalMg.times(60).dividedBy(minutes);
  put('rateMgPerH', rateMgPerH, `${operand(totalMg, 'mg')} over ${duration}`);
  if (entry.weightKg !== null && !entry.weightKg.isZero()) {
    put(
      'rateMgPerKgPerH',
      totalMg.times(60).dividedBy(minutes.times(entry.weightKg)),
      `${operand(rateMgPerH, 'mg/h')} ÷ ${show(entry.weightKg, 'kg')}`,
    );
  }
  const concentration = new Exact(entry.concentrationMgPerMl);
  if (concentration.isZero()) {
    missing.push('the concentration');
    return { exact, rounded, lines, missing };
  }
  const drugVolumeMl = totalMg.dividedBy(concentration);
  put('drugVolumeMl', drugVolumeMl, `${operand(totalMg, 'mg')} ÷ ${show(concentration, 'mg/mL')}`);
  const diluent = new Exact(entry.diluentVolumeMl);
  // diluent + mg ÷ (mg/mL) over one denominator, so the figures below divide only once.
  const finalVolumeTimesConcentration = diluent.times(concentration).plus(totalMg);
  const finalVolumeMl = finalVolumeTimesConcentration.dividedBy(concentration);
  put('finalVolumeMl', finalVolumeMl, `${show(diluent, 'mL')} diluent + ${operand(drugVolumeMl, 'mL')} drug`);
  // An empty bag (no drug, no diluent) has no concentration to show.
  if (!finalVolumeTimesConcentration.isZero()) {
    put(
      'finalConcentrationMgPerMl',
      totalMg.times(concentration).dividedBy(finalVolumeTimesConcentration),
      `${operand(totalMg, 'mg')} ÷ ${operand(finalVolumeMl, 'mL')}`,
    );
  }
  put(
    'rateMlPerH',
    finalVolumeTimesConcentration.times(60).dividedBy(concentration.times(minutes)),
    `${operand(finalVolumeMl, 'mL')} over ${duration}`,
  );
  return { exact, rounded, lines, missing };
}
