import { sql } from 'drizzle-orm';
import { blob, check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Instants are ISO-8601 UTC strings ("2026-11-23T19:05:00.000Z"); calendar dates are
 * "yyyy-MM-dd". Both sort correctly as text.
 */

/** One row: the clinic this database belongs to. Absent until the set-up wizard runs. */
export const clinic = sqliteTable(
  'clinic',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    timeZone: text('time_zone').notNull(),
    autoLockMinutes: integer('auto_lock_minutes').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [check('clinic_single_row', sql`${table.id} = 1`)],
);

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    credentials: text('credentials').notNull(),
    role: text('role', { enum: ['admin', 'physician', 'nurse', 'auditor'] }).notNull(),
    /** `scrypt$N$r$p$salt$hash`, base64 parts: the cost travels with the hash. */
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull(),
    active: integer('active', { mode: 'boolean' }).notNull(),
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    lockedUntil: text('locked_until'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [uniqueIndex('users_username_unique').on(table.username)],
);

export const patients = sqliteTable(
  'patients',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    mrn: text('mrn').notNull(),
    familyName: text('family_name').notNull(),
    givenNames: text('given_names').notNull(),
    preferredName: text('preferred_name').notNull(),
    dateOfBirth: text('date_of_birth').notNull(),
    sex: text('sex', { enum: ['female', 'male', 'other', 'unknown'] }).notNull(),
    phone: text('phone').notNull(),
    /** JSON: { name, relationship, phone } or null. */
    emergencyContact: text('emergency_contact'),
    /** JSON: { status: 'not-recorded' | 'none-known' } | { status: 'recorded', items: string[] }. */
    allergies: text('allergies').notNull(),
    /** Folded family + given + preferred names for accent- and case-insensitive search. */
    searchText: text('search_text').notNull(),
    /** Folded family name, for ordered prefix search. */
    familyKey: text('family_key').notNull(),
    version: integer('version').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [
    uniqueIndex('patients_mrn_unique').on(table.mrn),
    index('patients_family_key').on(table.familyKey, table.givenNames),
    index('patients_dob').on(table.dateOfBirth),
  ],
);

/**
 * Append-only, hash-chained log of every change and every chart opened. Triggers (see the
 * custom migration) refuse UPDATE and DELETE; `hash = SHA-256(prev_hash ‖ canonical entry)`.
 */
export const auditLog = sqliteTable('audit_log', {
  seq: integer('seq').primaryKey(),
  at: text('at').notNull(),
  actorUserId: integer('actor_user_id'),
  action: text('action').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id'),
  /** Canonical JSON object. */
  details: text('details').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

/**
 * The clinic's drug list, limits and screening checklist, one row per version; a change
 * adds a version (triggers refuse UPDATE and DELETE), and plans record the one in force.
 */
export const formularyVersions = sqliteTable('formulary_versions', {
  version: integer('version').primaryKey(),
  /** Canonical JSON of FormularyContent. */
  content: text('content').notNull(),
  createdAt: text('created_at').notNull(),
  createdBy: integer('created_by')
    .notNull()
    .references(() => users.id),
});

/**
 * What the clinic asks at each infusion session (pre-session scales, discharge criteria), one
 * row per version like the formulary; triggers refuse UPDATE and DELETE. No row yet: the
 * starter configuration is in force.
 */
export const sessionConfigurationVersions = sqliteTable('session_configuration_versions', {
  version: integer('version').primaryKey(),
  /** Canonical JSON of SessionConfigurationContent. */
  content: text('content').notNull(),
  createdAt: text('created_at').notNull(),
  createdBy: integer('created_by')
    .notNull()
    .references(() => users.id),
});

/** A clinical record (an exam or a plan) of one patient; its content lives in versions. */
export const records = sqliteTable(
  'records',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    type: text('type', { enum: ['exam', 'plan'] }).notNull(),
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
    kind: text('kind', { enum: ['checklist', 'event', 'observation', 'adverse-event', 'discharge'] }).notNull(),
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

/**
 * Certificates of the clinic's signing root and of each clinician who signs. The private
 * key is only ever stored encrypted under its owner's password (PKCS#8, scrypt + AES-256);
 * it may be re-wrapped when that password changes, nothing else may change. A password reset
 * issues a new certificate: older rows stay, so older signatures remain verifiable.
 */
export const signingIdentities = sqliteTable(
  'signing_identities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['clinic-root', 'signer'] }).notNull(),
    /** The signer; null for the clinic root. */
    userId: integer('user_id').references(() => users.id),
    certificatePem: text('certificate_pem').notNull(),
    /** Encrypted PKCS#8 PEM; null for the root, whose key is held in root_key_wraps. */
    encryptedPrivateKey: text('encrypted_private_key'),
    source: text('source', { enum: ['issued', 'imported'] }).notNull(),
    createdAt: text('created_at').notNull(),
  },
  (table) => [index('signing_identities_user').on(table.userId)],
);

/** The clinic root's private key, encrypted once per administrator under their password. */
export const rootKeyWraps = sqliteTable('root_key_wraps', {
  adminUserId: integer('admin_user_id')
    .primaryKey()
    .references(() => users.id),
  encryptedPrivateKey: text('encrypted_private_key').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Signed PDF summaries, made once at signing and never regenerated. Never updated or deleted. */
export const signedDocuments = sqliteTable(
  'signed_documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The signed record version, or null for a session record. */
    versionId: integer('version_id').references(() => recordVersions.id),
    /** The infusion session, or null for a record version. */
    sessionSignatureId: integer('session_signature_id').references(() => sessionSignatures.id),
    fileName: text('file_name').notNull(),
    pdf: blob('pdf', { mode: 'buffer' }).notNull(),
    sha256: text('sha256').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (table) => [
    index('signed_documents_version').on(table.versionId),
    index('signed_documents_session_signature').on(table.sessionSignatureId),
  ],
);
