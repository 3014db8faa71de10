import { z } from 'zod';
import { isoDateSchema } from './patient';
import { wholeNumberSchema } from './quantity';

/**
 * The course review: at the end of a series (or at any time) the physician records how the
 * patient responded and what was decided next, with the reason. A signed record like exams
 * and plans; the app only counts and adds up what was charted, it never suggests a decision.
 */
export const reviewOutcomes = ['response', 'partial', 'none', 'intolerance'] as const;
export type ReviewOutcome = (typeof reviewOutcomes)[number];
export const reviewOutcomeLabels: Record<ReviewOutcome, string> = {
  response: 'Response',
  partial: 'Partial response',
  none: 'No response',
  intolerance: 'Intolerance',
};

export const reviewDecisions = ['continue', 'maintenance', 'pause', 'stop'] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];
export const reviewDecisionLabels: Record<ReviewDecision, string> = {
  continue: 'Continue the series',
  maintenance: 'Maintenance',
  pause: 'Pause',
  stop: 'Stop',
};

const text = (max: number) =>
  z
    .string()
    .max(max, `Use at most ${max} characters`)
    .transform((value) => value.normalize('NFC'));

/** Everything but the plan may be empty in a draft; `reviewSigningProblems` says what is missing. */
export const reviewContentSchema = z.object({
  /** The series reviewed: a signed plan of the same patient. */
  planRecordId: z.number().int().positive(),
  reviewDate: isoDateSchema.nullable(),
  outcome: z.enum(reviewOutcomes).nullable(),
  decision: z.enum(reviewDecisions).nullable(),
  /** Days between maintenance infusions: required for maintenance, empty otherwise. */
  maintenanceIntervalDays: wholeNumberSchema('maintenance interval (days)', 1, 365).nullable(),
  reason: text(2000),
  notes: text(4000),
});
export type ReviewContent = z.infer<typeof reviewContentSchema>;

export function emptyReview(planRecordId: number): ReviewContent {
  return {
    planRecordId,
    reviewDate: null,
    outcome: null,
    decision: null,
    maintenanceIntervalDays: null,
    reason: '',
    notes: '',
  };
}

/** What must change before a review can be signed, in words, with the field it concerns. */
export function reviewSigningProblems(review: ReviewContent): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const need = (ok: boolean, path: string, message: string) => {
    if (!ok) problems.push({ path, message });
  };
  need(review.reviewDate !== null, 'reviewDate', 'Enter the date of the review');
  need(review.outcome !== null, 'outcome', 'Choose the outcome');
  need(review.decision !== null, 'decision', 'Choose the decision');
  if (review.decision === 'maintenance') {
    need(
      review.maintenanceIntervalDays !== null,
      'maintenanceIntervalDays',
      'Enter the interval between maintenance infusions (days)',
    );
  } else {
    need(
      review.maintenanceIntervalDays === null,
      'maintenanceIntervalDays',
      'Clear the maintenance interval: the decision is not maintenance',
    );
  }
  need(review.reason.trim() !== '', 'reason', 'Give the reason for the decision');
  return problems;
}

/** One scale's first and latest recorded totals in the series (never a judgement on them). */
export const reviewScaleSchema = z.object({
  scale: z.string(),
  name: z.string(),
  /** From the exam the plan rests on. */
  baseline: z.number().nullable(),
  /** The latest session's pre-infusion value, or null when no session recorded it. */
  latest: z.number().nullable(),
  /** Which session gave the latest value (its number in the series). */
  latestSeriesNumber: z.number().int().nullable(),
});
export type ReviewScale = z.infer<typeof reviewScaleSchema>;

/** What the app computed for a review when it was signed, stored and hashed with it. */
export const reviewComputedSchema = z.object({
  plan: z.object({
    recordId: z.number().int(),
    versionId: z.number().int(),
    version: z.number().int(),
    drugName: z.string(),
    signedAt: z.string().nullable(),
    signedBy: z.string().nullable(),
    plannedInfusions: z.number().int().nullable(),
  }),
  sessionsCharted: z.number().int(),
  /** Sessions whose infusion end was charted. */
  sessionsCompleted: z.number().int(),
  /** Sessions whose volume infused is charted but whose plan gives no mg for it, or with no volume. */
  sessionsWithoutDose: z.number().int(),
  /** Exact decimal strings: the sum of the sessions' infused mg, each as the session shows it. */
  seriesMg: z.string(),
  patientTotalMg: z.string(),
  scales: z.array(reviewScaleSchema),
});
export type ReviewComputed = z.infer<typeof reviewComputedSchema>;
