import { z } from 'zod';
import { toDecimal } from './quantity';
import type { Weight } from './weight';
import { weightKg } from './weight';
import type { WeightFinding } from './weight-check';

/**
 * The physician's acknowledgement of a surfaced weight, stored in the exam or plan it
 * answers (and so signed and printed with it). Optional in both: records stored before the
 * check existed still parse.
 */
export const weightAcknowledgementSchema = z.object({
  /**
   * The exact kilograms of the weight acknowledged, or null while not acknowledged. Tied to
   * the figure so that editing the weight afterwards asks again.
   */
  acknowledgedWeightKg: z
    .string()
    .regex(/^(0|[1-9]\d{0,11})(\.\d{1,30})?$/, 'The acknowledged weight must be a number of kilograms')
    .nullable(),
  reason: z
    .string()
    .max(1000, 'Use at most 1000 characters')
    .transform((value) => value.normalize('NFC')),
});
export type WeightAcknowledgement = z.infer<typeof weightAcknowledgementSchema>;

/**
 * The weight a record newly enters: an exam's own, or a plan's when entered for the plan. A
 * plan weight copied from its exam was checked, and acknowledged if need be, on the exam.
 */
export function newlyEnteredWeight<W extends Weight & { from?: 'exam' | 'entered' }>(content: {
  weight: W | null;
}): W | null {
  return content.weight === null || content.weight.from === 'exam' ? null : content.weight;
}

/** Whether the acknowledgement answers this very weight (its exact kilograms). */
export function acknowledges(acknowledgement: WeightAcknowledgement | undefined, entered: Weight): boolean {
  const kg = acknowledgement?.acknowledgedWeightKg ?? null;
  return kg !== null && toDecimal(kg).equals(weightKg(entered));
}

export const weightAcknowledgementPaths = {
  acknowledged: 'weightAcknowledgement.acknowledgedWeightKg',
  reason: 'weightAcknowledgement.reason',
} as const;

/** What signing still needs about the weight check, each on its field; nothing when nothing was surfaced. */
export function weightAcknowledgementProblems(
  findings: readonly WeightFinding[],
  entered: Weight | null,
  acknowledgement: WeightAcknowledgement | undefined,
): { path: string; message: string }[] {
  if (findings.length === 0 || entered === null) return [];
  if (!acknowledges(acknowledgement, entered)) {
    return [
      {
        path: weightAcknowledgementPaths.acknowledged,
        message: 'Confirm that you have checked this weight (the box under the weight check), or change it',
      },
    ];
  }
  if ((acknowledgement?.reason ?? '').trim() === '') {
    return [{ path: weightAcknowledgementPaths.reason, message: 'Give the reason for keeping this weight' }];
  }
  return [];
}
