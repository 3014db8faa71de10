import type { Decimal } from './quantity';
import { formatQuantity, roundToStep } from './quantity';
import { roundingSteps } from './dose';
import type { PlanContent } from './plan';
import { evaluatePlan } from './plan';

export interface InfusedDose {
  /** The mg, rounded as doses are (to 0.01 mg). */
  mg: string;
  /** "36.25 mg (3.625 mL × 36.25 mg ÷ 3.625 mL)", with ≈ and the rule when anything is rounded. */
  text: string;
}

/** An operand is shown exactly when it has few decimals; a longer one is shown rounded, marked ≈. */
const operandPlaces = 4;

function operand(value: Decimal, unit: string): { text: string; rounded: boolean } {
  if (value.decimalPlaces() <= operandPlaces) return { text: formatQuantity(value, unit), rounded: false };
  return { text: `≈ ${formatQuantity(value.toDecimalPlaces(operandPlaces), unit)}`, rounded: true };
}

/**
 * The drug a volume carries at the plan's final concentration: volume × total dose ÷ final
 * volume, from the plan's exact figures (the same arithmetic as the signed plan), so the
 * formula holds as printed. Null when the plan's figures do not give a final volume.
 */
export function infusedDose(volumeMl: string, plan: PlanContent): InfusedDose | null {
  // The derived figures do not depend on the day or the drug list; only the limits do.
  const exact = evaluatePlan(plan, [], '2000-01-01').derivation?.exact;
  const totalMg = exact?.totalMg;
  const finalVolumeMl = exact?.finalVolumeMl;
  if (totalMg === undefined || finalVolumeMl === undefined || finalVolumeMl.isZero()) return null;
  const mg = totalMg.times(volumeMl).dividedBy(finalVolumeMl);
  const shown = roundToStep(mg, roundingSteps.totalMg);
  const dose = operand(totalMg, 'mg');
  const volume = operand(finalVolumeMl, 'mL');
  const rounded = dose.rounded || volume.rounded || !mg.equals(shown);
  const formula = `${formatQuantity(volumeMl, 'mL')} × ${dose.text} ÷ ${volume.text}`;
  return {
    mg: shown.toString(),
    text: rounded
      ? `≈ ${formatQuantity(shown, 'mg')} (${formula}, rounded to ${roundingSteps.totalMg} mg)`
      : `${formatQuantity(shown, 'mg')} (${formula})`,
  };
}
