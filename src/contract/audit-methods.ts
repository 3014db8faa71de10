import { z } from 'zod';
import type { Role } from '../domain/roles';
import { auditEntrySchema, auditVerificationSchema } from '../domain/audit';
import { isoDateSchema } from '../domain/patient';
import { auditVerifyJobSchema } from './audit-verify-job';
import { define, empty, idSchema } from './define-method';

const oversight: readonly Role[] = ['admin', 'auditor'];
/** The largest piece of an export one call returns, so no call holds more of it in memory. */
export const exportChunkMaxBytes = 1024 * 1024;
const exportJobSchema = z.object({
  id: z.string(),
  state: z.enum(['writing', 'done', 'cancelled', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  /** Where the export was written, on the computer that holds the ledger. */
  outPath: z.string(),
  message: z.string(),
  /** The file being written now, as its path inside the export; empty when none is. */
  what: z.string(),
  /** The finished zip, for downloading to the device that asked; null until it is written. */
  download: z
    .object({ fileName: z.string(), totalBytes: z.number().int().nonnegative(), sha256: z.string() })
    .nullable(),
});

/** Oversight: reading and verifying the audit log, and the auditor's export of the records. */
export const auditMethods = {
  /**
   * The audit log newest first, a page at a time (`beforeSeq`: the previous page's last), narrowed
   * in the database to whole days in the clinic's time zone (`from`, `to`, both included), an
   * actor, an action, an entity type and an entity ID: each given filter must hold.
   */
  'audit.list': define({
    input: z
      .object({
        beforeSeq: idSchema.optional(),
        limit: z.number().int().min(1).max(500).default(100),
        from: isoDateSchema.optional(),
        to: isoDateSchema.optional(),
        actorUserId: idSchema.optional(),
        action: z.string().trim().min(1).max(100).optional(),
        entityType: z.string().trim().min(1).max(64).optional(),
        entityId: z.string().trim().min(1).max(64).optional(),
      })
      .strict()
      .refine((input) => input.from === undefined || input.to === undefined || input.from <= input.to, {
        message: 'The first day is after the last day. Swap them.',
        path: ['to'],
      }),
    output: z.object({
      entries: z.array(auditEntrySchema.extend({ actorName: z.string().nullable() })),
      /** Everyone who may appear as an actor, for the actor filter (users are few). */
      actors: z.array(z.object({ userId: z.number().int().positive(), name: z.string() })).optional(),
    }),
    access: oversight,
  }),
  'audit.verify': define({ input: empty, output: auditVerificationSchema, access: oversight }),
  /**
   * The same check in the background, on a snapshot of the ledger, so other calls go on meanwhile:
   * poll its progress with `audit.verifyStatus`, stop it with `audit.verifyCancel`. `sinceLast`
   * walks only the entries after the newest signed checkpoint at or before the head the last
   * intact verification checked (a full check when there is none). Audited once it ends.
   */
  'audit.verifyStart': define({
    input: z.object({ scope: z.enum(['full', 'sinceLast']) }).strict(),
    output: auditVerifyJobSchema,
    access: oversight,
  }),
  'audit.verifyStatus': define({
    input: z.object({ jobId: z.uuid() }).strict(),
    output: auditVerifyJobSchema,
    access: oversight,
  }),
  'audit.verifyCancel': define({
    input: z.object({ jobId: z.uuid() }).strict(),
    output: auditVerifyJobSchema,
    access: oversight,
  }),

  /**
   * Auditor export of the chosen records: signed PDFs, FHIR R4 (Bundle and NDJSON), CSV, the
   * audit log with its chain head, the clinic root certificate and a manifest of SHA-256s.
   * Written in the background; poll its progress, cancel it without leaving partial files.
   */
  'exports.start': define({
    input: z
      .object({
        from: isoDateSchema.optional(),
        to: isoDateSchema.optional(),
        patientIds: z.array(idSchema).min(1).max(10_000).optional(),
      })
      .strict(),
    output: exportJobSchema,
    access: ['auditor'],
  }),
  'exports.status': define({
    input: z.object({ exportId: z.uuid() }).strict(),
    output: exportJobSchema,
    access: ['auditor'],
  }),
  'exports.cancel': define({
    input: z.object({ exportId: z.uuid() }).strict(),
    output: exportJobSchema,
    access: ['auditor'],
  }),
  /**
   * One piece of a finished export's zip, from `offset`, for saving on the device that asked
   * (a tablet or a workstation of the clinic host as much as the computer holding the ledger).
   * Fetch from 0 until `done`; each download is audited once, at its first piece.
   */
  'exports.download': define({
    input: z
      .object({
        exportId: z.uuid(),
        offset: z.number().int().nonnegative(),
        maxBytes: z.number().int().min(1).max(exportChunkMaxBytes).optional(),
      })
      .strict(),
    output: z.object({
      fileName: z.string(),
      offset: z.number().int().nonnegative(),
      chunkBase64: z.base64(),
      totalBytes: z.number().int().nonnegative(),
      sha256: z.string(),
      done: z.boolean(),
    }),
    access: ['auditor'],
  }),
} as const;
