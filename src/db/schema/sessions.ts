import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { patients } from './patients';
import { records, recordVersions } from './records';
import { users } from './users';

/** One infusion of a signed plan, charted at chairside. Never updated or deleted. */
export const infusionSessions = sqliteTable(
  'infusion_sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    patientId: integer('patient_id')
      .notNull()
      .references(() => patients.id),
    planRecordId: integer('plan_record_id')
      .notNull()
      .references(() => records.id),
    /** The signed plan version in force when the session started. */
    planVersionId: integer('plan_version_id')
      .notNull()
      .references(() => recordVersions.id),
    /** Position in the plan's series: infusion 3 of 6. */
    seriesNumber: integer('series_number').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
  },
  (table) => [
    index('infusion_sessions_patient').on(table.patientId),
    index('infusion_sessions_plan').on(table.planRecordId),
  ],
);

/**
 * The administration record: checklist, events, observations, adverse events, discharge.
 * Append-only; a correction is a new entry that names the entry it corrects and why.
 */
export const sessionEntries = sqliteTable(
  'session_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sessionId: integer('session_id')
      .notNull()
      .references(() => infusionSessions.id),
    // 'supervision' (a handover) needs no migration: the column has no CHECK (the enum is TypeScript's only).
    kind: text('kind', {
      enum: ['checklist', 'event', 'observation', 'adverse-event', 'discharge', 'supervision'],
    }).notNull(),
    /** When it happened, as charted (editable by the nurse). */
    occurredAt: text('occurred_at').notNull(),
    /** When it was saved (system time). */
    recordedAt: text('recorded_at').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    printedName: text('printed_name').notNull(),
    /** Canonical JSON of the entry's content. */
    content: text('content').notNull(),
    correctsEntryId: integer('corrects_entry_id'),
    correctionReason: text('correction_reason'),
    witnessUserId: integer('witness_user_id').references(() => users.id),
    witnessPrintedName: text('witness_printed_name'),
  },
  (table) => [index('session_entries_session').on(table.sessionId)],
);

/** Signatures over a session record ("performed" by the nurse, "reviewed" by a physician). */
export const sessionSignatures = sqliteTable(
  'session_signatures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sessionId: integer('session_id')
      .notNull()
      .references(() => infusionSessions.id),
    signerUserId: integer('signer_user_id')
      .notNull()
      .references(() => users.id),
    printedName: text('printed_name').notNull(),
    meaning: text('meaning', { enum: ['performed', 'reviewed'] }).notNull(),
    signedAt: text('signed_at').notNull(),
    /** The last entry this signature covers; later entries are amendments after signing. */
    lastEntryId: integer('last_entry_id').notNull(),
    contentSha256: text('content_sha256').notNull(),
  },
  (table) => [index('session_signatures_session').on(table.sessionId)],
);
