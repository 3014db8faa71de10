import { z } from 'zod';
import type { Scales } from './scales';
import { scaleWording } from './scale-items';

/**
 * Suicide risk surfaced at the exam: PHQ-9 item 9 answered above 0, or "yes" to a question of
 * the risk screen the clinic configured. The physician must then write what was done before
 * the exam can be signed. The app never says what to do: it only shows what was answered.
 */

const itemIdPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const maxRiskScreenItems = 50;

/** One question of the clinic's risk screen (session configuration, key `riskScreen`). */
export const riskScreenItemSchema = z
  .object({
    /** Stable: a reworded question keeps its code. */
    itemId: z.string().regex(itemIdPattern, 'Use lower-case letters, digits and hyphens for the question code'),
    label: z.string().trim().min(1, 'Enter the question').max(300, 'Use at most 300 characters'),
  })
  .strict();
export type RiskScreenItem = z.infer<typeof riskScreenItemSchema>;

/** The clinic's risk screen; no questions is a valid screen (PHQ-9 item 9 still counts). */
export const riskScreenConfigurationSchema = z
  .object({
    items: z
      .array(riskScreenItemSchema)
      .max(maxRiskScreenItems, `Keep at most ${maxRiskScreenItems} risk screen questions`),
  })
  .strict()
  .superRefine((screen, context) => {
    const ids = new Set<string>();
    const labels = new Set<string>();
    screen.items.forEach((item, index) => {
      if (ids.has(item.itemId)) {
        context.addIssue({
          code: 'custom',
          path: ['items', index, 'itemId'],
          message: 'Each question code must be unique',
        });
      }
      ids.add(item.itemId);
      const folded = item.label.trim().toLocaleLowerCase();
      if (labels.has(folded)) {
        context.addIssue({
          code: 'custom',
          path: ['items', index, 'label'],
          message: 'This question is already asked',
        });
      }
      labels.add(folded);
    });
  });
export type RiskScreenConfiguration = z.infer<typeof riskScreenConfigurationSchema>;

/** An answer on the exam, with the question as worded when the exam was started. */
export const riskScreenAnswerSchema = z.object({
  itemId: z.string().min(1).max(64),
  label: z.string().max(300),
  answer: z.enum(['yes', 'no']).nullable(),
});
export type RiskScreenAnswer = z.infer<typeof riskScreenAnswerSchema>;

export const riskScreenAnswersSchema = z.array(riskScreenAnswerSchema).max(maxRiskScreenItems);

export const riskAcknowledgementSchema = z.object({
  /** What was done, in the physician's words (safety plan, crisis line, referral…). */
  actionTaken: z
    .string()
    .max(4000, 'Use at most 4000 characters')
    .transform((value) => value.normalize('NFC')),
  /** The words of the flag as shown when it was acknowledged. */
  flaggedBy: z.string().max(4000),
});
export type RiskAcknowledgement = z.infer<typeof riskAcknowledgementSchema>;

/** The exam's questions at its start: the configured screen's, unanswered. */
export function riskScreenAnswersFrom(screen: RiskScreenConfiguration | undefined): RiskScreenAnswer[] {
  return (screen?.items ?? []).map((item) => ({ itemId: item.itemId, label: item.label, answer: null }));
}

interface RiskContent {
  scales: Pick<Scales, 'phq9'>;
  riskScreen?: readonly RiskScreenAnswer[] | undefined;
  riskAcknowledgement?: RiskAcknowledgement | undefined;
}

const phq9Item9 = 8;

/** Why the risk is flagged, in words; empty when it is not. */
export function suicideRiskFlags(content: RiskContent): string[] {
  const flags: string[] = [];
  const score = content.scales.phq9?.[phq9Item9] ?? null;
  if (score !== null && score > 0) {
    const answer = scaleWording.phq9.answers[score] ?? '';
    flags.push(`PHQ-9 item 9 scored ${score} of 3 (${answer}: “${scaleWording.phq9.items[phq9Item9] ?? ''}”)`);
  }
  for (const item of content.riskScreen ?? []) {
    if (item.answer === 'yes') flags.push(`Risk screen answered yes: “${item.label}”`);
  }
  return flags;
}

/** The flag as one line, as shown, stored with the acknowledgement and audited. */
export function suicideRiskFlagText(flags: readonly string[]): string {
  return flags.join('; ');
}

export const suicideRiskPaths = { actionTaken: 'riskAcknowledgement.actionTaken' } as const;

/** What signing needs: every risk screen question answered, and what was done when the risk is flagged. */
export function suicideRiskProblems(content: RiskContent): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  (content.riskScreen ?? []).forEach((item, index) => {
    if (item.answer === null) {
      problems.push({ path: `riskScreen.${index}.answer`, message: `Answer the risk screen question: ${item.label}` });
    }
  });
  const flags = suicideRiskFlags(content);
  if (flags.length === 0) return problems;
  const flagged = suicideRiskFlagText(flags);
  const acknowledgement = content.riskAcknowledgement;
  if (acknowledgement === undefined || acknowledgement.actionTaken.trim() === '') {
    problems.push({
      path: suicideRiskPaths.actionTaken,
      message: `Suicide risk flagged (${flagged}): record what was done`,
    });
  } else if (acknowledgement.flaggedBy !== flagged) {
    // Written for an earlier flag: the answers changed since, so it must be looked at again.
    problems.push({
      path: suicideRiskPaths.actionTaken,
      message: `What was done was written for “${acknowledgement.flaggedBy}”; the flag is now “${flagged}”: review it and save again`,
    });
  }
  return problems;
}

/** The acknowledgement to store: only while the risk is flagged, with the flag's words as shown. */
export function riskAcknowledgementContent(actionTaken: string, content: RiskContent): RiskAcknowledgement | undefined {
  const flags = suicideRiskFlags(content);
  if (flags.length === 0) return undefined;
  return { actionTaken, flaggedBy: suicideRiskFlagText(flags) };
}

/** What the signing audit entry carries, when the risk was flagged. */
export function suicideRiskAuditDetails(
  content: RiskContent,
): { suicideRisk: { flags: string[]; actionTaken: string; flaggedBy: string } } | Record<string, never> {
  const flags = suicideRiskFlags(content);
  if (flags.length === 0) return {};
  return {
    suicideRisk: {
      flags,
      actionTaken: content.riskAcknowledgement?.actionTaken ?? '',
      flaggedBy: content.riskAcknowledgement?.flaggedBy ?? '',
    },
  };
}
