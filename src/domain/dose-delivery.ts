import type { DerivationLine } from './derivation-line';
import { derivationLine, derived, entered, formulaText } from './derivation-line';
import type { Pump } from './pump';
import type { Decimal } from './quantity';
import { formatNumber, formatQuantity, roundToStep } from './quantity';
import { derivedQuantityText, displaySteps, roundingRuleText } from './quantity-text';

/**
 * What the rate a pump can be set to delivers. A pump is programmed in steps (0.1 mL/h on
 * most volumetric pumps): 5.4375 mL/h becomes 5.4 mL/h, which over 40 minutes delivers 36 mg
 * of the 36.25 mg signed. The difference is shown, never hidden by the rounding.
 */
export interface PumpDelivery {
  pumpName: string;
  /** The step the rate is programmed in, in mL/h. */
  stepMlPerH: string;
  pumpRateMlPerH: Decimal;
  /** What the programmed rate delivers over the planned duration, exact. */
  deliveredMg: Decimal;
  /** Delivered − signed, exact; negative when the pump delivers less. */
  differenceMg: Decimal;
  differs: boolean;
  /** "At 5.4 mL/h over 40 min the pump delivers 36 mg of the 36.25 mg signed: −0.25 mg (≈ −0.69%)." */
  text: string;
  lines: DerivationLine[];
}

const minus = '\u2212';

/**
 * "≈ −0.25 mg", "+1.5 mg", "less than −0.01 mg": a difference with its sign, rounded to
 * `step`, "≈" first when rounded; one too small to show is said to be so, never "0".
 */
function signedText(value: Decimal, step: string, suffix: string): string {
  const sign = value.isNegative() ? minus : '+';
  const shown = roundToStep(value.abs(), step);
  if (shown.isZero()) return `less than ${sign}${step}${suffix}`;
  return `${shown.equals(value.abs()) ? '' : '≈ '}${sign}${formatNumber(shown)}${suffix}`;
}

export function pumpDelivery(input: {
  rateMlPerH: Decimal;
  minutes: Decimal;
  totalMg: Decimal;
  finalVolumeMl: Decimal;
  pump: Pump;
  /** " over 40 min" */
  over: string;
}): PumpDelivery {
  const { rateMlPerH, minutes, totalMg, finalVolumeMl, pump, over } = input;
  const step = pump.rateStepMlPerH;
  const pumpRateMlPerH = roundToStep(rateMlPerH, step);
  const rateShown = formatQuantity(pumpRateMlPerH, 'mL/h');
  const setIn = formulaText([derived(rateMlPerH, 'mL/h')]);
  const roundedToStep = !pumpRateMlPerH.equals(rateMlPerH);
  const holds = !roundedToStep && !setIn.operandsRounded;
  const pumpLine: DerivationLine = {
    quantity: 'pumpRateMlPerH',
    label: 'Pump rate to program',
    formula: `${setIn.text} set in steps of ${step} mL/h (${pump.name}) ${holds ? '=' : '≈'} ${rateShown}`,
    shown: rateShown,
    rounding: roundedToStep
      ? roundingRuleText(pumpRateMlPerH, 'mL/h')
      : holds
        ? 'exact'
        : 'exact; worked out from unrounded figures',
  };
  const finalConcentration = totalMg.dividedBy(finalVolumeMl);
  const deliveredMg = pumpRateMlPerH.times(minutes).dividedBy(60).times(finalConcentration);
  const deliveredLine = derivationLine('deliveredMg', 'Dose the pump rate delivers', deliveredMg, 'mg', [
    entered(pumpRateMlPerH, 'mL/h'),
    over,
    ' × ',
    derived(finalConcentration, 'mg/mL'),
  ]);
  const differenceMg = deliveredMg.minus(totalMg);
  const differs = !differenceMg.isZero();
  const signedDose = derivedQuantityText(totalMg, 'mg');
  const text = differs
    ? `At ${rateShown}${over} the pump delivers ${derivedQuantityText(deliveredMg, 'mg')} of the ${signedDose} signed: ${signedText(differenceMg, displaySteps.mg, ' mg')} (${signedText(differenceMg.times(100).dividedBy(totalMg), '0.01', '%')}).`
    : `At ${rateShown}${over} the pump delivers the ${signedDose} signed.`;
  return {
    pumpName: pump.name,
    stepMlPerH: step,
    pumpRateMlPerH,
    deliveredMg,
    differenceMg,
    differs,
    text,
    lines: [pumpLine, deliveredLine],
  };
}
