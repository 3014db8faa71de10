import { blob, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { patients } from './patients';
import { records } from './records';
import { users } from './users';

/**
 * Informed consent: the documents the clinic writes (one row per version), the consents patients
 * sign, and their withdrawals. Every table is append-only (triggers refuse UPDATE and DELETE):
 * a new text is a new version, a withdrawal a new row; every row is audited with its digest.
 */

/** One version of a consent document; the document is `document_id`, its versions 1, 2, 3… */
export const consentDocumentVersions = sqliteTable(
  'consent_document_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    documentId: integer('document_id').notNull(),
    version: integer('version').notNull(),
    /** Canonical JSON of ConsentDocumentContent. */
    content: text('content').notNull(),
    /** SHA-256 (hex) of the canonical JSON of what the patient reads: title, text, points to initial. */
    textSha256: text('text_sha256').notNull(),
    /** Why the administrator saved this version. */
    reason: text('reason').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
  },
  (table) => [uniqueIndex('consent_document_versions_document_version').on(table.documentId, table.version)],
);

/** A consent as signed: the patient's (or representative's) drawn signature, the clinician's e-signature, any witness. */
export const consents = sqliteTable(
  'consents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    patientId: integer('patient_id')
      .notNull()
      .references(() => patients.id),
    documentVersionId: integer('document_version_id')
      .notNull()
      .references(() => consentDocumentVersions.id),
    /** The series (plan) it was recorded for; null: for no particular series. */
    planRecordId: integer('plan_record_id').references(() => records.id),
    /** The text version's SHA-256 the patient read, as shown on their screen. */
    textSha256: text('text_sha256').notNull(),
    /** 'patient' or 'representative'. */
    signerKind: text('signer_kind').notNull(),
    representativeName: text('representative_name'),
    representativeRelationship: text('representative_relationship'),
    typedName: text('typed_name').notNull(),
    /** JSON array of the IDs of the points the signer initialled. */
    initialled: text('initialled').notNull(),
    /** JSON of the drawn signature's strokes (SignatureStrokes). */
    strokes: text('strokes').notNull(),
    patientSignedAt: text('patient_signed_at').notNull(),
    clinicianUserId: integer('clinician_user_id')
      .notNull()
      .references(() => users.id),
    clinicianPrintedName: text('clinician_printed_name').notNull(),
    witnessUserId: integer('witness_user_id').references(() => users.id),
    witnessPrintedName: text('witness_printed_name'),
    /** When the clinician completed it (re-authenticated, meaning "obtained consent"). */
    signedAt: text('signed_at').notNull(),
    /** SHA-256 of the canonical JSON of everything above: the text's hash, the strokes, the signers, the times. */
    contentSha256: text('content_sha256').notNull(),
  },
  (table) => [index('consents_patient').on(table.patientId)],
);

/** A withdrawal of a consent: at most one per consent (a withdrawn consent is never used again). */
export const consentWithdrawals = sqliteTable('consent_withdrawals', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  consentId: integer('consent_id')
    .notNull()
    .unique()
    .references(() => consents.id),
  /** When the patient withdrew (may be before it was recorded). */
  withdrawnAt: text('withdrawn_at').notNull(),
  reason: text('reason').notNull(),
  recordedBy: integer('recorded_by')
    .notNull()
    .references(() => users.id),
  recordedByName: text('recorded_by_name').notNull(),
  recordedAt: text('recorded_at').notNull(),
});

/** The signed PDF a consent leaves the ledger as: made once when it is recorded, never regenerated. */
export const consentPdfs = sqliteTable('consent_pdfs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  consentId: integer('consent_id')
    .notNull()
    .unique()
    .references(() => consents.id),
  fileName: text('file_name').notNull(),
  pdf: blob('pdf', { mode: 'buffer' }).notNull(),
  /** SHA-256 (hex) of the signed PDF's bytes. */
  sha256: text('sha256').notNull(),
  createdAt: text('created_at').notNull(),
});

/** The clinic's consent rule, one row per version: whether an infusion without a current consent is refused or warned of. */
export const consentSettingsVersions = sqliteTable('consent_settings_versions', {
  version: integer('version').primaryKey(),
  /** Canonical JSON of ConsentSettings. */
  content: text('content').notNull(),
  createdAt: text('created_at').notNull(),
  createdBy: integer('created_by')
    .notNull()
    .references(() => users.id),
});
