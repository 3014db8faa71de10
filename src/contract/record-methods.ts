import { z } from 'zod';
import { reviewContentSchema } from '../domain/course-review';
import { examContentSchema } from '../domain/exam';
import { patientSchema } from '../domain/patient';
import { planContentSchema } from '../domain/plan';
import { amendmentReasonSchema, discontinueReasonSchema, signatureMeaningSchema } from '../domain/record';
import { recordVersionViewSchema, recordViewSchema, versionCheckSchema } from '../domain/record-view';
import { passwordSchema } from '../domain/user';
import { chartReaders, define, idSchema, updatedAtSchema } from './define-method';

/** Exams and plans (drafts, signing, amendments) and the chairside view of the current plan. */
export const recordMethods = {
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
      /** A course review of a signed plan's series (the plan of the same patient). */
      z.object({ type: z.literal('review'), patientId: idSchema, planRecordId: idSchema }).strict(),
    ]),
    output: recordViewSchema,
    access: ['physician'],
  }),
  /**
   * Autosave of a draft as the physician types; refused once the version is signed.
   * `expectedUpdatedAt` is the draft's `updatedAt` the screen loaded (or its last save returned):
   * a newer save (the same physician on another device) is a CONFLICT, not an overwrite. Optional
   * only for scripts that write a draft they have just read (the demo data, the bench).
   */
  'records.saveDraft': define({
    input: z.discriminatedUnion('type', [
      z
        .object({
          type: z.literal('exam'),
          versionId: idSchema,
          expectedUpdatedAt: updatedAtSchema.optional(),
          content: examContentSchema,
        })
        .strict(),
      z
        .object({
          type: z.literal('plan'),
          versionId: idSchema,
          expectedUpdatedAt: updatedAtSchema.optional(),
          content: planContentSchema,
        })
        .strict(),
      z
        .object({
          type: z.literal('review'),
          versionId: idSchema,
          expectedUpdatedAt: updatedAtSchema.optional(),
          content: reviewContentSchema,
        })
        .strict(),
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
        /**
         * The draft's `updatedAt` the signing screen shows: a save since (the same physician on
         * another device) is a CONFLICT, so nobody signs content their screen did not show.
         * Optional only for scripts that sign what they have just saved.
         */
        expectedUpdatedAt: updatedAtSchema.optional(),
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
} as const;
