import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

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
