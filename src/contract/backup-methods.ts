import { z } from 'zod';
import {
  backupJobSchema,
  backupRunSchema,
  backupSettingsInputSchema,
  backupSettingsSchema,
  backupStatusSchema,
} from '../domain/backups';
import { define, empty, idSchema } from './define-method';

const jobIdSchema = z.object({ jobId: z.uuid() }).strict();

/**
 * The administrator's backups: where and when they are written, "Back up now", the list of
 * backups and the restore drill. Backups and test restores run in the background: poll the job.
 */
export const backupMethods = {
  /** The settings are null until backups are set up. */
  'backups.settings.get': define({
    input: empty,
    output: z.object({ settings: backupSettingsSchema.nullable() }),
    access: ['admin'],
  }),
  /**
   * Saves the settings. A new passphrase (required the first time) makes a new backup key,
   * wrapped under it in the background: the settings are saved when that job is done.
   */
  'backups.settings.save': define({
    input: backupSettingsInputSchema,
    output: z.object({ settings: backupSettingsSchema.nullable(), jobId: z.uuid().nullable() }),
    access: ['admin'],
  }),
  /** "Back up now": starts a backup and returns its job. */
  'backups.run': define({ input: empty, output: backupJobSchema, access: ['admin'] }),
  'backups.job': define({ input: jobIdSchema, output: backupJobSchema, access: ['admin'] }),
  /**
   * Cancels a running backup or test restore: it stops at its next step, leaves no backup file
   * and no temporary copy, and is recorded as cancelled. Returns the job (still running until it
   * has stopped). Making a new key cannot be cancelled.
   */
  'backups.cancel': define({ input: jobIdSchema, output: backupJobSchema, access: ['admin'] }),
  /** Backups and test restores, newest first. */
  'backups.list': define({
    input: z.object({ beforeId: idSchema.optional(), limit: z.number().int().min(1).max(100).default(20) }).strict(),
    output: z.object({ runs: z.array(backupRunSchema), nextBeforeId: idSchema.nullable() }),
    access: ['admin'],
  }),
  /**
   * Restores a backup of the destination folder into a temporary file and checks it (integrity,
   * audit chain, the head its sidecar records), then deletes it; the live ledger is not touched.
   */
  'backups.testRestore': define({
    input: z
      .object({
        fileName: z
          .string()
          .regex(/^dosing-ledger-[0-9]{8}-[0-9]{6}Z(-[0-9]+)?\.ledger\.age$/, 'Choose a backup from the list'),
        passphrase: z.string().min(1, 'Enter the backup passphrase').max(256),
      })
      .strict(),
    output: backupJobSchema,
    access: ['admin'],
  }),
  /** For the home screen's warning. Polled: it does not count as activity. */
  'backups.status': define({ input: empty, output: backupStatusSchema, access: ['admin'], activity: false }),
} as const;
