import { z } from 'zod';
import type { PretreatmentResult } from './pretreatment-results';
import { pretreatmentKindLabels, pretreatmentKinds, requirementKey } from './pretreatment-results';

/**
 * Which pre-treatment results the clinic requires, for which indications, and how old each
 * may be at the exam. Only what the clinic configured: an empty list is valid and requires
 * nothing, and the app suggests no limits of its own.
 */

const itemIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Use lower-case letters, digits and hyphens for the item code');

export const pretreatmentClinicItemSchema = z
  .object({ itemId: itemIdSchema, label: z.string().trim().min(1, 'Enter the item').max(300) })
  .strict();
export type PretreatmentClinicItem = z.infer<typeof pretreatmentClinicItemSchema>;

export const pretreatmentRequirementSchema = z
  .object({
    kind: z.enum([...pretreatmentKinds, 'clinic-item']),
    /** Only for a clinic item: which of the clinic's items. */
    itemId: itemIdSchema.optional(),
    /** Every indication, or those whose ICD-10 code starts with one of these (M79, F33.9). */
    indications: z.union([
      z.literal('all'),
      z
        .array(
          z
            .string()
            .trim()
            .toUpperCase()
            .regex(/^[A-Z][0-9A-Z.]{0,7}$/, 'Enter ICD-10 codes or their start, such as F33 or M79.7'),
        )
        .min(1, 'Choose at least one indication, or all'),
    ]),
    maxAgeDays: z.number().int('Enter whole days').min(1, 'Allow at least 1 day').max(36500),
  })
  .strict();
export type PretreatmentRequirement = z.infer<typeof pretreatmentRequirementSchema>;

export const pretreatmentRequirementsSchema = z
  .object({
    items: z.array(pretreatmentClinicItemSchema).max(50),
    required: z.array(pretreatmentRequirementSchema).max(100),
  })
  .strict()
  .superRefine((value, context) => {
    const items = new Set(value.items.map((item) => item.itemId));
    if (items.size !== value.items.length)
      context.addIssue({ code: 'custom', path: ['items'], message: 'Each item code must be unique' });
    value.required.forEach((requirement, index) => {
      if (requirement.kind === 'clinic-item' && (requirement.itemId === undefined || !items.has(requirement.itemId))) {
        context.addIssue({
          code: 'custom',
          path: ['required', index, 'itemId'],
          message: 'Choose one of the clinic’s items',
        });
      }
    });
  });
export type PretreatmentRequirements = z.infer<typeof pretreatmentRequirementsSchema>;

export function requirementKeyOf(requirement: PretreatmentRequirement): string {
  return requirement.kind === 'clinic-item' ? `item:${requirement.itemId ?? ''}` : requirement.kind;
}

export function requirementLabel(requirement: PretreatmentRequirement, requirements: PretreatmentRequirements): string {
  if (requirement.kind !== 'clinic-item') return pretreatmentKindLabels[requirement.kind];
  return requirements.items.find((item) => item.itemId === requirement.itemId)?.label ?? requirement.itemId ?? '';
}

/** Whether a requirement applies to an exam for this ICD-10 code ('' applies only to "all"). */
export function appliesTo(requirement: PretreatmentRequirement, icd10: string): boolean {
  if (requirement.indications === 'all') return true;
  const code = icd10.trim().toUpperCase();
  return code !== '' && requirement.indications.some((prefix) => code.startsWith(prefix));
}

const dayMs = 86_400_000;
/** Whole days from `from` to `to` (ISO dates), negative when `from` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

export type RequirementStatus =
  | { key: string; label: string; maxAgeDays: number; status: 'current'; ageDays: number; takenOn: string }
  | { key: string; label: string; maxAgeDays: number; status: 'stale'; ageDays: number; takenOn: string }
  | { key: string; label: string; maxAgeDays: number; status: 'missing' };

/**
 * Each requirement that applies to the exam, with the newest result taken on or before the
 * exam date: current when at most `maxAgeDays` old, stale when older, missing when none. A
 * result dated after the exam never counts (it cannot have been checked at the exam). When
 * two requirements name the same item, the strictest (shortest) limit is the one shown.
 */
export function pretreatmentStatus(
  requirements: PretreatmentRequirements | undefined,
  results: readonly Pick<PretreatmentResult, 'takenOn' | 'value'>[],
  indicationIcd10: string,
  examDate: string,
): RequirementStatus[] {
  if (requirements === undefined) return [];
  const strictest = new Map<string, PretreatmentRequirement>();
  for (const requirement of requirements.required) {
    if (!appliesTo(requirement, indicationIcd10)) continue;
    const key = requirementKeyOf(requirement);
    const before = strictest.get(key);
    if (before === undefined || requirement.maxAgeDays < before.maxAgeDays) strictest.set(key, requirement);
  }
  return [...strictest.entries()].map(([key, requirement]) => {
    const label = requirementLabel(requirement, requirements);
    const { maxAgeDays } = requirement;
    let newest: string | null = null;
    for (const result of results) {
      if (result.takenOn === null || requirementKey(result.value) !== key) continue;
      if (result.takenOn > examDate) continue;
      if (newest === null || result.takenOn > newest) newest = result.takenOn;
    }
    if (newest === null) return { key, label, maxAgeDays, status: 'missing' as const };
    const ageDays = daysBetween(newest, examDate);
    return { key, label, maxAgeDays, status: ageDays <= maxAgeDays ? 'current' : 'stale', ageDays, takenOn: newest };
  });
}

const days = (count: number) => (count === 1 ? '1 day' : `${count} days`);

/** The status in words, as the exam, the signing step and the PDF show it. */
export function requirementStatusText(status: RequirementStatus): string {
  if (status.status === 'missing') return `${status.label}: Missing (required within ${days(status.maxAgeDays)})`;
  if (status.status === 'stale') {
    return `${status.label}: Stale — ${days(status.ageDays)} old, limit ${days(status.maxAgeDays)}`;
  }
  return `${status.label}: Current — ${days(status.ageDays)} old, limit ${days(status.maxAgeDays)}`;
}

/** The missing or stale items in words: what a signer must give a reason for. */
export function pretreatmentGaps(statuses: readonly RequirementStatus[]): string[] {
  return statuses.filter((status) => status.status !== 'current').map(requirementStatusText);
}

export const pretreatmentReasonPath = 'pretreatment.acknowledgement.reason';

/**
 * What signing needs about the clinic's requirements: nothing when all are current; else a
 * reason given against exactly the gaps shown now (so a change in the gaps asks again).
 */
export function pretreatmentRequirementProblems(
  gaps: readonly string[],
  acknowledgement: { reason: string; problems: readonly string[] } | undefined,
): { path: string; message: string }[] {
  if (gaps.length === 0) return [];
  const answered =
    acknowledgement !== undefined &&
    acknowledgement.reason.trim() !== '' &&
    acknowledgement.problems.length === gaps.length &&
    acknowledgement.problems.every((problem, index) => problem === gaps[index]);
  if (answered) return [];
  return [
    {
      path: pretreatmentReasonPath,
      message: `Pre-treatment results required by your clinic are missing or stale (${gaps.join('; ')}): give the reason for signing without them`,
    },
  ];
}
