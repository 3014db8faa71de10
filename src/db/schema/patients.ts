import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

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
