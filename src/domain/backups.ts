import { z } from 'zod';

/** The kinds of run kept in backup_runs: three ways a backup starts, and the restore drill. */
export const backupRunKindSchema = z.enum(['manual', 'daily', 'quit', 'test-restore']);
export type BackupRunKind = z.infer<typeof backupRunKindSchema>;

/** The backup passphrase: long, since it guards every backup that leaves on a USB drive. */
export const backupPassphraseMinLength = 12;

const passphraseSchema = z
  .string()
  .min(backupPassphraseMinLength, `Use at least ${backupPassphraseMinLength} characters`)
  .max(256, 'Use at most 256 characters')
  .transform((value) => value.normalize('NFC'));

export const dailyAtSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time as HH:mm on the 24-hour clock, e.g. 18:30');

/** What the administrator sets on the Backups page. */
export const backupSettingsInputSchema = z
  .object({
    destination: z.string().trim().min(1, 'Enter the folder to back up to').max(4096, 'Use a shorter path'),
    /** Clinic-local "HH:mm", or null for no daily backup. */
    dailyAt: dailyAtSchema.nullable(),
    onQuit: z.boolean(),
    keepDaily: z.number().int('Use a whole number').min(1, 'Keep at least 1 daily backup').max(3650),
    keepMonthly: z.number().int('Use a whole number').min(0, 'Use 0 or more').max(1200),
    /** Required the first time; left out later, the backups keep their key and passphrase. */
    passphrase: passphraseSchema.optional(),
    passphraseAgain: z.string().max(256).optional(),
    /**
     * The settings' `updatedAt` the page loaded (null: none were saved then). A newer save is a
     * CONFLICT, not an overwrite: two administrators may have the page open.
     */
    expectedUpdatedAt: z.string().min(1).max(40).nullable(),
  })
  .strict()
  .superRefine((input, context) => {
    if (input.passphrase !== undefined && input.passphrase !== input.passphraseAgain?.normalize('NFC')) {
      context.addIssue({ code: 'custom', path: ['passphraseAgain'], message: 'The two passphrases differ' });
    }
  });
export type BackupSettingsInput = z.input<typeof backupSettingsInputSchema>;

export const backupSettingsSchema = z.object({
  destination: z.string(),
  dailyAt: z.string().nullable(),
  onQuit: z.boolean(),
  keepDaily: z.number().int(),
  keepMonthly: z.number().int(),
  updatedAt: z.string(),
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

export const backupRunSchema = z.object({
  id: z.number().int(),
  kind: backupRunKindSchema,
  startedAt: z.string(),
  finishedAt: z.string(),
  ok: z.boolean(),
  fileName: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  headSeq: z.number().int().nullable(),
  headHash: z.string().nullable(),
  /** The check's result in words, or why it failed. */
  message: z.string(),
  /** Whether the backup file is still in the destination folder (null for runs that wrote none). */
  fileInFolder: z.boolean().nullable(),
  byName: z.string().nullable(),
});
export type BackupRun = z.infer<typeof backupRunSchema>;

/**
 * What a cancelled backup's run says (backup_runs.message): the list shows such a run as
 * "Cancelled" rather than "Failed".
 */
export const cancelledBackupMessage =
  'The backup was cancelled: no backup file was written and no temporary copy was left; the ledger is as it was.';
export const cancelledTestRestoreMessage =
  'The test restore was cancelled: its temporary copy was deleted, and the ledger in use was not touched.';

/** A backup or test restore running in the background, polled for its progress. */
export const backupJobSchema = z.object({
  id: z.string(),
  kind: z.enum(['manual', 'daily', 'quit', 'test-restore', 'settings']),
  /** `cancelled`: someone stopped a backup, which left no file and recorded only that it stopped. */
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** Share of the work done, 0–1. */
  fraction: z.number().min(0).max(1),
  /** What is being done now, in words. */
  what: z.string(),
  /** The result in words once finished. */
  message: z.string(),
  fileName: z.string().nullable(),
  headSeq: z.number().int().nullable(),
  headHash: z.string().nullable(),
});
export type BackupJob = z.infer<typeof backupJobSchema>;

/** What the home screen warns administrators about. */
export const backupStatusSchema = z.object({
  configured: z.boolean(),
  lastGoodAt: z.string().nullable(),
  /** The last good backup is older than the schedule allows. */
  overdue: z.boolean(),
  /** The latest scheduled (daily or on-quit) backup failed: when, and why. */
  lastScheduledFailure: z.object({ at: z.string(), message: z.string() }).nullable(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;
