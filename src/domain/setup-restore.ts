import { z } from 'zod';

/**
 * A restore from the first-run set-up screen, polled by id. Who may see it is anyone at the
 * set-up screen, so it carries only what that screen shows: no path, no passphrase, no hash.
 */
export const setupRestoreJobSchema = z.object({
  id: z.uuid(),
  state: z.enum(['running', 'done', 'failed']),
  /** Share of the work done, 0–1. */
  fraction: z.number().min(0).max(1),
  /** What is being done now: decrypting, checking, copying, done. */
  what: z.string(),
  /** One sentence when it failed; empty while running. */
  message: z.string(),
  /** Filled in when done: the restored clinic and the backup's time (null when unknown). */
  clinicName: z.string().nullable(),
  clinicTimeZone: z.string().nullable(),
  backupCreatedAt: z.string().nullable(),
});
export type SetupRestoreJob = z.infer<typeof setupRestoreJobSchema>;

export const setupRestoreInputSchema = z
  .object({
    backupPath: z.string().trim().min(1, 'Enter the path of the backup file').max(4096, 'Use at most 4,096 characters'),
    passphrase: z.string().min(1, 'Enter the backup passphrase').max(256, 'Use at most 256 characters'),
  })
  .strict();
