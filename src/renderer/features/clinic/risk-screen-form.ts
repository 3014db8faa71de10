import { z } from 'zod';
import type { RiskScreenConfiguration } from '../../../domain/suicide-risk';
import { newCriterionId } from '../../../domain/session-configuration';

/**
 * The risk screen's questions as typed. A question's stable code is named `code` (react-hook-form
 * keeps `id` for its rows); a question added on this form has none yet. A local copy saved
 * before the screen existed restores with no questions.
 */
export const riskScreenFormValuesSchema = z.array(z.object({ code: z.string(), label: z.string() })).default([]);
export type RiskScreenFormValues = z.infer<typeof riskScreenFormValuesSchema>;

export function riskScreenFormValues(screen: RiskScreenConfiguration | undefined): RiskScreenFormValues {
  return (screen?.items ?? []).map((item) => ({ code: item.itemId, label: item.label }));
}

/**
 * The screen to save: none at all while it has no questions (so a clinic that never set one
 * stores what it stored before), each new question given a code made from its words.
 */
export function riskScreenContent(rows: RiskScreenFormValues): { riskScreen?: RiskScreenConfiguration } {
  if (rows.length === 0) return {};
  const taken = new Set(rows.map((row) => row.code).filter((code) => code !== ''));
  const items = rows.map((row) => {
    let itemId = row.code;
    if (itemId === '') {
      itemId = newCriterionId(row.label, taken);
      taken.add(itemId);
    }
    return { itemId, label: row.label.trim() };
  });
  return { riskScreen: { items } };
}

/** The schema's paths ("riskScreen.items.2.label") as the form's ("riskScreen.2.label"). */
export function riskScreenFormPath(path: string): string {
  return path
    .replace(/^riskScreen\.items(\.\d+)\.itemId$/, 'riskScreen$1.label')
    .replace(/^riskScreen\.items/, 'riskScreen');
}

/** A problem on a question, named after it for the summary above the form; null for other paths. */
export function riskScreenProblemText(issue: { path: string; message: string }): string | null {
  const row = /^riskScreen\.(\d+)/.exec(issue.path);
  return row?.[1] === undefined ? null : `Risk screen question ${Number(row[1]) + 1}: ${issue.message}`;
}
