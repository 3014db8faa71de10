import type { Administration } from './administration';
import { finalVolumeLabels } from './administration';
import type { DerivationLine, FormulaPart } from './derivation-line';
import { derivationLine, derived, entered } from './derivation-line';
import type { PumpDelivery } from './dose-delivery';
import { pumpDelivery } from './dose-delivery';
import type { Pump } from './pump';
import { Decimal } from './quantity';
import type { DisplayUnit } from './quantity-text';
import { derivedFigure, displaySteps } from './quantity-text';
import { formatDurationMin } from './time';

export type { DerivationLine } from './derivation-line';

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
  /** A bag when absent, as every plan was before the choice existed. */
  administration?: Administration;
  /** The bag's diluent, in mL (a bag only). */
  diluentVolumeMl: string | null;
  /** The volume the syringe is made up to, in mL (a diluted syringe only). */
  syringeVolumeMl?: string | null;
  /** The pump the plan names, whose step decides the rate that can be programmed. */
  pump?: Pump | null;
}

export const derivedUnits = {
  totalMg: 'mg',
  rateMgPerH: 'mg/h',
  rateMgPerKgPerH: 'mg/kg/h',
  drugVolumeMl: 'mL',
  diluentToAddMl: 'mL',
  finalVolumeMl: 'mL',
  finalConcentrationMgPerMl: 'mg/mL',
  rateMlPerH: 'mL/h',
  pumpRateMlPerH: 'mL/h',
  deliveredMg: 'mg',
} as const satisfies Record<string, DisplayUnit>;
export type DerivedQuantity = keyof typeof derivedUnits;

/** How each derived figure is rounded for display (half away from zero): its unit's rule. */
export const roundingSteps = Object.fromEntries(
  Object.entries(derivedUnits).map(([quantity, unit]) => [quantity, displaySteps[unit]]),
) as Record<DerivedQuantity, string>;

export interface DoseDerivation {
  /** Exact values, for checks against limits and for the record. */
  exact: Partial<Record<DerivedQuantity, Decimal>>;
  /** Rounded values as decimal strings, as stored with a signed plan. */
  rounded: Partial<Record<DerivedQuantity, string>>;
  lines: DerivationLine[];
  /** What the programmed pump rate delivers against the signed dose. */
  delivery: PumpDelivery | null;
  /** What is missing before the arithmetic can be done, in words. */
  missing: string[];
}

const labels: Record<DerivedQuantity, string> = {
  totalMg: 'Total dose',
  rateMgPerH: 'Rate',
  rateMgPerKgPerH: 'Rate per kg',
  drugVolumeMl: 'Drug volume to draw up',
  diluentToAddMl: 'Diluent to add',
  finalVolumeMl: 'Final volume',
  finalConcentrationMgPerMl: 'Final concentration',
  rateMlPerH: 'Rate in mL/h',
  pumpRateMlPerH: 'Pump rate to program',
  deliveredMg: 'Dose the pump rate delivers',
};

/** Computes every derived figure the entries allow, with its formula. */
export function deriveDose(entry: DoseEntry): DoseDerivation {
  const administration = entry.administration ?? 'bag';
  const syringeVolumeMl = entry.syringeVolumeMl ?? null;
  const result: DoseDerivation = { exact: {}, rounded: {}, lines: [], delivery: null, missing: [] };
  const { exact, rounded, lines, missing } = result;
  const keep = (quantity: DerivedQuantity, value: Decimal) => {
    exact[quantity] = value;
    rounded[quantity] = derivedFigure(value, derivedUnits[quantity]).shown.toString();
  };
  const put = (quantity: DerivedQuantity, value: Decimal, parts: readonly FormulaPart[], label = labels[quantity]) => {
    lines.push(derivationLine(quantity, label, value, derivedUnits[quantity], parts));
    keep(quantity, value);
  };

  let totalMg: Decimal | null = null;
  if (entry.basis === 'mg/kg') {
    if (entry.doseMgPerKg === null) missing.push('the dose in mg/kg');
    if (entry.weightKg === null) missing.push('the weight used');
    if (entry.doseMgPerKg !== null && entry.weightKg !== null) {
      totalMg = new Exact(entry.doseMgPerKg).times(entry.weightKg);
      put('totalMg', totalMg, [entered(entry.doseMgPerKg, 'mg/kg'), ' × ', entered(entry.weightKg, 'kg')]);
    }
  } else if (entry.doseMg === null) {
    missing.push('the dose in mg');
  } else {
    totalMg = new Exact(entry.doseMg);
    put('totalMg', totalMg, ['Fixed dose ', entered(totalMg, 'mg')]);
  }
  if (!(entry.durationMin > 0)) missing.push('the duration');
  if (totalMg === null || !(entry.durationMin > 0)) return result;

  // Per hour as "× 60 ÷ minutes", one division last: 40 min is 0.666… h, and dividing by a
  // rounded hour count would give 59.999… mg/kg/h for 1 mg/kg over 1 min, past a bound of 60.
  const minutes = new Exact(entry.durationMin);
  const over = ` over ${formatDurationMin(entry.durationMin)}`;
  const rateMgPerH = totalMg.times(60).dividedBy(minutes);
  // A fixed dose is printed as typed; a dose worked out from mg/kg by its rule.
  const total = entry.basis === 'fixed' ? entered(totalMg, 'mg') : derived(totalMg, 'mg');
  put('rateMgPerH', rateMgPerH, [total, over]);
  if (entry.weightKg !== null && !entry.weightKg.isZero()) {
    // Worked out from the entries themselves, so the line holds as printed.
    put(
      'rateMgPerKgPerH',
      totalMg.times(60).dividedBy(minutes.times(entry.weightKg)),
      entry.basis === 'mg/kg' && entry.doseMgPerKg !== null
        ? [entered(entry.doseMgPerKg, 'mg/kg'), over]
        : [entered(totalMg, 'mg'), ' ÷ ', entered(entry.weightKg, 'kg'), over],
    );
  }
  const concentration = new Exact(entry.concentrationMgPerMl);
  if (concentration.isZero()) {
    missing.push('the concentration');
    return result;
  }
  const drugVolumeMl = totalMg.dividedBy(concentration);
  put('drugVolumeMl', drugVolumeMl, [total, ' ÷ ', entered(concentration, 'mg/mL')]);
  const finalLabel = finalVolumeLabels[administration];
  let finalVolumeMl: Decimal;
  if (administration === 'bag') {
    if (entry.diluentVolumeMl === null) {
      missing.push('the diluent volume');
      return result;
    }
    const diluent = new Exact(entry.diluentVolumeMl);
    finalVolumeMl = diluent.plus(drugVolumeMl);
    put(
      'finalVolumeMl',
      finalVolumeMl,
      [entered(diluent, 'mL'), ' diluent + ', derived(drugVolumeMl, 'mL'), ' drug'],
      finalLabel,
    );
  } else if (administration === 'syringe') {
    if (syringeVolumeMl === null) {
      missing.push('the volume the syringe is made up to');
      return result;
    }
    finalVolumeMl = new Exact(syringeVolumeMl);
    put('diluentToAddMl', finalVolumeMl.minus(drugVolumeMl), [
      'Made up to ',
      entered(finalVolumeMl, 'mL'),
      ' − ',
      derived(drugVolumeMl, 'mL'),
      ' drug',
    ]);
    put('finalVolumeMl', finalVolumeMl, ['Made up to ', entered(finalVolumeMl, 'mL')], finalLabel);
  } else {
    finalVolumeMl = drugVolumeMl;
    put('finalVolumeMl', finalVolumeMl, ['Undiluted: the drug volume, ', derived(drugVolumeMl, 'mL')], finalLabel);
  }
  if (finalVolumeMl.lessThanOrEqualTo(0)) return result;
  const finalConcentration = totalMg.dividedBy(finalVolumeMl);
  // Undiluted, the final concentration is the vial's: no line to repeat it.
  if (administration !== 'undiluted') {
    put('finalConcentrationMgPerMl', finalConcentration, [
      total,
      ' ÷ ',
      administration === 'syringe' ? entered(finalVolumeMl, 'mL') : derived(finalVolumeMl, 'mL'),
    ]);
  }
  const rateMlPerH = finalVolumeMl.times(60).dividedBy(minutes);
  put('rateMlPerH', rateMlPerH, [
    administration === 'syringe' ? entered(finalVolumeMl, 'mL') : derived(finalVolumeMl, 'mL'),
    over,
  ]);
  // Without a pump named, its steps are not known: the rate stands as printed, by the mL/h rule.
  if (entry.pump == null) return result;
  result.delivery = pumpDelivery({ rateMlPerH, minutes, totalMg, finalVolumeMl, pump: entry.pump, over });
  lines.push(...result.delivery.lines);
  keep('pumpRateMlPerH', result.delivery.pumpRateMlPerH);
  keep('deliveredMg', result.delivery.deliveredMg);
  return result;
}

/**
 * The rate the nurse programs, from a signed plan's stored figures: the pump rate set in the
 * pump's steps, or, in plans signed before pumps were named, the rate in mL/h as printed.
 */
export function programmedRateMlPerH(derivedFigures: Readonly<Record<string, string>>): string | null {
  return derivedFigures.pumpRateMlPerH ?? derivedFigures.rateMlPerH ?? null;
}
