import { z } from 'zod';
import type { FieldIssue } from '../../../contract/errors';
import type { PriorTreatment } from '../../../domain/prior-treatments';
import {
  adequateTrialAnswers,
  formatPartialDate,
  parsePartialDate,
  priorTreatmentKinds,
  priorTreatmentOutcomes,
} from '../../../domain/prior-treatments';

/**
 * Prior treatments as typed: dates as text ("Mar-2019"), "not stated" as "". A local copy
 * saved before the list existed restores with an empty list.
 */
export const priorTreatmentRowSchema = z.object({
  kind: z.enum(priorTreatmentKinds),
  name: z.string(),
  details: z.string(),
  from: z.string(),
  to: z.string(),
  outcome: z.enum(priorTreatmentOutcomes),
  adequateTrial: z.enum(['', ...adequateTrialAnswers]),
  note: z.string(),
});
export type PriorTreatmentRow = z.infer<typeof priorTreatmentRowSchema>;

export const priorTreatmentsFormSchema = z.array(priorTreatmentRowSchema).default([]);

/** A new row: a medication, outcome not known yet; never a dose or a name filled in for the physician. */
export const blankPriorTreatmentRow: PriorTreatmentRow = {
  kind: 'medication',
  name: '',
  details: '',
  from: '',
  to: '',
  outcome: 'unknown',
  adequateTrial: '',
  note: '',
};

export function priorTreatmentsFormValues(treatments: readonly PriorTreatment[] | undefined): PriorTreatmentRow[] {
  return (treatments ?? []).map((treatment) => ({
    ...treatment,
    from: formatPartialDate(treatment.from),
    to: formatPartialDate(treatment.to),
    adequateTrial: treatment.adequateTrial ?? '',
  }));
}

const dateMessage = 'Enter a year (2019), a month (Mar-2019) or a date (14-Mar-2019), or leave it empty';

function partialDate(typed: string, path: string, issues: FieldIssue[]): string | null {
  if (typed.trim() === '') return null;
  const parsed = parsePartialDate(typed);
  if (parsed === null) issues.push({ path, message: dateMessage });
  return parsed;
}

/** The list to store; none at all while it is empty, so an exam without any reads as before. */
export function priorTreatmentsContent(
  rows: readonly PriorTreatmentRow[],
  issues: FieldIssue[],
): { priorTreatments?: PriorTreatment[] } {
  if (rows.length === 0) return {};
  return {
    priorTreatments: rows.map((row, index) => ({
      kind: row.kind,
      name: row.name,
      details: row.details,
      from: partialDate(row.from, `priorTreatments.${index}.from`, issues),
      to: partialDate(row.to, `priorTreatments.${index}.to`, issues),
      outcome: row.outcome,
      adequateTrial: row.adequateTrial === '' ? null : row.adequateTrial,
      note: row.note,
    })),
  };
}
