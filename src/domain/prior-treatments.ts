import { z } from 'zod';
import { isCalendarDate, monthAbbreviations } from './time';

/**
 * Treatments the patient had before this course, as a list rather than notes, so that
 * "two adequate antidepressant trials failed" or "nerve blocks without lasting relief" is on
 * the record. Optional on the exam: exams written before the list existed have none.
 */

export const priorTreatmentKinds = ['medication', 'procedure', 'therapy'] as const;
export type PriorTreatmentKind = (typeof priorTreatmentKinds)[number];
export const priorTreatmentKindLabels: Record<PriorTreatmentKind, string> = {
  medication: 'Medication',
  procedure: 'Procedure',
  therapy: 'Therapy',
};

export const priorTreatmentOutcomes = ['no-response', 'partial', 'intolerance', 'unknown'] as const;
export type PriorTreatmentOutcome = (typeof priorTreatmentOutcomes)[number];
export const priorTreatmentOutcomeLabels: Record<PriorTreatmentOutcome, string> = {
  'no-response': 'No response',
  partial: 'Partial response',
  intolerance: 'Intolerance',
  unknown: 'Unknown',
};

export const adequateTrialAnswers = ['yes', 'no', 'unknown'] as const;
export const adequateTrialLabels: Record<(typeof adequateTrialAnswers)[number], string> = {
  yes: 'Yes',
  no: 'No',
  unknown: 'Not known',
};

export const maxPriorTreatments = 50;

/** A year, a month or a day, as people remember when a treatment began: "2019", "2019-03", "2019-03-14". */
export function isPartialDate(value: string): boolean {
  if (/^\d{4}$/.test(value)) return Number(value) >= 1;
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month !== null) return Number(month[1]) >= 1 && Number(month[2]) >= 1 && Number(month[2]) <= 12;
  return isCalendarDate(value);
}

export const partialDateSchema = z
  .string()
  .refine(isPartialDate, 'Enter a year (2019), a month (Mar-2019) or a date (14-Mar-2019)');

const text = (max: number) =>
  z
    .string()
    .max(max, `Use at most ${max} characters`)
    .transform((value) => value.normalize('NFC'));

export const priorTreatmentSchema = z.object({
  kind: z.enum(priorTreatmentKinds),
  /** Required before signing (a row without a name says nothing); may be empty in a draft. */
  name: text(200),
  /** The dose for a medication, or details of a procedure or therapy. */
  details: text(500),
  from: partialDateSchema.nullable(),
  /** Null: still ongoing, or the end is not known. */
  to: partialDateSchema.nullable(),
  outcome: z.enum(priorTreatmentOutcomes),
  /** Whether the trial was adequate in dose and length (asked of antidepressant trials); null: not stated. */
  adequateTrial: z.enum(adequateTrialAnswers).nullable(),
  note: text(1000),
});
export type PriorTreatment = z.infer<typeof priorTreatmentSchema>;

export const priorTreatmentsSchema = z
  .array(priorTreatmentSchema)
  .max(maxPriorTreatments, `Record at most ${maxPriorTreatments} prior treatments`);

/** Whether `from` comes after `to`, compared at the precision both give ("2019-05" is not after "2019"). */
export function startsAfterEnd(from: string | null, to: string | null): boolean {
  if (from === null || to === null) return false;
  const length = Math.min(from.length, to.length);
  return from.slice(0, length) > to.slice(0, length);
}

/** What signing needs of the list, each on its row's field. */
export function priorTreatmentProblems(
  treatments: readonly PriorTreatment[] | undefined,
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  (treatments ?? []).forEach((treatment, index) => {
    if (treatment.name.trim() === '') {
      problems.push({
        path: `priorTreatments.${index}.name`,
        message: `Prior treatment ${index + 1}: Name the prior treatment or remove the row`,
      });
    }
    if (startsAfterEnd(treatment.from, treatment.to)) {
      problems.push({
        path: `priorTreatments.${index}.to`,
        message: `Prior treatment ${index + 1}: The end is before the start; check both dates`,
      });
    }
  });
  return problems;
}

/** "2019", "Mar-2019", "14-Mar-2019": never a month in digits, which reads two ways. */
export function formatPartialDate(value: string | null): string {
  if (value === null) return '';
  const [year, month, day] = value.split('-');
  const monthName = month === undefined ? undefined : monthAbbreviations[Number(month) - 1];
  if (monthName === undefined) return year ?? '';
  return day === undefined ? `${monthName}-${year ?? ''}` : `${day}-${monthName}-${year ?? ''}`;
}

/** Reads a typed year, month or date ("2019", "Mar-2019", "2019-03", "14-Mar-2019", "2019-03-14"); null if none. */
export function parsePartialDate(typed: string): string | null {
  const trimmed = typed.trim();
  if (isPartialDate(trimmed)) return trimmed;
  const named = /^(?:(\d{1,2})[-\s])?([A-Za-z]{3})[-\s](\d{4})$/.exec(trimmed);
  if (named === null) return null;
  const month = monthAbbreviations.findIndex((name) => name.toLowerCase() === named[2]?.toLowerCase()) + 1;
  if (month === 0) return null;
  const iso = `${named[3] ?? ''}-${String(month).padStart(2, '0')}${named[1] === undefined ? '' : `-${named[1].padStart(2, '0')}`}`;
  return isPartialDate(iso) ? iso : null;
}

/** "Mar-2019 to 2021", "Since Mar-2019 (ongoing)", "Until 2021", "Dates not recorded". */
export function priorTreatmentPeriodText(treatment: Pick<PriorTreatment, 'from' | 'to'>): string {
  const from = formatPartialDate(treatment.from);
  const to = formatPartialDate(treatment.to);
  if (from !== '' && to !== '') return `${from} to ${to}`;
  if (from !== '') return `Since ${from} (ongoing or end not recorded)`;
  if (to !== '') return `Until ${to}`;
  return 'Dates not recorded';
}

/** The outcome in words, with the adequacy of the trial when it was stated. */
export function priorTreatmentOutcomeText(treatment: Pick<PriorTreatment, 'outcome' | 'adequateTrial'>): string {
  const outcome = priorTreatmentOutcomeLabels[treatment.outcome];
  if (treatment.adequateTrial === null) return outcome;
  return `${outcome}; adequate trial: ${adequateTrialLabels[treatment.adequateTrial]}`;
}
