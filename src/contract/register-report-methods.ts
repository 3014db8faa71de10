import { z } from 'zod';
import { isoDateSchema } from '../domain/patient';
import { passwordSchema } from '../domain/user';
import { define, idSchema } from './define-method';

/**
 * A register document made on request: a signed PDF (the register for a range of clinic days,
 * or the information for DEA Form 106) or the register's CSV, as base64 like the stored signed
 * summaries (`documents.forVersion`). Producing one is audited with its SHA-256.
 */
export const registerDocumentSchema = z.object({
  fileName: z.string(),
  mediaType: z.enum(['application/pdf', 'text/csv']),
  sha256: z.string(),
  createdAt: z.string(),
  contentBase64: z.string(),
});
export type RegisterDocument = z.infer<typeof registerDocumentSchema>;

/** The signer of a PDF proves it is them (21 CFR 11.200): user ID on the first signing of a sign-in. */
const signerFields = {
  username: z.string().trim().toLowerCase().max(64).optional(),
  password: passwordSchema.optional(),
};

export const registerReportInputSchema = z
  .object({
    /** Clinic days, inclusive. */
    from: isoDateSchema,
    to: isoDateSchema,
    /** pdf (signed: needs the producer's password) or csv (one row per entry). */
    format: z.enum(['pdf', 'csv']).default('pdf'),
    ...signerFields,
  })
  .strict()
  .superRefine((input, context) => {
    if (input.to < input.from) {
      context.addIssue({ code: 'custom', path: ['to'], message: 'The last day must not be before the first' });
    }
  });

export const registerReportMethods = {
  /**
   * The register for a range of clinic days. The PDF is signed by whoever produces it, with
   * their own key (physicians and nurses hold one); auditors and administrators take the CSV.
   */
  'register.report': define({
    input: registerReportInputSchema,
    output: registerDocumentSchema,
    access: ['physician', 'nurse', 'auditor', 'admin'],
  }),
  /** The information DEA Form 106 asks for, for a discrepancy written off as theft, loss or spillage (signed PDF). */
  'register.lossReport': define({
    input: z.object({ countEntryId: idSchema, ...signerFields, password: passwordSchema }).strict(),
    output: registerDocumentSchema,
    access: ['physician', 'nurse'],
  }),
} as const;
