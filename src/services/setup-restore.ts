import { statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { Handlers } from './context';
import { trackJob } from './backup-jobs';
import { ServiceError } from './service-error';
import { existingRestoreJob, isEmptyLedger, newRestoreJob, runSetupRestore, runningRestore } from './setup-restore-run';

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export const setupRestoreHandlers: Handlers<'setup.restore' | 'setup.restoreJob'> = {
  'setup.restore': (context, input) => {
    const { ledger } = context;
    // Only into the empty ledger of a first run: a restore must never replace a clinic's records.
    if (context.clinic !== undefined || !isEmptyLedger(ledger)) {
      throw new ServiceError(
        'ALREADY_INITIALIZED',
        'This ledger already holds a clinic, so a backup cannot be restored into it. Sign in instead.',
      );
    }
    const running = runningRestore(ledger);
    if (running !== undefined) {
      throw new ServiceError('CONFLICT', 'A restore is already running. Wait for it to finish.');
    }
    if (!isAbsolute(input.backupPath)) {
      // Relative to what the person cannot see (the server's working folder): ask for all of it.
      const message = 'Enter the full path of the backup file, from the drive or the top folder.';
      throw new ServiceError('INVALID_INPUT', message, [{ path: 'backupPath', message }]);
    }
    if (!isFile(input.backupPath)) {
      const message = `There is no backup file at ${input.backupPath}. Check the path, and that the drive is plugged in.`;
      throw new ServiceError('INVALID_INPUT', message, [{ path: 'backupPath', message }]);
    }
    const job = newRestoreJob(ledger);
    const { backupPath, passphrase } = input;
    context.afterCommit(() => void trackJob(runSetupRestore(ledger, job, backupPath, passphrase)));
    return { ...job };
  },
  'setup.restoreJob': (context, input) => {
    const job = existingRestoreJob(context.ledger, input.jobId);
    if (job === undefined) throw new ServiceError('NOT_FOUND', 'There is no such restore.');
    return job;
  },
};
