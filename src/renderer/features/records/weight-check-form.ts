import { z } from 'zod';
import type { DraftWeightCheck } from '../../../domain/record-view';
import type { Weight } from '../../../domain/weight';
import type { WeightAcknowledgement } from '../../../domain/weight-acknowledgement';
import { acknowledges, weightAcknowledgementSchema } from '../../../domain/weight-acknowledgement';
import type { WeightFinding, WeightRecordType } from '../../../domain/weight-check';
import { checkWeight } from '../../../domain/weight-check';

/**
 * The acknowledgement as typed: the exact kilograms ticked for ("" while unticked) and the
 * reason. A local copy saved before the field existed restores with it empty.
 */
export const weightAcknowledgementFormSchema = z
  .object({ acknowledgedWeightKg: z.string(), reason: z.string() })
  .default({ acknowledgedWeightKg: '', reason: '' });
export type WeightAcknowledgementForm = z.infer<typeof weightAcknowledgementFormSchema>;

export function weightAcknowledgementFormValues(
  acknowledgement: WeightAcknowledgement | undefined,
): WeightAcknowledgementForm {
  return { acknowledgedWeightKg: acknowledgement?.acknowledgedWeightKg ?? '', reason: acknowledgement?.reason ?? '' };
}

/**
 * The weight check on the weight as typed now, with the previous weights and the clinic's
 * settings the server sent with the draft: the same check signing runs.
 */
export function liveWeightFindings(
  check: DraftWeightCheck | undefined,
  entered: Weight | null,
  recordType: WeightRecordType,
): WeightFinding[] {
  if (check === undefined || entered === null) return [];
  const { value, unit, measuredOn, source } = entered;
  return checkWeight({
    entered: { value, unit, measuredOn, source },
    recordType,
    previous: check.previous,
    settings: check.settings,
  });
}

/** Whether the box is ticked for this very weight (ticked for another, it reads unticked). */
export function ticksWeight(values: WeightAcknowledgementForm, entered: Weight | null): boolean {
  if (entered === null) return false;
  const kg = weightAcknowledgementSchema.shape.acknowledgedWeightKg.safeParse(values.acknowledgedWeightKg);
  return kg.success && acknowledges({ acknowledgedWeightKg: kg.data, reason: '' }, entered);
}

/** What to store: nothing while the check surfaces nothing; otherwise the box (for this weight) and the reason. */
export function weightAcknowledgementContent(
  values: WeightAcknowledgementForm,
  entered: Weight | null,
  findings: readonly WeightFinding[],
): WeightAcknowledgement | undefined {
  if (findings.length === 0 || entered === null) return undefined;
  return {
    acknowledgedWeightKg: ticksWeight(values, entered) ? values.acknowledgedWeightKg : null,
    reason: values.reason,
  };
}
