import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

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
