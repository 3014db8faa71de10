import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { patients } from './patients';
import { users } from './users';

/** A clinical record (an exam or a plan) of one patient; its content lives in versions. */
export const records = sqliteTable(
  'records',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    // 'review' needs no migration: the column has no CHECK (the enum is TypeScript's only).
    type: text('type', { enum: ['exam', 'plan', 'review'] }).notNull(),
    patientId: integer('patient_id')
      .notNull()
      .references(() => patients.id),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
  },
  (table) => [index('records_patient').on(table.patientId, table.type)],
);

/**
 * Versions of a record. A draft may be updated (autosave) or discarded; once `status` is
 * 'signed' the row is frozen by triggers, and a correction is a new version that `amends`
 * the previous one with its reason.
 */
export const recordVersions = sqliteTable(
  'record_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    recordId: integer('record_id')
      .notNull()
      .references(() => records.id),
    version: integer('version').notNull(),
    status: text('status', { enum: ['draft', 'signed'] }).notNull(),
    /** Canonical JSON of the content (ExamContent or PlanContent). */
    content: text('content').notNull(),
    /** Canonical JSON of what the app computed at signing (derived doses, findings, limits). */
    computed: text('computed'),
    /** SHA-256 of the version's canonical document, set when signed. */
    contentSha256: text('content_sha256'),
    amendsVersionId: integer('amends_version_id'),
    amendmentReason: text('amendment_reason'),
    /** For plans: the signed exam version the plan rests on. */
    examVersionId: integer('exam_version_id'),
    /** For plans: the formulary (drugs and limits) version in force. */
    formularyVersion: integer('formulary_version'),
    authorUserId: integer('author_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    signedAt: text('signed_at'),
  },
  (table) => [
    uniqueIndex('record_versions_record_version').on(table.recordId, table.version),
    check(
      'record_versions_signed_has_hash',
      sql`${table.status} = 'draft' OR (${table.contentSha256} IS NOT NULL AND ${table.signedAt} IS NOT NULL)`,
    ),
  ],
);

/** Electronic signatures: who, meaning, when, over which hash. Never updated or deleted. */
export const signatures = sqliteTable(
  'signatures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    versionId: integer('version_id')
      .notNull()
      .references(() => recordVersions.id),
    signerUserId: integer('signer_user_id')
      .notNull()
      .references(() => users.id),
    printedName: text('printed_name').notNull(),
    meaning: text('meaning', { enum: ['authored', 'reviewed', 'approved'] }).notNull(),
    signedAt: text('signed_at').notNull(),
    contentSha256: text('content_sha256').notNull(),
  },
  (table) => [index('signatures_version').on(table.versionId)],
);

/** Things that happen to a record as a whole (discontinuation). Never updated or deleted. */
export const recordEvents = sqliteTable(
  'record_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    recordId: integer('record_id')
      .notNull()
      .references(() => records.id),
    kind: text('kind', { enum: ['discontinued'] }).notNull(),
    reason: text('reason').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    printedName: text('printed_name').notNull(),
    at: text('at').notNull(),
  },
  (table) => [index('record_events_record').on(table.recordId)],
);
