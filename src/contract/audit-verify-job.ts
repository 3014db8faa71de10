import { z } from 'zod';
import { auditVerificationSchema } from '../domain/audit';

/** A verification of the ledger running in the background (`audit.verifyStart`), as it stands. */
export const auditVerifyJobSchema = z.object({
  id: z.string(),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  /** What was asked: everything, or the entries since the last verification that found the ledger intact. */
  scope: z.enum(['full', 'sinceLast']),
  /** Progress in work units (an audit entry is one); `total` is fixed once the check has started. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** What is being checked now, in words. */
  what: z.string(),
  /** An estimate, once enough of the check has run to tell; null before. */
  secondsLeft: z.number().int().nonnegative().nullable(),
  /** Where the check started (full, or after which signed entry), once it has started. */
  start: z
    .object({
      kind: z.enum(['full', 'incremental']),
      fromSeq: z.number().int().nonnegative(),
      checkpointId: z.number().int().nullable(),
      note: z.string(),
    })
    .nullable(),
  /** The head of the ledger the check judged (its snapshot), once it has started. */
  head: z.object({ seq: z.number().int().nonnegative(), hash: z.string() }).nullable(),
  /** The outcome, as `audit.verify` gives it; null until done. */
  result: auditVerificationSchema.nullable(),
  message: z.string(),
});
export type AuditVerifyJob = z.infer<typeof auditVerifyJobSchema>;
