import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupActor } from '../backup/backup-error';
import { backupOverdue } from '../domain/backup-schedule';
import type { BackupRun, BackupRunKind } from '../domain/backups';
import { backupRunKindSchema } from '../domain/backups';
import type { BackupRunRow } from '../db/backups-repo';
import { getBackupSettings, latestBackupRun, listBackupRuns } from '../db/backups-repo';
import type { Ledger } from '../db/open';
import { findUserById } from '../db/users-repo';
import { cancelBackupJob, existingBackupJob, newJob, runningBackup, trackJob } from './backup-jobs';
import { runBackup, runTestRestore } from './backup-run';
import { checkDestination, saveWithNewKey, toBackupSettings, writeSettings } from './backup-settings';
import type { Handlers, ServiceContext } from './context';
import { requireClinic, requireUser } from './context';
import { ServiceError } from './service-error';
import { changedBy, changesOf, refuseStaleSave } from './stale-save';

function userActor(context: ServiceContext): BackupActor {
  const user = requireUser(context);
  return { userId: user.id, by: user.username };
}

function requireSettings(context: ServiceContext) {
  const settings = getBackupSettings(context.ledger.db);
  if (settings === undefined) {
    throw new ServiceError('NOT_FOUND', 'Backups are not set up yet. Choose a folder and a passphrase first.');
  }
  return settings;
}

/** Refuses (CONFLICT) a save from a page that loaded the settings before their last save. */
function assertSettingsCurrent(context: ServiceContext, expectedUpdatedAt: string | null): void {
  const stored = getBackupSettings(context.ledger.db)?.updatedAt ?? null;
  if (stored === expectedUpdatedAt) return;
  const saves = changesOf(context, { type: 'backup-settings', id: 1 }, ['backup.settings-saved'], expectedUpdatedAt);
  const last = saves[0];
  const fields = saves.flatMap((save) => {
    const changes = save.details.changes;
    return changes !== null && typeof changes === 'object' && !Array.isArray(changes) ? Object.keys(changes) : [];
  });
  const words: Readonly<Record<string, string>> = {
    destination: 'folder',
    dailyAt: 'daily backup time',
    onQuit: 'backup on quit',
    keepDaily: 'daily backups kept',
    keepMonthly: 'monthly backups kept',
  };
  const newKey = saves.some((save) => save.details.newKey === true);
  refuseStaleSave(context, {
    what: 'the backup settings',
    by: last === undefined ? 'someone' : changedBy(context, { actorUserId: last.actorUserId }),
    at: stored,
    changed: [
      ...new Set(fields.map((field) => words[field] ?? field)),
      ...(newKey ? ['passphrase (a new backup key)'] : []),
    ],
  });
}

function toRun(ledger: Ledger, row: BackupRunRow, destination: string | null): BackupRun {
  const user = row.userId === null ? undefined : findUserById(ledger.db, row.userId);
  return {
    id: row.id,
    kind: backupRunKindSchema.catch('manual').parse(row.kind),
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    ok: row.ok,
    fileName: row.fileName,
    sizeBytes: row.sizeBytes,
    headSeq: row.headSeq,
    headHash: row.headHash,
    message: row.message,
    fileInFolder:
      row.fileName === null || row.kind === 'test-restore' || destination === null
        ? null
        : existsSync(join(destination, row.fileName)),
    byName: user === undefined ? null : user.displayName,
  };
}

/**
 * Starts a backup of the live ledger in the background (one at a time: a second request gets
 * the running one). For the app's scheduler as much as for "Back up now".
 */
export function startBackup(
  ledger: Ledger,
  kind: Exclude<BackupRunKind, 'test-restore'>,
  actor: BackupActor,
  clock?: () => Date,
) {
  const running = runningBackup();
  if (running !== undefined) return { job: running, done: Promise.resolve(running) };
  const job = newJob(kind, 'Starting the backup');
  return { job: { ...job }, done: trackJob(runBackup(ledger, job, actor, clock)) };
}

export const backupHandlers: Handlers<
  | 'backups.settings.get'
  | 'backups.settings.save'
  | 'backups.run'
  | 'backups.job'
  | 'backups.cancel'
  | 'backups.list'
  | 'backups.testRestore'
  | 'backups.status'
> = {
  'backups.settings.get': (context) => {
    const row = getBackupSettings(context.ledger.db);
    return { settings: row === undefined ? null : toBackupSettings(row) };
  },
  'backups.settings.save': (context, input) => {
    const user = requireUser(context);
    assertSettingsCurrent(context, input.expectedUpdatedAt);
    checkDestination(input.destination);
    const fields = {
      destination: input.destination,
      dailyAt: input.dailyAt,
      onQuit: input.onQuit,
      keepDaily: input.keepDaily,
      keepMonthly: input.keepMonthly,
    };
    if (input.passphrase !== undefined) {
      const { ledger } = context;
      const passphrase = input.passphrase;
      const job = newJob('settings', 'Making the backup key');
      // Started once this call has committed; its own transaction saves the settings and key.
      const expected = input.expectedUpdatedAt;
      context.afterCommit(() => saveWithNewKey(ledger, job, fields, passphrase, user.id, expected));
      const current = getBackupSettings(ledger.db);
      return { settings: current === undefined ? null : toBackupSettings(current), jobId: job.id };
    }
    if (getBackupSettings(context.ledger.db) === undefined) {
      const message = 'Choose a backup passphrase: the first backups need one.';
      throw new ServiceError('INVALID_INPUT', message, [{ path: 'passphrase', message }]);
    }
    return { settings: writeSettings(context.ledger, fields, null, user.id, context.nowIso), jobId: null };
  },
  'backups.run': (context) => {
    requireSettings(context);
    const actor = userActor(context);
    const { ledger } = context;
    const running = runningBackup();
    if (running !== undefined) return { ...running };
    const job = newJob('manual', 'Starting the backup');
    context.afterCommit(() => void trackJob(runBackup(ledger, job, actor, () => new Date())));
    return { ...job };
  },
  'backups.job': (_context, input) => existingBackupJob(input.jobId),
  // Recorded when the backup has actually stopped (backup.cancelled), not on asking.
  'backups.cancel': (_context, input) => cancelBackupJob(input.jobId),
  'backups.list': (context, input) => {
    const destination = getBackupSettings(context.ledger.db)?.destination ?? null;
    const rows = listBackupRuns(context.ledger.db, { beforeId: input.beforeId, limit: input.limit + 1 });
    const page = rows.slice(0, input.limit);
    return {
      runs: page.map((row) => toRun(context.ledger, row, destination)),
      nextBeforeId: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
    };
  },
  'backups.testRestore': (context, input) => {
    const settings = requireSettings(context);
    const backupPath = join(settings.destination, input.fileName);
    if (!existsSync(backupPath)) {
      throw new ServiceError('NOT_FOUND', `${input.fileName} is not in the backup folder ${settings.destination}.`);
    }
    const actor = userActor(context);
    const { ledger } = context;
    const job = newJob('test-restore', 'Starting the test restore');
    job.fileName = input.fileName;
    context.afterCommit(() => void trackJob(runTestRestore(ledger, job, backupPath, input.passphrase, actor)));
    return { ...job };
  },
  'backups.status': (context) => {
    const settings = getBackupSettings(context.ledger.db);
    if (settings === undefined) {
      return { configured: false, lastGoodAt: null, overdue: false, lastScheduledFailure: null };
    }
    const lastGood = latestBackupRun(context.ledger.db, ['manual', 'daily', 'quit'], { okOnly: true });
    const lastScheduled = latestBackupRun(context.ledger.db, ['daily', 'quit']);
    const lastGoodAt = lastGood?.finishedAt ?? null;
    return {
      configured: true,
      lastGoodAt,
      overdue: backupOverdue(context.now, lastGoodAt === null ? null : new Date(lastGoodAt), {
        dailyAt: settings.dailyAt,
        timeZone: requireClinic(context).timeZone,
      }),
      lastScheduledFailure:
        lastScheduled === undefined || lastScheduled.ok
          ? null
          : { at: lastScheduled.finishedAt, message: lastScheduled.message },
    };
  },
};
