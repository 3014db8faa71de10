import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { defaultWeightCheckSettings } from '../../domain/weight-check';

/** One row: the clinic this database belongs to. Absent until the set-up wizard runs. */
export const clinic = sqliteTable(
  'clinic',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    timeZone: text('time_zone').notNull(),
    autoLockMinutes: integer('auto_lock_minutes').notNull(),
    // Defaults so that a clinic set up before the weight check existed gets the check as shipped.
    weightChangePercent: integer('weight_change_percent')
      .notNull()
      .default(defaultWeightCheckSettings.weightChangePercent),
    weightChangeDays: integer('weight_change_days').notNull().default(defaultWeightCheckSettings.weightChangeDays),
    weightPlausibleMinKg: integer('weight_plausible_min_kg')
      .notNull()
      .default(defaultWeightCheckSettings.weightPlausibleMinKg),
    weightPlausibleMaxKg: integer('weight_plausible_max_kg')
      .notNull()
      .default(defaultWeightCheckSettings.weightPlausibleMaxKg),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [check('clinic_single_row', sql`${table.id} = 1`)],
);
