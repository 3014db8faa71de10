import { z } from 'zod';
import { checklistSchema, instantSchema, sessionEntryBodySchema } from '../domain/infusion-session';
import { amendmentReasonSchema } from '../domain/record';
import { timingReasonSchema } from '../domain/session-timing';
import { sessionViewSchema } from '../domain/session-view';
import { cumulativeDoseSchema, sessionPageSchema } from '../domain/session-list-item';
import { sessionCourseSchema } from '../domain/session-course';
import { supervisionChoiceSchema } from '../domain/session-supervision';
import { passwordSchema } from '../domain/user';
import { chartReaders, clinical, define, empty, idSchema } from './define-method';
import { drawInputSchema } from '../domain/register';

const drawVolumeSchema = drawInputSchema.shape.volumeMl;

const witnessSchema = z
  .object({ username: z.string().trim().toLowerCase().min(1).max(64), password: passwordSchema })
  .strict();

/** Charting an infusion session at chairside: start, entries, corrections, signatures. */
export const sessionMethods = {
  /** Starts charting an infusion of the patient's current signed plan, with its checklist. */
  'sessions.start': define({
    input: z
      .object({
        planRecordId: idSchema,
        /** The plan version the nurse read: refused when another version has become current. */
        planVersionId: idSchema,
        occurredAt: instantSchema,
        checklist: checklistSchema,
        /**
         * Why the infusion starts when the plan does not allow it (before its interval, beyond
         * its series, before its signature): needed when the start surfaces any of these.
         */
        timingReason: timingReasonSchema.optional(),
        /**
         * Where the clinic set consent to a warning: why the infusion goes ahead without a
         * current consent (audited). Ignored when consent is current; never enough where it is required.
         */
        consentAcknowledgement: timingReasonSchema.optional(),
        /** The physician on site or immediately available: required for a new start (refused without). */
        supervision: supervisionChoiceSchema.optional(),
        /** Why the infusion goes ahead without monitoring the clinic requires (stored and audited). */
        monitoringReason: timingReasonSchema.optional(),
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
        /**
         * At the start: the register's containers the drug was drawn from, and how much from
         * each. Their lot and expiry become the start's; the end's witnessed waste is then
         * recorded against them. Absent where the clinic does not keep its register here.
         */
        draws: z
          .array(z.object({ containerId: idSchema, volumeMl: drawVolumeSchema }).strict())
          .max(5, 'At most 5 containers for one infusion')
          .optional(),
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
        /** For a corrected checklist whose time the plan does not allow, as at the start. */
        timingReason: timingReasonSchema.optional(),
        /** For a corrected checklist without monitoring the clinic requires, as at the start. */
        monitoringReason: timingReasonSchema.optional(),
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
  /**
   * Every session of the patient with every entry: for screens that need them all at once (the
   * start screen's interval check). The chart uses `sessions.page` and `sessions.doses`, the
   * course of infusions `sessions.course`.
   */
  'sessions.list': define({
    input: z.object({ patientId: idSchema }).strict(),
    output: z.object({ sessions: z.array(sessionViewSchema) }),
    access: chartReaders,
  }),
  /**
   * The patient's sessions a page at a time, newest first, as the chart's list shows them (no
   * entries): keyset paging by session ID, with the open session and the count per plan.
   */
  'sessions.page': define({
    input: z
      .object({
        patientId: idSchema,
        /** The `olderBefore` of the previous page: only sessions older than it. */
        beforeSessionId: idSchema.optional(),
        limit: z.number().int().min(1).max(100).default(20),
      })
      .strict(),
    output: sessionPageSchema,
    access: chartReaders,
  }),
  /**
   * Every session of the patient, oldest first, as the course of infusions shows it: the list
   * row with the drug given, the checklist's scale totals and pain, and the pain at the last
   * check. No entries: figured in the back end from the few fields it needs.
   */
  'sessions.course': define({
    input: z.object({ patientId: idSchema }).strict(),
    output: sessionCourseSchema,
    access: chartReaders,
  }),
  /** The drug given to the patient, per series and in total, computed from the sessions' events. */
  'sessions.doses': define({
    input: z.object({ patientId: idSchema }).strict(),
    output: cumulativeDoseSchema,
    access: chartReaders,
  }),
  /**
   * The active physicians a nurse may name as supervising an infusion (or taking over):
   * printed names only; the user list itself stays the administrator's.
   */
  'sessions.physicians': define({
    input: empty,
    output: z.object({
      physicians: z.array(z.object({ userId: z.number().int().positive(), printedName: z.string() })),
    }),
    access: clinical,
  }),
} as const;
