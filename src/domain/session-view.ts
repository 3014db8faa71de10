import { z } from 'zod';
import {
  adverseEventSchema,
  administrationEventSchema,
  checklistSchema,
  dischargeSchema,
  observationSchema,
} from './infusion-session';
import { supervisionHandoverSchema } from './session-supervision';

const entryBase = z.object({
  id: z.number().int().positive(),
  occurredAt: z.string(),
  recordedAt: z.string(),
  userId: z.number().int(),
  printedName: z.string(),
  correctsEntryId: z.number().int().nullable(),
  correctionReason: z.string().nullable(),
  /** Set when a later entry corrects this one: this one is then shown struck through. */
  correctedByEntryId: z.number().int().nullable(),
  witnessPrintedName: z.string().nullable(),
});

export const sessionEntryViewSchema = z.discriminatedUnion('kind', [
  entryBase.extend({ kind: z.literal('checklist'), content: checklistSchema }),
  entryBase.extend({ kind: z.literal('event'), content: administrationEventSchema }),
  entryBase.extend({ kind: z.literal('observation'), content: observationSchema }),
  entryBase.extend({ kind: z.literal('adverse-event'), content: adverseEventSchema }),
  entryBase.extend({ kind: z.literal('discharge'), content: dischargeSchema }),
  entryBase.extend({ kind: z.literal('supervision'), content: supervisionHandoverSchema }),
]);
export type SessionEntryView = z.infer<typeof sessionEntryViewSchema>;

export const sessionStatuses = [
  'Not started',
  'Running',
  'Paused',
  'Stopped',
  'Ended',
  'Discharged',
  'Signed',
  'Amended after signing',
] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

export const sessionSignatureViewSchema = z.object({
  id: z.number().int(),
  signerUserId: z.number().int(),
  printedName: z.string(),
  meaning: z.enum(['performed', 'reviewed']),
  signedAt: z.string(),
  lastEntryId: z.number().int(),
  contentSha256: z.string(),
});

export const sessionViewSchema = z.object({
  id: z.number().int().positive(),
  patientId: z.number().int().positive(),
  planRecordId: z.number().int().positive(),
  planVersionId: z.number().int().positive(),
  seriesNumber: z.number().int().positive(),
  seriesTotal: z.number().int().nullable(),
  createdAt: z.string(),
  createdByPrintedName: z.string(),
  status: z.enum(sessionStatuses),
  /** The plan's pump rate, rounded as printed on the plan (mL/h), to compare charted rates with. */
  plannedRateMlPerH: z.string().nullable(),
  monitoringIntervalMin: z.number().int().nullable(),
  /** The clinic's recovery check interval in force (session configuration); absent or null = none. */
  recoveryCheckIntervalMin: z.number().int().nullable().optional(),
  /** When the plan version charted against was signed: a start before it needs a reason. */
  planSignedAt: z.string().nullable().optional(),
  /** The plan's duration, for the planned end while the infusion runs. */
  plannedDurationMin: z.number().int().nullable().optional(),
  /** The plan's final volume (mL, as printed): an end far from it asks for the reason. */
  plannedVolumeMl: z.string().nullable().optional(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  lastObservationAt: z.string().nullable(),
  /** Oldest first, as charted (by the time it happened, then by id). */
  entries: z.array(sessionEntryViewSchema),
  signatures: z.array(sessionSignatureViewSchema),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

/** The newest entry charted on the session (0 when there is none): what a signature covers. */
export function lastEntryIdOf(session: { entries: readonly { id: number }[] }): number {
  return Math.max(0, ...session.entries.map((entry) => entry.id));
}
