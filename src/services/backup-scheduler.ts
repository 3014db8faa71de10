import { latestDailySlot } from '../domain/backup-schedule';
import { getBackupSettings, latestBackupRun } from '../db/backups-repo';
import { getClinic } from '../db/clinic-repo';
import type { Ledger } from '../db/open';
import { jobsInFlight } from './backup-jobs';
import { startBackup } from './backup-handlers';

/** How long a quitting app waits for its backup before it goes anyway (a slow network share). */
export const defaultQuitTimeoutMs = 5 * 60_000;
const checkEveryMs = 30_000;

export type QuitOutcome = 'no backup' | 'backed up' | 'failed' | 'timed out';

export interface BackupScheduler {
  /** Runs the daily backup when its time has come and none was attempted since; for tests too. */
  tick(): Promise<void>;
  /**
   * Stops the schedule and, when the settings say so, takes the on-quit backup, waiting at
   * most `timeoutMs`; then the caller closes the ledger.
   */
  quit(): Promise<QuitOutcome>;
}

function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    void promise.then((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

/**
 * The app's backup schedule, started with the server (browser mode, clinic host) or with
 * Electron's main process: the daily backup at the clinic-local time of the settings (once per
 * day, caught up at start when the app was closed at that time, never retried after a failure
 * until the next day: the failure is on the home screen), and the backup when the app quits.
 */
export function startBackupScheduler(
  ledger: Ledger,
  options: { clock?: () => Date; quitTimeoutMs?: number } = {},
): BackupScheduler {
  const clock = options.clock ?? (() => new Date());
  let stopped = false;

  const tick = async (): Promise<void> => {
    if (stopped || !ledger.raw.open) return;
    const settings = getBackupSettings(ledger.db);
    const clinic = getClinic(ledger.db);
    if (settings?.dailyAt === null || settings === undefined || clinic === undefined) return;
    const slot = latestDailySlot(clock(), settings.dailyAt, clinic.timeZone);
    // A time set after today's slot starts tomorrow, rather than backing up on saving.
    if (new Date(settings.updatedAt).getTime() > slot.getTime()) return;
    const last = latestBackupRun(ledger.db, ['daily']);
    if (last !== undefined && new Date(last.startedAt).getTime() >= slot.getTime()) return;
    await startBackup(ledger, 'daily', { userId: null, by: 'daily schedule' }, clock).done;
  };

  const timer = setInterval(() => {
    tick().catch((error: unknown) => console.error('[dosing-ledger] scheduled backup failed:', error));
  }, checkEveryMs);
  timer.unref();
  void tick().catch((error: unknown) => console.error('[dosing-ledger] scheduled backup failed:', error));

  const quitBackup = async (): Promise<QuitOutcome> => {
    // A backup already running (daily, or "Back up now") finishes first: it holds the newest state.
    await jobsInFlight();
    if (!ledger.raw.open || getBackupSettings(ledger.db)?.onQuit !== true) return 'no backup';
    const { done } = startBackup(ledger, 'quit', { userId: null, by: 'app quit' }, clock);
    const job = await done;
    return job.state === 'done' ? 'backed up' : 'failed';
  };

  return {
    tick,
    quit: async () => {
      if (stopped) return 'no backup';
      stopped = true;
      clearInterval(timer);
      return withTimeout(quitBackup(), options.quitTimeoutMs ?? defaultQuitTimeoutMs, 'timed out');
    },
  };
}
