import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users';

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
  /**
   * Why the administrator saved this version, typed with their password. Null in versions
   * saved before a reason was asked for.
   */
  reason: text('reason'),
});
