import { z } from 'zod';
import { setupRestoreInputSchema, setupRestoreJobSchema } from '../domain/setup-restore';
import { define } from './define-method';

/**
 * "Restore a clinic from a backup" on the first-run set-up screen. Public like set-up itself,
 * and refused once the ledger holds a clinic or a user. The restore runs in the background:
 * poll the job.
 */
export const setupRestoreMethods = {
  'setup.restore': define({ input: setupRestoreInputSchema, output: setupRestoreJobSchema, access: 'public' }),
  'setup.restoreJob': define({
    input: z.object({ jobId: z.uuid() }).strict(),
    output: setupRestoreJobSchema,
    access: 'public',
    activity: false,
  }),
} as const;
