import { z } from 'zod';
import { responseDefinitionsSchema } from './response-definitions';
import { starterDischargeCriteria } from './infusion-session';
import { dischargeInstructionsSchema } from './discharge-instructions';
import { requiredMonitoringSchema } from './session-monitoring';
import { pretreatmentRequirementsSchema } from './pretreatment-requirements';
import { riskScreenConfigurationSchema } from './suicide-risk';

/**
 * What the clinic asks at every infusion session: which scales the pre-infusion checklist
 * records, and the discharge criteria the nurse ticks off. Versioned like the formulary: a
 * change is a new version, and sessions already charted keep what they recorded (a discharge
 * stores the wording of each criterion as it was shown).
 */

/** In the order the checklist shows them. */
export const preSessionScaleIds = ['painNrs', 'phq9', 'gad7', 'pcl5'] as const;
export type PreSessionScaleId = (typeof preSessionScaleIds)[number];

export const preSessionScaleLabels: Record<PreSessionScaleId, string> = {
  painNrs: 'Pain now (numeric rating scale 0–10)',
  phq9: 'PHQ-9 (depression, 9 items)',
  gad7: 'GAD-7 (anxiety, 7 items)',
  pcl5: 'PCL-5 (post-traumatic stress, 20 items)',
};

export const preSessionScalesSchema = z
  .object({ painNrs: z.boolean(), phq9: z.boolean(), gad7: z.boolean(), pcl5: z.boolean() })
  .strict();
export type PreSessionScales = z.infer<typeof preSessionScalesSchema>;

/** The same bounds as a charted discharge (dischargeSchema), so every configured list can be charted. */
export const maxCriteriaInForce = 50;
const maxCriterionIdLength = 64;

export const dischargeCriterionSchema = z
  .object({
    /** Stable: a reworded criterion keeps its id, and an id is never reused for another meaning. */
    itemId: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Use lower-case letters, digits and hyphens for the criterion code'),
    label: z.string().trim().min(1, 'Enter the criterion').max(300, 'Use at most 300 characters'),
    /** No longer asked; kept so that its id stays taken and it can be brought back. */
    retired: z.boolean(),
  })
  .strict();
export type DischargeCriterion = z.infer<typeof dischargeCriterionSchema>;

export const sessionConfigurationContentSchema = z
  .object({
    preSessionScales: preSessionScalesSchema,
    dischargeCriteria: z.array(dischargeCriterionSchema).max(200, 'Keep at most 200 criteria, retired ones included'),
    /** How the clinic judges response to a series (absent or empty: none configured). */
    responseDefinitions: responseDefinitionsSchema.optional(),
    /** Monitoring required at each infusion, and the recovery check interval (absent: none set). */
    requiredMonitoring: requiredMonitoringSchema.optional(),
    /** The clinic's written discharge instructions (absent: none written). */
    dischargeInstructions: dischargeInstructionsSchema.optional(),
    /** Pre-treatment results the exam requires, by indication and age (absent: none required). */
    pretreatmentRequirements: pretreatmentRequirementsSchema.optional(),
    /** The risk screen asked at every exam (absent: none; PHQ-9 item 9 still flags a suicide risk). */
    riskScreen: riskScreenConfigurationSchema.optional(),
  })
  .strict()
  .superRefine((content, context) => {
    const ids = new Set<string>();
    const labels = new Set<string>();
    content.dischargeCriteria.forEach((criterion, index) => {
      if (ids.has(criterion.itemId)) {
        context.addIssue({
          code: 'custom',
          path: ['dischargeCriteria', index, 'itemId'],
          message: 'Each criterion code must be unique',
        });
      }
      ids.add(criterion.itemId);
      const folded = criterion.label.trim().toLocaleLowerCase();
      if (criterion.retired) return;
      // Two boxes with the same words would leave the nurse guessing which is which.
      if (labels.has(folded)) {
        context.addIssue({
          code: 'custom',
          path: ['dischargeCriteria', index, 'label'],
          message: 'This criterion is already in the list',
        });
      }
      labels.add(folded);
    });
    const inForce = content.dischargeCriteria.filter((criterion) => !criterion.retired).length;
    if (inForce === 0) {
      context.addIssue({
        code: 'custom',
        path: ['dischargeCriteria'],
        message: 'Keep at least one discharge criterion in use',
      });
    }
    if (inForce > maxCriteriaInForce) {
      context.addIssue({
        code: 'custom',
        path: ['dischargeCriteria'],
        message: `Use at most ${maxCriteriaInForce} discharge criteria at a time`,
      });
    }
  });
export type SessionConfigurationContent = z.infer<typeof sessionConfigurationContentSchema>;

export const sessionConfigurationSchema = z.object({
  /** 0 until the clinic first saves its own: then the starter configuration is in force. */
  version: z.number().int().nonnegative(),
  content: sessionConfigurationContentSchema,
  createdAt: z.string().nullable(),
  createdBy: z.string().nullable(),
});
export type SessionConfiguration = z.infer<typeof sessionConfigurationSchema>;

/** A new clinic asks every scale and starts from the starter criteria; neither is a dose. */
export const starterSessionConfiguration: SessionConfigurationContent = {
  preSessionScales: { painNrs: true, phq9: true, gad7: true, pcl5: true },
  dischargeCriteria: starterDischargeCriteria.map((criterion) => ({ ...criterion, retired: false })),
};

/** The criteria a discharge is charted against now, in the clinic's order. */
export function criteriaInForce(content: SessionConfigurationContent): { itemId: string; label: string }[] {
  return content.dischargeCriteria
    .filter((criterion) => !criterion.retired)
    .map(({ itemId, label }) => ({ itemId, label }));
}

/** "Walks steadily without help" → "walks-steadily-without-help", unique among `taken`. */
export function newCriterionId(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, maxCriterionIdLength - 4)
      .replace(/-+$/, '') || 'criterion';
  let id = base;
  for (let suffix = 2; taken.has(id); suffix += 1) id = `${base}-${suffix}`;
  return id;
}

/** One change for the audit log: what a setting was and what it became. */
export interface ConfigurationChange {
  path: string;
  from: string | boolean | string[] | { label: string; retired: boolean } | null;
  to: string | boolean | string[] | { label: string; retired: boolean } | null;
}

/**
 * What changed between two configurations, by criterion code rather than by position, so a
 * reorder reads as one change and a reworded criterion as its old and new wording.
 */
export function sessionConfigurationChanges(
  before: SessionConfigurationContent,
  after: SessionConfigurationContent,
): ConfigurationChange[] {
  const changes: ConfigurationChange[] = [];
  for (const scale of preSessionScaleIds) {
    if (before.preSessionScales[scale] !== after.preSessionScales[scale]) {
      changes.push({
        path: `preSessionScales.${scale}`,
        from: before.preSessionScales[scale],
        to: after.preSessionScales[scale],
      });
    }
  }
  const was = new Map(before.dischargeCriteria.map((criterion) => [criterion.itemId, criterion]));
  const now = new Map(after.dischargeCriteria.map((criterion) => [criterion.itemId, criterion]));
  for (const criterion of after.dischargeCriteria) {
    const old = was.get(criterion.itemId);
    const path = `dischargeCriteria.${criterion.itemId}`;
    if (old === undefined) {
      changes.push({ path, from: null, to: { label: criterion.label, retired: criterion.retired } });
      continue;
    }
    if (old.label !== criterion.label) changes.push({ path: `${path}.label`, from: old.label, to: criterion.label });
    if (old.retired !== criterion.retired) {
      changes.push({ path: `${path}.retired`, from: old.retired, to: criterion.retired });
    }
  }
  for (const criterion of before.dischargeCriteria) {
    if (!now.has(criterion.itemId)) {
      changes.push({
        path: `dischargeCriteria.${criterion.itemId}`,
        from: { label: criterion.label, retired: criterion.retired },
        to: null,
      });
    }
  }
  const order = (list: DischargeCriterion[], other: Map<string, DischargeCriterion>) =>
    list.filter((criterion) => other.has(criterion.itemId)).map((criterion) => criterion.itemId);
  const orderBefore = order(before.dischargeCriteria, now);
  const orderAfter = order(after.dischargeCriteria, was);
  if (orderBefore.join('\n') !== orderAfter.join('\n')) {
    changes.push({ path: 'dischargeCriteria.order', from: orderBefore, to: orderAfter });
  }
  // Settings read as a whole (few items each): the audit keeps each before and after, as JSON.
  const wholes = [
    ['requiredMonitoring', null],
    ['dischargeInstructions', null],
    ['pretreatmentRequirements', null],
    ['responseDefinitions', []],
  ] as const;
  for (const [key, absent] of wholes) {
    const was = JSON.stringify(before[key] ?? absent);
    const now = JSON.stringify(after[key] ?? absent);
    if (was !== now) changes.push({ path: key, from: was, to: now });
  }
  // The risk screen's questions, before and after, as their words (an empty screen is no screen).
  if (JSON.stringify(before.riskScreen?.items ?? []) !== JSON.stringify(after.riskScreen?.items ?? [])) {
    changes.push({
      path: 'riskScreen.items',
      from: (before.riskScreen?.items ?? []).map((item) => item.label),
      to: (after.riskScreen?.items ?? []).map((item) => item.label),
    });
  }
  return changes;
}
