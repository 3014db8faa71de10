import { toDecimal } from './quantity';

/**
 * When an infusion ends far from the volume the plan delivers, the nurse says why, as for an
 * early stop. "Far" is a stated rule: outside 10% of the planned volume, either way. Pumps
 * differ from their own readings by a few per cent (priming, line volume), so 10% leaves
 * room for that and still catches 0.2 of 3.6 mL or a bag run dry.
 */
export const volumeTolerancePercent = 10;
export const volumeToleranceRule = `within ${volumeTolerancePercent}% of the planned volume, either way`;

export interface VolumeOffPlan {
  plannedVolumeMl: string;
  /** Whole per cent, signed: "-94" for 0.2 of 3.63 mL. */
  differencePercent: string;
}

/** Null when the volume is within the rule (the boundary included), or no volume is planned. */
export function volumeOffPlan(volumeInfusedMl: string, plannedVolumeMl: string | null): VolumeOffPlan | null {
  if (plannedVolumeMl === null) return null;
  const planned = toDecimal(plannedVolumeMl);
  if (planned.isZero()) return null;
  const difference = toDecimal(volumeInfusedMl).minus(planned);
  if (difference.abs().lte(planned.times(volumeTolerancePercent).dividedBy(100))) return null;
  return {
    plannedVolumeMl,
    differencePercent: difference.times(100).dividedBy(planned).toDecimalPlaces(0).toString(),
  };
}

/** "The volume infused, 0.2 mL, is 94% less than the plan's 3.63 mL" and the rule. */
export function volumeOffPlanText(volumeInfusedMl: string, off: VolumeOffPlan): string {
  const percent = toDecimal(off.differencePercent);
  const direction = percent.isNegative() ? 'less' : 'more';
  return `The volume infused, ${volumeInfusedMl} mL, is ${percent.abs().toString()}% ${direction} than the plan’s ${off.plannedVolumeMl} mL (the rule: ${volumeToleranceRule}).`;
}
