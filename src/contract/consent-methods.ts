import { z } from 'zod';
import type { Role } from '../domain/roles';
import {
  consentDocumentContentSchema,
  consentRequirements,
  consentSignerSchema,
  initialPointSchema,
} from '../domain/consent';
import { signatureStrokesSchema } from '../domain/consent-signature';
import { instantSchema } from '../domain/infusion-session';
import { passwordSchema } from '../domain/user';
import { chartReaders, clinical, define, empty, idSchema } from './define-method';

/**
 * Everyone reads the clinic's consent texts; the chart's readers (clinicians, auditors) read
 * patients' consents; clinicians record and withdraw them; administrators write the text.
 */
const consentReaders: readonly Role[] = ['physician', 'nurse', 'auditor', 'admin'];

const credentialsSchema = z
  .object({ username: z.string().trim().toLowerCase().min(1).max(64), password: passwordSchema })
  .strict();
const reasonSchema = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${what}`)
    .max(1000, 'Use at most 1,000 characters')
    .transform((value) => value.normalize('NFC'));

export const consentSettingsSchema = z.object({ requirement: z.enum(consentRequirements) }).strict();
export type ConsentSettings = z.infer<typeof consentSettingsSchema>;

export const consentDocumentVersionSchema = z.object({
  id: z.number().int(),
  documentId: z.number().int(),
  version: z.number().int(),
  content: consentDocumentContentSchema,
  textSha256: z.string(),
  reason: z.string(),
  createdAt: z.string(),
  createdByName: z.string(),
});
export type ConsentDocumentVersion = z.infer<typeof consentDocumentVersionSchema>;

/** Where a consent stands now, in words a reader needs. */
export const consentStateSchema = z.enum(['current', 'expired', 'withdrawn', 'text-changed', 'other-series']);

export const consentViewSchema = z.object({
  id: z.number().int(),
  patientId: z.number().int(),
  planRecordId: z.number().int().nullable(),
  documentId: z.number().int(),
  documentVersion: z.number().int(),
  documentTitle: z.string(),
  textSha256: z.string(),
  signer: consentSignerSchema,
  typedName: z.string(),
  initialled: z.array(z.string()),
  strokes: signatureStrokesSchema,
  patientSignedAt: z.string(),
  clinicianPrintedName: z.string(),
  witnessPrintedName: z.string().nullable(),
  signedAt: z.string(),
  contentSha256: z.string(),
  expiresAt: z.string().nullable(),
  withdrawal: z
    .object({ withdrawnAt: z.string(), reason: z.string(), recordedByName: z.string(), recordedAt: z.string() })
    .nullable(),
  state: consentStateSchema,
  /** The state in words: "Current until 07-Jun-2027", "Withdrawn 02-Jan-2027: …". */
  stateText: z.string(),
});
export type ConsentView = z.infer<typeof consentViewSchema>;

/** What an infusion of a plan needs, per document covering its indication. */
export const consentNeedViewSchema = z.object({
  documentId: z.number().int(),
  documentTitle: z.string(),
  currentVersionId: z.number().int(),
  satisfied: z.boolean(),
  consentId: z.number().int().nullable(),
  /** Why it is not satisfied ("No consent recorded", "Expired on …"), or until when it is. */
  text: z.string(),
});
export type ConsentNeedView = z.infer<typeof consentNeedViewSchema>;

export const consentMethods = {
  /** The clinic's consent documents (every version), the rule, and the empty template for a new one. */
  'consents.documents': define({
    input: empty,
    output: z.object({
      documents: z.array(
        z.object({ current: consentDocumentVersionSchema, versions: z.array(consentDocumentVersionSchema) }),
      ),
      /** A new document's starting point: headings only, so its title and text are still empty. */
      template: z.object({
        ...consentDocumentContentSchema.shape,
        title: z.string(),
        body: z.string(),
        initialPoints: z.array(initialPointSchema),
      }),
      settings: consentSettingsSchema,
      settingsVersion: z.number().int(),
    }),
    access: consentReaders,
  }),
  /** Saves a new document (documentId null) or a new version of one; the earlier versions stay as signed. */
  'consents.saveDocument': define({
    input: z
      .object({
        documentId: idSchema.nullable(),
        /** The version the administrator edited (0 for a new document): a stale save is refused. */
        expectedVersion: z.number().int().min(0),
        content: consentDocumentContentSchema,
        reason: reasonSchema('reason for this version'),
      })
      .strict(),
    output: consentDocumentVersionSchema,
    access: ['admin'],
  }),
  /** Whether an infusion without a current consent is refused (the default) or warned of. */
  'consents.saveSettings': define({
    input: z.object({ settings: consentSettingsSchema, expectedVersion: z.number().int().min(0) }).strict(),
    output: z.object({ settings: consentSettingsSchema, settingsVersion: z.number().int() }),
    access: ['admin'],
  }),
  /** A patient's consents, newest first, each with its state now; and what each of their plans needs. */
  'consents.forPatient': define({
    input: z.object({ patientId: idSchema }).strict(),
    output: z.object({
      consents: z.array(consentViewSchema),
      plans: z.array(z.object({ planRecordId: z.number().int(), needs: z.array(consentNeedViewSchema) })),
    }),
    // Like the chart itself: an administrator writes the text but does not read patients' records.
    access: chartReaders,
  }),
  /**
   * Records a consent: what the patient (or representative) read and signed on screen, completed
   * by the signed-in clinician's e-signature (meaning "obtained consent") and a witness where required.
   */
  'consents.record': define({
    input: z
      .object({
        patientId: idSchema,
        planRecordId: idSchema.nullable(),
        documentVersionId: idSchema,
        /** The SHA-256 of the text shown to the patient: a text changed while they read is refused. */
        textSha256: z.string().regex(/^[0-9a-f]{64}$/, 'Not a SHA-256'),
        signer: consentSignerSchema,
        typedName: z.string().trim().min(1, 'Type the name').max(200),
        initialled: z.array(z.string().max(40)).max(30),
        strokes: signatureStrokesSchema,
        patientSignedAt: instantSchema,
        clinician: z
          .object({ username: z.string().trim().toLowerCase().max(64).optional(), password: passwordSchema })
          .strict(),
        witness: credentialsSchema.optional(),
      })
      .strict(),
    output: consentViewSchema,
    access: clinical,
  }),
  /** The signed PDF a consent leaves the ledger as: made when it was recorded, never regenerated. */
  'consents.pdf': define({
    input: z.object({ consentId: idSchema }).strict(),
    output: z.object({ fileName: z.string(), pdfBase64: z.string(), sha256: z.string() }),
    access: chartReaders,
  }),
  /** Records that the patient withdrew a consent: a new entry; the consent stays readable, marked withdrawn. */
  'consents.withdraw': define({
    input: z
      .object({ consentId: idSchema, withdrawnAt: instantSchema, reason: reasonSchema('reason the patient gave') })
      .strict(),
    output: consentViewSchema,
    access: clinical,
  }),
} as const;
