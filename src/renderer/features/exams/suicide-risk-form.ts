import { z } from 'zod';
import type { ExamContent } from '../../../domain/exam';
import type { RiskAcknowledgement, RiskScreenAnswer } from '../../../domain/suicide-risk';
import { riskAcknowledgementContent } from '../../../domain/suicide-risk';

/**
 * The risk screen's answers ("" while unanswered) and what was done, as typed. A local copy
 * saved before these existed restores with them empty.
 */
export const riskScreenFormSchema = z
  .array(z.object({ itemId: z.string(), label: z.string(), answer: z.enum(['', 'yes', 'no']) }))
  .default([]);
export const riskAcknowledgementFormSchema = z.object({ actionTaken: z.string() }).default({ actionTaken: '' });

export type RiskScreenForm = z.infer<typeof riskScreenFormSchema>;
export type RiskAcknowledgementForm = z.infer<typeof riskAcknowledgementFormSchema>;

export function riskScreenFormValues(answers: readonly RiskScreenAnswer[] | undefined): RiskScreenForm {
  return (answers ?? []).map((item) => ({ ...item, answer: item.answer ?? '' }));
}

export function riskAcknowledgementFormValues(
  acknowledgement: RiskAcknowledgement | undefined,
): RiskAcknowledgementForm {
  return { actionTaken: acknowledgement?.actionTaken ?? '' };
}

/**
 * The screen and the acknowledgement to store. The screen only when the exam has one (an
 * older exam stays as it was); the acknowledgement only while the risk is flagged, with the
 * words of the flag as shown now. What was typed stays in the form if the flag goes away.
 */
export function suicideRiskContent(
  screen: RiskScreenForm,
  acknowledgement: RiskAcknowledgementForm,
  scales: ExamContent['scales'],
): { riskScreen?: RiskScreenAnswer[]; riskAcknowledgement?: RiskAcknowledgement } {
  const riskScreen = screen.map((item) => ({ ...item, answer: item.answer === '' ? null : item.answer }));
  const riskAcknowledgementValue = riskAcknowledgementContent(acknowledgement.actionTaken, { scales, riskScreen });
  return {
    ...(riskScreen.length === 0 ? {} : { riskScreen }),
    ...(riskAcknowledgementValue === undefined ? {} : { riskAcknowledgement: riskAcknowledgementValue }),
  };
}
