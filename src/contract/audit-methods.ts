import { z } from 'zod';
import type { Role } from '../domain/roles';
import { auditEntrySchema, auditVerificationSchema } from '../domain/audit';
import { isoDateSchema } from '../domain/patient';
import { define, empty, idSchema } from './define-method';

const oversight: readonly Role[] = ['admin', 'auditor'];
const exportJobSchema = z.object({
  id: z.string(),
  state: z.enum(['writing', 'done', 'cancelled', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  outPath: z.string(),
  message: z.string(),
});

/** Oversight: reading and verifying the audit log, and the auditor's export of the records. */
export const auditMethods = {
  'audit.list': define({
    input: z
      .object({
        beforeSeq: idSchema.optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({ entries: z.array(auditEntrySchema.extend({ actorName: z.string().nullable() })) }),
    access: oversight,
  }),
  'audit.verify': define({ input: empty, output: auditVerificationSchema, access: oversight }),

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
} as const;
