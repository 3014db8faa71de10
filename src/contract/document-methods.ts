import { z } from 'zod';
import { passwordSchema } from '../domain/user';
import { define, empty, idSchema } from './define-method';

/** A signed PDF exactly as stored when it was signed. */
const storedPdfSchema = z.object({
  fileName: z.string(),
  sha256: z.string(),
  createdAt: z.string(),
  pdfBase64: z.string(),
});

/** Signed PDF summaries, verifying them, and the certificates they are signed with. */
export const documentMethods = {
  /** The signed PDF summary stored when a version was signed (base64). Reading it is audited. */
  'documents.forVersion': define({
    input: z.object({ versionId: idSchema }).strict(),
    output: storedPdfSchema,
    access: ['physician', 'nurse', 'auditor'],
  }),
  /** The signed PDF of an infusion session record stored at one of its signatures (base64). Audited. */
  'documents.forSessionSignature': define({
    input: z.object({ sessionSignatureId: idSchema }).strict(),
    output: storedPdfSchema,
    access: ['physician', 'nurse', 'auditor'],
  }),
  /** Verifies any signed PDF the user opens, trusting the clinic's own root certificate. */
  'documents.verify': define({
    input: z.object({ pdfBase64: z.base64().max(40_000_000) }).strict(),
    output: z.object({
      valid: z.boolean(),
      checks: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string() })),
    }),
    access: 'signed-in',
  }),
  /**
   * Uses an organisation-issued PKCS#12 (certificate and key) for the caller's signatures
   * instead of the clinic-issued certificate; the key is re-encrypted under their password.
   */
  'identity.importPkcs12': define({
    input: z
      .object({ p12Base64: z.base64().max(1_000_000), p12Password: z.string().max(256), password: passwordSchema })
      .strict(),
    output: z.object({ subject: z.string(), issuer: z.string(), notAfter: z.string(), fingerprintSha256: z.string() }),
    access: ['physician', 'nurse'],
  }),
  /** The clinic root certificate, for auditors and PDF readers to trust. */
  'identity.rootCertificate': define({
    input: empty,
    output: z.object({
      pem: z.string(),
      subject: z.string(),
      fingerprintSha256: z.string(),
      notBefore: z.string(),
      notAfter: z.string(),
    }),
    access: 'signed-in',
  }),
} as const;
