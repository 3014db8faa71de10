import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users';

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
