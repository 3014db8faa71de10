import { z } from 'zod';
import type { JsonValue } from './canonical-json';

/** The hash that precedes the first entry of every chain. */
export const genesisHash = '0'.repeat(64);

const jsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(jsonValueSchema),
    z.record(z.string(), jsonValueSchema),
  ]),
);

export const auditEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  actorUserId: z.number().int().positive().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  details: z.record(z.string(), jsonValueSchema),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/**
 * Rows of any audited table that differ from what their audit entries recorded, one line
 * each (table, row, field); absent when there are none.
 */
const tableProblems = z.array(z.string()).optional();
/** Signed checkpoints that no longer match the chain (rewritten, cut short) or do not verify. */
const checkpointProblems = z.array(z.string()).optional();
/** How many signed checkpoints match the chain. */
const checkpoints = z.number().int().nonnegative().optional();

export const auditVerificationSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    entries: z.number().int(),
    headHash: z.string(),
    tableProblems,
    checkpointProblems,
    checkpoints,
  }),
  z.object({
    ok: z.literal(false),
    entries: z.number().int(),
    /** The first entry whose hash or link does not match, and why. */
    firstBrokenSeq: z.number().int(),
    reason: z.string(),
    tableProblems,
    checkpointProblems,
    checkpoints,
  }),
]);
export type AuditVerification = z.infer<typeof auditVerificationSchema>;
