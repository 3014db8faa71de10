import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * How the app backs the ledger up, one row (id 1) set by an administrator on the Backups page.
 * Backups are encrypted to `recipient` (an age X25519 public key), so scheduled backups need no
 * passphrase; the matching identity is kept only wrapped under the administrator's backup
 * passphrase (`wrappedIdentity`, armored age), and travels beside every backup.
 */
export const backupSettings = sqliteTable('backup_settings', {
  id: integer('id').primaryKey(),
  /** Folder on the computer that holds the ledger (a USB drive, a network share). */
  destination: text('destination').notNull(),
  /** Daily backup at this clinic-local time "HH:mm", or null for no daily backup. */
  dailyAt: text('daily_at'),
  onQuit: integer('on_quit', { mode: 'boolean' }).notNull(),
  keepDaily: integer('keep_daily').notNull(),
  keepMonthly: integer('keep_monthly').notNull(),
  recipient: text('recipient').notNull(),
  wrappedIdentity: text('wrapped_identity').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * Every backup the app attempted (and every test restore), newest last. Append-only: a failed
 * scheduled backup stays on record so the home screen can warn about it.
 */
export const backupRuns = sqliteTable('backup_runs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** 'manual' | 'daily' | 'quit' | 'test-restore'. */
  kind: text('kind').notNull(),
  startedAt: text('started_at').notNull(),
  finishedAt: text('finished_at').notNull(),
  ok: integer('ok', { mode: 'boolean' }).notNull(),
  /** File name in the destination folder (null when nothing was written). */
  fileName: text('file_name'),
  sizeBytes: integer('size_bytes'),
  headSeq: integer('head_seq'),
  headHash: text('head_hash'),
  /** One line: the check's result, or why it failed. */
  message: text('message').notNull(),
  userId: integer('user_id'),
});
