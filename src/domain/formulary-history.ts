import { z } from 'zod';
import type { Drug, FormularyContent } from './formulary';
import type { LimitedQuantity } from './limits';
import { emptyRange, limitedQuantities, limitedQuantityNames } from './limits';
import { formatQuantity } from './quantity';
import { limitBoundLabels, limitHeadings, limitNotConfigured, weightAgeLabel } from './shared-labels';

/**
 * Why a version was saved: asked with the administrator's password, because a new version
 * changes what every later plan is checked against.
 */
export const formularyReasonSchema = z
  .string()
  .trim()
  .min(1, 'Give the reason for this change')
  .max(1000, 'Use at most 1,000 characters')
  .transform((value) => value.normalize('NFC'));

/** One bound that differs between two versions, for the audit entry and the history. */
export interface LimitChange {
  drugId: string;
  drugName: string;
  quantity: LimitedQuantity | 'weightMaxAgeDays';
  bound: keyof typeof limitBoundLabels | 'soft' | 'hard';
  before: string | number | null;
  after: string | number | null;
  /** "Ketamine hydrochloride: Rate (mg/h), hard limit maximum: Not configured → 60 mg/h" */
  text: string;
}

const rangeBounds = Object.keys(limitBoundLabels) as (keyof typeof limitBoundLabels)[];

function shown(value: string | number | null, unit: string): string {
  return value === null ? limitNotConfigured : formatQuantity(value, unit);
}

function drugChanges(drugId: string, before: Drug | undefined, after: Drug | undefined): LimitChange[] {
  const drugName = after?.name ?? before?.name ?? drugId;
  const changes: LimitChange[] = [];
  const push = (
    quantity: LimitChange['quantity'],
    bound: LimitChange['bound'],
    label: string,
    unit: string,
    from: string | number | null,
    to: string | number | null,
  ) => {
    if (from === to) return;
    const text = `${drugName}: ${label}: ${shown(from, unit)} → ${shown(to, unit)}`;
    changes.push({ drugId, drugName, quantity, bound, before: from, after: to, text });
  };
  for (const quantity of limitedQuantityNames) {
    const { label, unit } = limitedQuantities[quantity];
    const from = before?.limits[quantity] ?? emptyRange;
    const to = after?.limits[quantity] ?? emptyRange;
    for (const bound of rangeBounds) {
      const words = `${label} (${unit}), ${limitBoundLabels[bound].toLowerCase()}`;
      push(quantity, bound, words, unit, from[bound], to[bound]);
    }
  }
  for (const bound of ['soft', 'hard'] as const) {
    const heading = bound === 'soft' ? limitHeadings.range : limitHeadings.hard;
    push(
      'weightMaxAgeDays',
      bound,
      `${weightAgeLabel}, ${heading.toLowerCase()}`,
      'days',
      before?.limits.weightMaxAgeDays[bound] ?? null,
      after?.limits.weightMaxAgeDays[bound] ?? null,
    );
  }
  return changes;
}

/**
 * Every bound that differs from one version to the next, drug by drug (a drug added or
 * removed changes each bound it has). Bounds are compared as the text the clinic typed.
 */
export function limitChanges(before: FormularyContent, after: FormularyContent): LimitChange[] {
  const ids = [...new Set([...before.drugs, ...after.drugs].map((drug) => drug.id))];
  return ids.flatMap((id) =>
    drugChanges(
      id,
      before.drugs.find((drug) => drug.id === id),
      after.drugs.find((drug) => drug.id === id),
    ),
  );
}

/** One saved version as the formulary's history shows it. */
export const formularyHistoryEntrySchema = z.object({
  version: z.number().int().positive(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  /** Null for versions saved before a reason was asked for. */
  reason: z.string().nullable(),
  /** The password was asked again (every version saved with a reason). */
  passwordConfirmed: z.boolean(),
  limitChanges: z.array(z.string()),
});
export type FormularyHistoryEntry = z.infer<typeof formularyHistoryEntrySchema>;
