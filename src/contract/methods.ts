import { z } from 'zod';
import { auditEntrySchema, auditVerificationSchema } from '../domain/audit';
import { examContentSchema } from '../domain/exam';
import { checklistSchema, instantSchema, sessionEntryBodySchema } from '../domain/infusion-session';
import { sessionViewSchema } from '../domain/session-view';
import { formularyContentSchema, formularySchema } from '../domain/formulary';
import { amendmentReasonSchema, discontinueReasonSchema, signatureMeaningSchema } from '../domain/record';
import { recordVersionViewSchema, recordViewSchema, versionCheckSchema } from '../domain/record-view';
import { clinicSchema, clinicSettingsSchema } from '../domain/clinic';
import { sessionConfigurationContentSchema, sessionConfigurationSchema } from '../domain/session-configuration';
import { isoDateSchema, patientInputSchema, patientSchema, patientSummarySchema } from '../domain/patient';
import { planContentSchema } from '../domain/plan';
import type { Role } from '../domain/roles';
import { roleSchema } from '../domain/roles';
import { signInInfoSchema } from '../domain/sign-in';
import { credentialsSchema, displayNameSchema, passwordSchema, userSchema, usernameSchema } from '../domain/user';

/**
 * Who may call a method:
 * - `public`: anyone, signed in or not (set-up, sign-in, session status);
 * - `signed-in`: any active user;
 * - a list of roles.
 */
export type Access = 'public' | 'signed-in' | readonly Role[];

export interface MethodDefinition<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** Callable while the session is locked by inactivity (unlock, sign out). */
  whileLocked?: boolean;
  /** Callable before a forced password change is done. */
  beforePasswordChange?: boolean;
  /** Whether the call counts as user activity for the inactivity lock (default true). */
  activity?: boolean;
}

const define = <I extends z.ZodType, O extends z.ZodType>(definition: MethodDefinition<I, O>) => definition;

const empty = z.object({}).strict();
const idSchema = z.number().int().positive();
const clinical: readonly Role[] = ['physician', 'nurse'];
const chartReaders: readonly Role[] = ['physician', 'nurse', 'auditor'];
const oversight: readonly Role[] = ['admin', 'auditor'];
const exportJobSchema = z.object({
  id: z.string(),
  state: z.enum(['writing', 'done', 'cancelled', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  outPath: z.string(),
  message: z.string(),
});
const witnessSchema = z
  .object({ username: z.string().trim().toLowerCase().min(1).max(64), password: passwordSchema })
  .strict();

/** A signed PDF exactly as stored when it was signed. */
const storedPdfSchema = z.object({
  fileName: z.string(),
  sha256: z.string(),
  createdAt: z.string(),
  pdfBase64: z.string(),
});

export const methods = {
  'signIn.get': define({
    input: empty,
    output: signInInfoSchema,
    access: 'public',
    whileLocked: true,
    beforePasswordChange: true,
    activity: false,
  }),
  /** The UI reports keyboard and pointer use so that typing alone keeps a session awake. */
  'signIn.heartbeat': define({
    input: empty,
    output: signInInfoSchema,
    access: 'signed-in',
    beforePasswordChange: true,
  }),

  'setup.initialize': define({
    input: z
      .object({
        clinic: clinicSettingsSchema.omit({ autoLockMinutes: true }),
        admin: z.object({
          username: usernameSchema,
          displayName: displayNameSchema,
          credentials: credentialsSchema,
          password: passwordSchema,
        }),
      })
      .strict(),
    output: signInInfoSchema,
    access: 'public',
  }),

  'auth.signIn': define({
    input: z.object({ username: z.string().trim().toLowerCase().max(64), password: passwordSchema }).strict(),
    output: signInInfoSchema,
    access: 'public',
  }),
  'auth.signOut': define({
    input: empty,
    output: signInInfoSchema,
    access: 'signed-in',
    whileLocked: true,
    beforePasswordChange: true,
  }),
  'auth.unlock': define({
    input: z.object({ password: passwordSchema }).strict(),
    output: signInInfoSchema,
    access: 'signed-in',
    whileLocked: true,
    beforePasswordChange: true,
  }),
  'auth.changePassword': define({
    input: z.object({ currentPassword: passwordSchema, newPassword: passwordSchema }).strict(),
    output: signInInfoSchema,
    access: 'signed-in',
    beforePasswordChange: true,
  }),

  'clinic.get': define({ input: empty, output: clinicSchema, access: 'signed-in' }),
  'clinic.update': define({ input: clinicSettingsSchema.strict(), output: clinicSchema, access: ['admin'] }),
  /** The pre-session scales and discharge criteria the clinic asks at every infusion session. */
  'clinic.sessionConfiguration.get': define({
    input: empty,
    output: sessionConfigurationSchema,
    access: ['admin', 'physician', 'nurse', 'auditor'],
  }),
  /** Saves a new version; `expectedVersion` is the one the administrator edited (else CONFLICT). */
  'clinic.sessionConfiguration.update': define({
    input: z
      .object({ expectedVersion: z.number().int().nonnegative(), content: sessionConfigurationContentSchema })
      .strict(),
    output: sessionConfigurationSchema,
    access: ['admin'],
  }),

  'users.list': define({ input: empty, output: z.array(userSchema), access: ['admin'] }),
  'users.create': define({
    input: z
      .object({
        username: usernameSchema,
        displayName: displayNameSchema,
        credentials: credentialsSchema,
        role: roleSchema,
        temporaryPassword: passwordSchema,
        /**
         * The acting administrator's own password: it unlocks the clinic root key that issues
         * a clinician's signing certificate (or an administrator's copy of that key).
         */
        adminPassword: passwordSchema.optional(),
      })
      .strict(),
    output: userSchema,
    access: ['admin'],
  }),
  'users.setActive': define({
    input: z.object({ userId: idSchema, active: z.boolean() }).strict(),
    output: userSchema,
    access: ['admin'],
  }),
  'users.resetPassword': define({
    input: z
      .object({ userId: idSchema, temporaryPassword: passwordSchema, adminPassword: passwordSchema.optional() })
      .strict(),
    output: userSchema,
    access: ['admin'],
  }),

  'patients.search': define({
    input: z
      .object({
        query: z.string().max(200),
        limit: z.number().int().min(1).max(100).default(50),
      })
      .strict(),
    output: z.object({ patients: z.array(patientSummarySchema) }),
    access: chartReaders,
  }),
  /** Opening a chart is audited: who looked at which record, when. */
  'patients.get': define({
    input: z.object({ patientId: idSchema }).strict(),
    output: patientSchema,
    access: chartReaders,
  }),
  'patients.create': define({
    input: z.object({ patient: patientInputSchema }).strict(),
    output: patientSchema,
    access: clinical,
  }),
  'patients.update': define({
    input: z
      .object({
        patientId: idSchema,
        /** The version the user edited; a newer one on disk is a conflict, not an overwrite. */
        expectedVersion: z.number().int().positive(),
        patient: patientInputSchema,
      })
      .strict(),
    output: patientSchema,
    access: clinical,
  }),

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

  'formulary.get': define({ input: empty, output: formularySchema, access: 'signed-in' }),
  /** Saves a new version of the clinic's drugs, limits and screening checklist. */
  'formulary.update': define({
    input: z.object({ content: formularyContentSchema }).strict(),
    output: formularySchema,
    access: ['admin'],
  }),

  'records.list': define({
    input: z.object({ patientId: idSchema }).strict(),
    output: z.object({ records: z.array(recordViewSchema) }),
    access: chartReaders,
  }),
  'records.get': define({
    input: z.object({ recordId: idSchema }).strict(),
    output: recordViewSchema,
    access: chartReaders,
  }),
  /** Starts an exam, or a plan resting on a signed exam, as a draft (version 1). */
  'records.create': define({
    input: z.discriminatedUnion('type', [
      z.object({ type: z.literal('exam'), patientId: idSchema }).strict(),
      z.object({ type: z.literal('plan'), patientId: idSchema, examRecordId: idSchema }).strict(),
    ]),
    output: recordViewSchema,
    access: ['physician'],
  }),
  /** Autosave of a draft as the physician types; refused once the version is signed. */
  'records.saveDraft': define({
    input: z.discriminatedUnion('type', [
      z.object({ type: z.literal('exam'), versionId: idSchema, content: examContentSchema }).strict(),
      z.object({ type: z.literal('plan'), versionId: idSchema, content: planContentSchema }).strict(),
    ]),
    output: recordViewSchema,
    access: ['physician'],
  }),
  'records.discardDraft': define({
    input: z.object({ versionId: idSchema }).strict(),
    output: z.object({ recordId: idSchema, recordDeleted: z.boolean() }),
    access: ['physician'],
  }),
  /**
   * Signs a draft. The first signing in a session needs the user ID and the password;
   * later ones the password (21 CFR 11.200).
   */
  'records.sign': define({
    input: z
      .object({
        versionId: idSchema,
        meaning: signatureMeaningSchema,
        username: z.string().trim().toLowerCase().max(64).optional(),
        password: passwordSchema,
      })
      .strict(),
    output: recordViewSchema,
    access: ['physician'],
  }),
  /** Opens a new draft version that amends the current signed one, with the reason. */
  'records.amend': define({
    input: z.object({ recordId: idSchema, reason: amendmentReasonSchema }).strict(),
    output: recordViewSchema,
    access: ['physician'],
  }),
  'records.discontinue': define({
    input: z.object({ recordId: idSchema, reason: discontinueReasonSchema, password: passwordSchema }).strict(),
    output: recordViewSchema,
    access: ['physician'],
  }),
  /** Recomputes the hash of every signed version of a record and checks its signatures. */
  'records.verify': define({
    input: z.object({ recordId: idSchema }).strict(),
    output: z.object({ ok: z.boolean(), versions: z.array(versionCheckSchema) }),
    access: ['physician', 'nurse', 'auditor', 'admin'],
  }),

  /** The current signed plan of a patient, for the read-only chairside screen. */
  'chairside.get': define({
    input: z.object({ patientId: idSchema }).strict(),
    output: z.object({
      patient: patientSchema,
      plan: recordViewSchema.nullable(),
      /** The version on display; the screen compares it on every refresh. */
      currentVersionId: z.number().int().nullable(),
      exam: recordVersionViewSchema.nullable(),
    }),
    access: chartReaders,
  }),
  /** Cheap, unaudited refresh for the chairside screen: has the plan on display changed? */
  'chairside.status': define({
    input: z.object({ planRecordId: idSchema }).strict(),
    output: z.object({
      currentVersionId: z.number().int().nullable(),
      discontinued: z.boolean(),
      discontinuedAt: z.string().nullable(),
      latestSignedAt: z.string().nullable(),
    }),
    access: chartReaders,
    // A screen left open at chairside must still lock when nobody touches it.
    activity: false,
  }),

  /** Starts charting an infusion of the patient's current signed plan, with its checklist. */
  'sessions.start': define({
    input: z
      .object({
        planRecordId: idSchema,
        /** The plan version the nurse read: refused when another version has become current. */
        planVersionId: idSchema,
        occurredAt: instantSchema,
        checklist: checklistSchema,
      })
      .strict(),
    output: sessionViewSchema,
    access: clinical,
  }),
  'sessions.addEntry': define({
    input: z
      .object({
        sessionId: idSchema,
        occurredAt: instantSchema,
        entry: sessionEntryBodySchema,
        /** A second person who saw the waste discarded re-enters their own password. */
        witness: witnessSchema.optional(),
      })
      .strict(),
    output: sessionViewSchema,
    access: clinical,
  }),
  /** Records a correction of an earlier entry; the original stays readable, struck through. */
  'sessions.correct': define({
    input: z
      .object({
        sessionId: idSchema,
        entryId: idSchema,
        reason: amendmentReasonSchema,
        occurredAt: instantSchema,
        entry: sessionEntryBodySchema,
        witness: witnessSchema.optional(),
      })
      .strict(),
    output: sessionViewSchema,
    access: clinical,
  }),
  /** The nurse signs "performed"; a physician may co-sign "reviewed". */
  'sessions.sign': define({
    input: z
      .object({
        sessionId: idSchema,
        /** The last entry the signer has in front of them: refused when more were charted since. */
        lastEntryId: idSchema,
        meaning: z.enum(['performed', 'reviewed']),
        username: z.string().trim().toLowerCase().max(64).optional(),
        password: passwordSchema,
      })
      .strict(),
    output: sessionViewSchema,
    access: clinical,
  }),
  'sessions.get': define({
    input: z.object({ sessionId: idSchema }).strict(),
    output: sessionViewSchema,
    access: chartReaders,
  }),
  /**
   * Cheap refresh for an open session screen: has anyone charted or signed since it was
   * loaded (on another device, say)? Not audited and not user activity: the screen was
   * opened (and that audited) already, and one left alone must still lock.
   */
  'sessions.status': define({
    input: z
      .object({
        sessionId: idSchema,
        /** What the screen shows: its newest entry and how many signatures. */
        lastEntryId: z.number().int().min(0),
        signatureCount: z.number().int().min(0),
      })
      .strict(),
    output: z.object({
      lastEntryId: z.number().int(),
      signatureCount: z.number().int(),
      /** The session as it is now, when it differs from what the screen shows; null otherwise. */
      session: sessionViewSchema.nullable(),
    }),
    access: chartReaders,
    // A session screen left open at chairside must still lock when nobody touches it.
    activity: false,
  }),
  'sessions.list': define({
    input: z.object({ patientId: idSchema }).strict(),
    output: z.object({ sessions: z.array(sessionViewSchema) }),
    access: chartReaders,
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

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export const methodNames = Object.keys(methods) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}
