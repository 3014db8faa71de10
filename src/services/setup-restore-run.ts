import { randomUUID } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { BackupActor } from '../backup/backup-error';
import { BackupError, messageOf } from '../backup/backup-error';
import { removeLedgerFiles, tempName } from '../backup/backup-files';
import { restoreBackup } from '../backup/restore-backup';
import type { SetupRestoreJob } from '../domain/setup-restore';
import { auditHead, verifyAuditChain } from '../db/audit-log';
import { getClinic } from '../db/clinic-repo';
import type { Ledger } from '../db/open';
import { openLedger } from '../db/open';
import { countUsers } from '../db/users-repo';
import { sentence } from './backup-jobs';

/** Restores started from the set-up screen, polled by id for the life of the process. */
const jobs = new Map<string, { job: SetupRestoreJob; ledger: Ledger['raw'] }>();
/** Ledgers whose file is being overwritten by a restored copy right now (see `copyInto`). */
const copying = new WeakSet<Ledger['raw']>();

export const setupRestoreActor: BackupActor = { userId: null, by: 'set-up screen' };

/** An empty ledger: set-up has not run (no clinic) and nobody was ever added. */
export function isEmptyLedger(ledger: Ledger): boolean {
  return getClinic(ledger.db) === undefined && countUsers(ledger.db) === 0;
}

/**
 * While a restored copy is written into the live file, that file's write lock is held by the
 * copying connection between event-loop turns: dispatch refuses calls meanwhile rather than
 * block on it (and so nobody can set up a clinic in the ledger being replaced).
 */
export function copyInProgress(ledger: Ledger): boolean {
  return copying.has(ledger.raw);
}

export function runningRestore(ledger: Ledger): SetupRestoreJob | undefined {
  return [...jobs.values()].find((entry) => entry.ledger === ledger.raw && entry.job.state === 'running')?.job;
}

export function newRestoreJob(ledger: Ledger): SetupRestoreJob {
  const job: SetupRestoreJob = {
    id: randomUUID(),
    state: 'running',
    fraction: 0,
    what: 'Starting the restore',
    message: '',
    clinicName: null,
    clinicTimeZone: null,
    backupCreatedAt: null,
  };
  jobs.set(job.id, { job, ledger: ledger.raw });
  return job;
}

/** A job of this ledger only: another ledger's set-up screen never reads it. */
export function existingRestoreJob(ledger: Ledger, id: string): SetupRestoreJob | undefined {
  const entry = jobs.get(id);
  return entry?.ledger === ledger.raw ? { ...entry.job } : undefined;
}

/**
 * Copies the restored file into the open, empty live ledger with SQLite's online backup API
 * (restored → live). The copy writes through its own connection into the live file's WAL, as
 * any writer would, so the app's connection (the same `Ledger` object held by the server, the
 * scheduler and export jobs) sees the restored content on its next read. A failed copy rolls
 * back: the live ledger stays as it was.
 */
async function copyInto(ledger: Ledger, restoredPath: string): Promise<void> {
  const source = openLedger(restoredPath, { readonly: true, existing: true });
  copying.add(ledger.raw);
  try {
    // Checked again now that dispatch refuses calls: set-up may have run while decrypting.
    if (!isEmptyLedger(ledger)) {
      throw new BackupError('could-not-run', 'this ledger is no longer empty (a clinic was set up meanwhile)');
    }
    // As many pages per step as there are: the copy holds the live file's write lock briefly.
    await source.raw.backup(ledger.path, { progress: () => 0x7fffffff });
  } finally {
    copying.delete(ledger.raw);
    source.close();
  }
}

/**
 * Restores `backupPath` beside the live ledger (decrypted, checked, `ledger.restored` appended:
 * src/backup/restore-backup.ts), copies it into the live ledger, then checks that the live
 * connection holds the backup's chain plus that entry. Never throws: the job says how it ended.
 */
export async function runSetupRestore(
  ledger: Ledger,
  job: SetupRestoreJob,
  backupPath: string,
  passphrase: string,
): Promise<SetupRestoreJob> {
  const newPath = join(dirname(ledger.path), tempName(`${basename(ledger.path)}.from-backup`));
  try {
    const restored = await restoreBackup({
      backupPath,
      newPath,
      passphrase,
      actor: setupRestoreActor,
      onProgress: (fraction, what) => Object.assign(job, { fraction: Math.min(fraction, 1) * 0.85, what }),
    });
    Object.assign(job, { fraction: 0.9, what: 'Copying the clinic into this ledger' });
    await copyInto(ledger, restored.path);
    const chain = verifyAuditChain(ledger.raw);
    const head = auditHead(ledger.raw);
    const clinic = getClinic(ledger.db);
    if (!chain.ok || head.seq !== restored.backupHead.seq + 1 || clinic === undefined) {
      throw new BackupError('check-failed', 'the ledger does not hold the restored audit trail after the copy');
    }
    Object.assign(job, {
      state: 'done',
      fraction: 1,
      what: 'Restored',
      clinicName: clinic.name,
      clinicTimeZone: clinic.timeZone,
      backupCreatedAt: restored.sidecar?.createdAt ?? null,
    });
  } catch (error) {
    Object.assign(job, {
      state: 'failed',
      what: 'Restore failed',
      message: sentence(`Nothing was restored: ${messageOf(error)}`),
    });
  } finally {
    removeLedgerFiles(newPath);
  }
  return { ...job };
}
