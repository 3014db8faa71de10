import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { BackupJob } from '../domain/backups';
import { cancelledBackupMessage, cancelledTestRestoreMessage } from '../domain/backups';
import { BackupError, messageOf } from '../backup/backup-error';
import type { BackupActor } from '../backup/backup-error';
import { sidecarPathOf } from '../backup/backup-sidecar';
import { copyLedgerInWorker } from '../backup/copy-in-worker';
import { restoreBackup } from '../backup/restore-backup';
import { backupsToDelete } from '../backup/retention';
import { takeBackup } from '../backup/take-backup';
import { appendAudit } from '../db/audit-log';
import { getBackupSettings, insertBackupRun } from '../db/backups-repo';
import { getClinic } from '../db/clinic-repo';
import type { Ledger } from '../db/open';
import { cancelSignalOf, finishBackupJob, recordRun, runKindOf, sentence } from './backup-jobs';

/** "Check passed: …": the words the list shows for a good backup. */
export function checkPassedMessage(entries: number): string {
  return `Check passed: integrity ok, audit chain intact (${entries} entries), same chain head as the live ledger.`;
}

/**
 * Takes one backup for the app into the destination folder: the copy in a worker thread,
 * encrypted to the settings' recipient, recorded (backup_runs row + `backup.created`) in one
 * transaction; a failure is recorded too (`backup.failed`). Then applies retention.
 */
export async function runBackup(
  ledger: Ledger,
  job: BackupJob,
  actor: BackupActor,
  clock: () => Date = () => new Date(),
): Promise<BackupJob> {
  const startedAt = clock().toISOString();
  const kind = runKindOf(job);
  const settings = getBackupSettings(ledger.db);
  const signal = cancelSignalOf(job);
  try {
    if (settings === undefined) throw new BackupError('could-not-run', 'backups are not set up');
    const result = await takeBackup(ledger, {
      outDir: settings.destination,
      recipient: { recipient: settings.recipient, wrappedIdentity: settings.wrappedIdentity },
      actor,
      clock,
      copy: (plainPath) => copyLedgerInWorker(ledger.path, plainPath),
      // Once cancelled, the bar says so until the backup has stopped.
      onProgress: (fraction, what) =>
        Object.assign(job, { fraction, what: signal?.aborted === true ? 'Cancelling' : what }),
      ...(signal === undefined ? {} : { signal }),
      recordCancelled: (at, stage) => {
        recordRun(
          ledger,
          {
            kind,
            startedAt,
            finishedAt: at.toISOString(),
            ok: false,
            fileName: null,
            sizeBytes: null,
            headSeq: null,
            headHash: null,
            message: cancelledBackupMessage,
            userId: actor.userId,
          },
          'backup.cancelled',
          { destination: settings?.destination ?? null, stage, by: actor.by },
        );
      },
      recordAlso: (fileName, sidecar, at) => {
        insertBackupRun(ledger.db, {
          kind,
          startedAt,
          finishedAt: at.toISOString(),
          ok: true,
          fileName,
          sizeBytes: sidecar.sizeBytes,
          headSeq: sidecar.chainHead.seq,
          headHash: sidecar.chainHead.hash,
          message: checkPassedMessage(sidecar.check.auditEntries),
          userId: actor.userId,
        });
      },
    });
    Object.assign(job, {
      state: 'done',
      fraction: 1,
      what: 'Backup written',
      message: checkPassedMessage(result.sidecar.check.auditEntries),
      fileName: basename(result.path),
      headSeq: result.sidecar.chainHead.seq,
      headHash: result.sidecar.chainHead.hash,
    });
    try {
      applyRetention(ledger, settings.destination, job.fileName ?? '', settings, actor, clock);
    } catch (error) {
      // The backup is written and recorded; old ones are deleted again after the next backup.
      console.error('[dosing-ledger] deleting old backups failed:', error);
    }
  } catch (error) {
    if (error instanceof BackupError && error.outcome === 'cancelled') {
      // Recorded by takeBackup's recordCancelled, once its temporary files were gone.
      Object.assign(job, { state: 'cancelled', what: 'Backup cancelled', message: cancelledBackupMessage });
      return { ...job };
    }
    const message = sentence(`The backup failed: ${messageOf(error)}`);
    Object.assign(job, { state: 'failed', what: 'Backup failed', message });
    recordRun(
      ledger,
      {
        kind,
        startedAt,
        finishedAt: clock().toISOString(),
        ok: false,
        fileName: null,
        sizeBytes: null,
        headSeq: null,
        headHash: null,
        message,
        userId: actor.userId,
      },
      'backup.failed',
      { destination: settings?.destination ?? null, by: actor.by },
    );
  } finally {
    finishBackupJob(job);
  }
  return { ...job };
}

/** Deletes the backups retention no longer keeps (with their sidecars); audited when any go. */
function applyRetention(
  ledger: Ledger,
  destination: string,
  justWritten: string,
  rule: { keepDaily: number; keepMonthly: number },
  actor: BackupActor,
  clock: () => Date,
): void {
  if (!ledger.raw.open) return;
  const timeZone = getClinic(ledger.db)?.timeZone ?? 'UTC';
  const doomed = backupsToDelete(readdirSync(destination), justWritten, { ...rule, timeZone });
  const deleted: string[] = [];
  for (const name of doomed) {
    try {
      rmSync(join(destination, name));
      rmSync(sidecarPathOf(join(destination, name)), { force: true });
      deleted.push(name);
    } catch {
      // A file another program holds open stays until the next backup's retention.
    }
  }
  if (deleted.length === 0) return;
  ledger.raw
    .transaction(() =>
      appendAudit(ledger.raw, {
        at: clock().toISOString(),
        actorUserId: actor.userId,
        action: 'backup.pruned',
        entityType: 'backup',
        entityId: justWritten,
        details: { deleted, keepDaily: rule.keepDaily, keepMonthly: rule.keepMonthly, by: actor.by },
      }),
    )
    .immediate();
}

/**
 * The restore drill: restores `fileName` of the destination into a temporary file, which
 * restoreBackup checks (integrity, audit chain, the head its sidecar records), deletes it, and
 * records the result in the live ledger. The live ledger is only read (its settings).
 */
export async function runTestRestore(
  ledger: Ledger,
  job: BackupJob,
  backupPath: string,
  passphrase: string,
  actor: BackupActor,
): Promise<BackupJob> {
  const startedAt = new Date().toISOString();
  const fileName = job.fileName;
  const folder = mkdtempSync(join(tmpdir(), 'dosing-ledger-test-restore-'));
  let sizeBytes: number | null = null;
  const signal = cancelSignalOf(job);
  try {
    sizeBytes = statSync(backupPath).size;
    const restored = await restoreBackup({
      backupPath,
      newPath: join(folder, 'restored.sqlite'),
      passphrase,
      actor,
      // Once cancelled, the bar says so until the restore has stopped.
      onProgress: (fraction, what) =>
        Object.assign(job, {
          fraction: Math.min(fraction, 0.99),
          what: signal?.aborted === true ? 'Cancelling' : what,
        }),
      ...(signal === undefined ? {} : { signal }),
    });
    const head = restored.backupHead;
    const same = restored.sidecar === null ? '' : ", equal to the backup's";
    Object.assign(job, {
      state: 'done',
      fraction: 1,
      what: 'Test restore finished',
      message: `Test restore passed: integrity ok, audit chain intact, chain head ${head.seq} (${head.hash.slice(0, 12)})${same}.`,
      headSeq: head.seq,
      headHash: head.hash,
    });
  } catch (error) {
    Object.assign(
      job,
      error instanceof BackupError && error.outcome === 'cancelled'
        ? { state: 'cancelled', what: 'Test restore cancelled', message: cancelledTestRestoreMessage }
        : {
            state: 'failed',
            what: 'Test restore failed',
            message: sentence(`The test restore failed: ${messageOf(error)}`),
          },
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
    finishBackupJob(job);
  }
  recordRun(
    ledger,
    {
      kind: 'test-restore',
      startedAt,
      finishedAt: new Date().toISOString(),
      ok: job.state === 'done',
      fileName,
      sizeBytes,
      headSeq: job.headSeq,
      headHash: job.headHash,
      message: job.message,
      userId: actor.userId,
    },
    job.state === 'done'
      ? 'backup.test-restored'
      : job.state === 'cancelled'
        ? 'backup.test-restore-cancelled'
        : 'backup.test-restore-failed',
    { by: actor.by },
  );
  return { ...job };
}
