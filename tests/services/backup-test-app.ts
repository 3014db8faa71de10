import type { MethodOutput } from '../../src/contract/methods';
import { backupKeyWork } from '../../src/services/backup-settings';
import type { SignIn } from '../../src/services/sign-in';
import { fastScrypt } from '../backup/backup-fixture';
import type { TestApp } from '../support/test-app';

// The same age passphrase wrapping, without seconds of scrypt per test.
backupKeyWork.scryptLogN = fastScrypt;

export const backupPassphrase = 'a long backup passphrase';

/** Polls a backup job until it has finished, as the Backups page does. */
export async function finished(app: TestApp, admin: SignIn, jobId: string): Promise<MethodOutput<'backups.job'>> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const job = app.ok(admin, 'backups.job', { jobId });
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`backup job ${jobId} did not finish`);
}

/** The settings' `updatedAt` as the Backups page would have loaded it (null: none yet). */
export function backupSettingsStamp(app: TestApp, admin: SignIn): string | null {
  return app.ok(admin, 'backups.settings.get', {}).settings?.updatedAt ?? null;
}

/** Sets backups up to `destination` with the test passphrase, and waits for the key. */
export async function setUpBackups(
  app: TestApp,
  admin: SignIn,
  destination: string,
  more: { dailyAt?: string | null; onQuit?: boolean; keepDaily?: number; keepMonthly?: number } = {},
): Promise<void> {
  const saved = app.ok(admin, 'backups.settings.save', {
    expectedUpdatedAt: backupSettingsStamp(app, admin),
    destination,
    dailyAt: more.dailyAt ?? null,
    onQuit: more.onQuit ?? false,
    keepDaily: more.keepDaily ?? 14,
    keepMonthly: more.keepMonthly ?? 12,
    passphrase: backupPassphrase,
    passphraseAgain: backupPassphrase,
  });
  if (saved.jobId === null) throw new Error('a new passphrase should start a key job');
  const job = await finished(app, admin, saved.jobId);
  if (job.state !== 'done') throw new Error(job.message);
}
