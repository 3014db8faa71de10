import { z } from 'zod';
import { reviewComputedSchema, reviewContentSchema } from './course-review';
import { examContentSchema } from './exam';
import { drugLimitsSchema } from './limits';
import { planContentSchema } from './plan';
import { displayStatuses, recordTypeSchema, signatureSchema } from './record';
import { recordedWeightSchema, weightCheckSettingsSchema, weightFindingSchema } from './weight-check';

/** The weight check as it stood at signing: the clinic's settings then, and what it surfaced. */
export const weightCheckComputedSchema = z.object({
  settings: weightCheckSettingsSchema,
  findings: z.array(weightFindingSchema),
});
export type WeightCheckComputed = z.infer<typeof weightCheckComputedSchema>;

/**
 * What a draft's editor needs to run the weight check live as the physician types: the
 * patient's previous weights and the clinic's settings, with the findings on the saved content.
 */
export const draftWeightCheckSchema = weightCheckComputedSchema.extend({
  previous: z.array(recordedWeightSchema),
});
export type DraftWeightCheck = z.infer<typeof draftWeightCheckSchema>;

/** What the app computed for a plan when it was signed, stored and hashed with it. */
export const planComputedSchema = z.object({
  evaluatedOn: z.string(),
  drugName: z.string(),
  derived: z.record(z.string(), z.string()),
  lines: z.array(
    z.object({ quantity: z.string(), label: z.string(), formula: z.string(), shown: z.string(), rounding: z.string() }),
  ),
  findings: z.array(z.object({ check: z.string(), level: z.enum(['soft', 'hard']), message: z.string() })),
  limits: drugLimitsSchema,
  noLimitsConfigured: z.boolean(),
  weightAgeDays: z.number().int().nullable(),
  weightKg: z.string().nullable(),
  /** Absent in plans signed before the weight check existed. */
  weightCheck: weightCheckComputedSchema.optional(),
  /**
   * What the programmed pump rate delivers against the signed dose, as the signer saw it.
   * Absent in plans signed before pumps' steps were taken into account.
   */
  delivery: z.object({ text: z.string(), differs: z.boolean() }).optional(),
});
export type PlanComputed = z.infer<typeof planComputedSchema>;

/** What the app computed for an exam when it was signed. */
export const examComputedSchema = z.object({
  scaleTotals: z.object({ phq9: z.number().nullable(), gad7: z.number().nullable(), pcl5: z.number().nullable() }),
  weightKg: z.string().nullable(),
  /** Absent in exams signed before the weight check existed. */
  weightCheck: weightCheckComputedSchema.optional(),
});
export type ExamComputed = z.infer<typeof examComputedSchema>;

const versionBase = z.object({
  id: z.number().int().positive(),
  recordId: z.number().int().positive(),
  version: z.number().int().positive(),
  status: z.enum(['draft', 'signed']),
  displayStatus: z.enum(displayStatuses),
  amendsVersionId: z.number().int().nullable(),
  amendmentReason: z.string().nullable(),
  supersededByVersionId: z.number().int().nullable(),
  examVersionId: z.number().int().nullable(),
  formularyVersion: z.number().int().nullable(),
  authorUserId: z.number().int(),
  authorPrintedName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  signedAt: z.string().nullable(),
  contentSha256: z.string().nullable(),
  signatures: z.array(signatureSchema),
  /** Drafts only. */
  draftWeightCheck: draftWeightCheckSchema.optional(),
});

export const recordVersionViewSchema = z.discriminatedUnion('recordType', [
  versionBase.extend({
    recordType: z.literal('exam'),
    content: examContentSchema,
    computed: examComputedSchema.nullable(),
  }),
  versionBase.extend({
    recordType: z.literal('plan'),
    content: planContentSchema,
    computed: planComputedSchema.nullable(),
  }),
  versionBase.extend({
    recordType: z.literal('review'),
    content: reviewContentSchema,
    computed: reviewComputedSchema.nullable(),
    /** Drafts only: the series' figures as they stand now, for the editor (frozen at signing). */
    draftFigures: reviewComputedSchema.optional(),
  }),
]);
export type RecordVersionView = z.infer<typeof recordVersionViewSchema>;

export const recordViewSchema = z.object({
  id: z.number().int().positive(),
  type: recordTypeSchema,
  patientId: z.number().int().positive(),
  createdAt: z.string(),
  discontinued: z.object({ at: z.string(), reason: z.string(), printedName: z.string() }).nullable(),
  /** Oldest first. */
  versions: z.array(recordVersionViewSchema),
});
export type RecordView = z.infer<typeof recordViewSchema>;

export const versionCheckSchema = z.object({
  versionId: z.number().int(),
  version: z.number().int(),
  ok: z.boolean(),
  storedSha256: z.string(),
  recomputedSha256: z.string(),
  /** One line per check, in words. */
  problems: z.array(z.string()),
});
export type VersionCheck = z.infer<typeof versionCheckSchema>;
