import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

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
