import { z } from 'zod';
import type { FieldIssue } from '../../../contract/errors';
import type { ReviewContent } from '../../../domain/course-review';
import {
  reviewContentSchema,
  reviewDecisions,
  reviewOutcomes,
  reviewSigningProblems,
} from '../../../domain/course-review';
import { formatDate } from '../../../domain/time';
import { parseDate, parseWhole } from '../../lib/parse-fields';

/** The review form as typed: text and radio values, read into content field by field. */
export const reviewFormValuesSchema = z.object({
  reviewDate: z.string(),
  outcome: z.union([z.enum(reviewOutcomes), z.literal('')]),
  decision: z.union([z.enum(reviewDecisions), z.literal('')]),
  maintenanceIntervalDays: z.string(),
  reason: z.string(),
  notes: z.string(),
});
export type ReviewFormValues = z.infer<typeof reviewFormValuesSchema>;

/** `newDraftToday` only for a draft never saved: a review is mostly written on the day. */
export function reviewFormValues(content: ReviewContent, newDraftToday: string | null = null): ReviewFormValues {
  const today = newDraftToday === null ? '' : formatDate(newDraftToday);
  return {
    reviewDate: content.reviewDate === null ? today : formatDate(content.reviewDate),
    outcome: content.outcome ?? '',
    decision: content.decision ?? '',
    maintenanceIntervalDays: content.maintenanceIntervalDays === null ? '' : String(content.maintenanceIntervalDays),
    reason: content.reason,
    notes: content.notes,
  };
}

/**
 * The content to save from what is typed. The interval is kept only for maintenance: a
 * number typed before the decision changed away from maintenance is not saved with it.
 */
export function reviewContentFrom(
  values: ReviewFormValues,
  planRecordId: number,
): { content: ReviewContent; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const maintenance = values.decision === 'maintenance';
  const content: ReviewContent = {
    planRecordId,
    reviewDate: parseDate(values.reviewDate, 'reviewDate', issues),
    outcome: values.outcome === '' ? null : values.outcome,
    decision: values.decision === '' ? null : values.decision,
    maintenanceIntervalDays: maintenance
      ? parseWhole(
          values.maintenanceIntervalDays,
          reviewContentSchema.shape.maintenanceIntervalDays,
          'maintenanceIntervalDays',
          issues,
        )
      : null,
    reason: values.reason.normalize('NFC'),
    notes: values.notes.normalize('NFC'),
  };
  return { content, issues };
}

export function reviewFormSigningProblems(content: ReviewContent): FieldIssue[] {
  return reviewSigningProblems(content);
}
