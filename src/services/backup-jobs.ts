import { randomUUID } from 'node:crypto';
import type { BackupJob, BackupRunKind } from '../domain/backups';
import type { JsonValue } from '../domain/canonical-json';
import { appendAudit } from '../db/audit-log';
import type { NewBackupRun } from '../db/backups-repo';
import { insertBackupRun } from '../db/backups-repo';
import type { Ledger } from '../db/open';
import { ServiceError } from './service-error';

/**
 * Backups, test restores and key wrapping run after their call has committed (better-sqlite3
 * transactions are synchronous, the encryption is not), and are polled by id. Finished jobs are
 * kept for the life of the process, like exports, so a late poll still reads the result.
 */
const jobs = new Map<string, BackupJob>();
/** What cancels each backup or test restore while it runs (making a new key runs to its end). */
const controllers = new Map<string, AbortController>();

export type JobKind = BackupJob['kind'];

export function newJob(kind: JobKind, what: string): BackupJob {
  const job: BackupJob = {
    id: randomUUID(),
    kind,
    state: 'running',
    fraction: 0,
    what,
    message: '',
    fileName: null,
    headSeq: null,
    headHash: null,
  };
  jobs.set(job.id, job);
  if (kind !== 'settings') controllers.set(job.id, new AbortController());
  return job;
}

/** The signal a backup job checks between its steps; none for other kinds of job. */
export function cancelSignalOf(job: BackupJob): AbortSignal | undefined {
  return controllers.get(job.id)?.signal;
}

/**
 * Asks a running backup to stop: it stops at its next step, leaving no file, and records that it
 * was cancelled. A finished job is returned as it is; a job of another kind cannot be cancelled.
 */
export function cancelBackupJob(id: string): BackupJob {
  const job = jobs.get(id);
  if (job === undefined) throw new ServiceError('NOT_FOUND', 'There is no such backup job.');
  if (job.kind === 'settings') {
    throw new ServiceError('CONFLICT', 'Making a new backup key cannot be cancelled: it runs to its end.');
  }
  const controller = controllers.get(id);
  if (job.state === 'running' && controller !== undefined && !controller.signal.aborted) {
    controller.abort();
    job.what = 'Cancelling';
  }
  return { ...job };
}

/** Forgets the job's cancel once it has finished (its result stays readable). */
export function finishBackupJob(job: BackupJob): void {
  controllers.delete(job.id);
}

export function existingBackupJob(id: string): BackupJob {
  const job = jobs.get(id);
  if (job === undefined) throw new ServiceError('NOT_FOUND', 'There is no such backup job.');
  return { ...job };
}

/** The backup (not test restore) running now, if any: one at a time. */
export function runningBackup(): BackupJob | undefined {
  return [...jobs.values()].find(
    (job) => job.state === 'running' && job.kind !== 'test-restore' && job.kind !== 'settings',
  );
}

let inFlight: Promise<unknown> = Promise.resolve();

/** Remembers a started backup or test restore, so that a quitting app can wait for it. */
export function trackJob<T>(work: Promise<T>): Promise<T> {
  inFlight = Promise.allSettled([inFlight, work]);
  return work;
}

/** Settles when every job started so far has finished. */
export function jobsInFlight(): Promise<unknown> {
  return inFlight;
}

/** "the passphrase …" → "The passphrase …": BackupError messages are written to follow "backup failed: ". */
export function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * Appends a run to backup_runs and its audit entry in one transaction of the live ledger;
 * nothing when the app has closed the ledger meanwhile (quit, tests).
 */
export function recordRun(ledger: Ledger, run: NewBackupRun, action: string, details: Record<string, JsonValue>): void {
  if (!ledger.raw.open) return;
  ledger.raw
    .transaction(() => {
      const row = insertBackupRun(ledger.db, run);
      appendAudit(ledger.raw, {
        at: run.finishedAt,
        actorUserId: run.userId ?? null,
        action,
        entityType: 'backup',
        entityId: run.fileName ?? String(row.id),
        details: { run: row.id, kind: run.kind, ok: run.ok, message: run.message, ...details },
      });
    })
    .immediate();
}

export function runKindOf(job: BackupJob): BackupRunKind {
  if (job.kind === 'settings') throw new Error('a settings job is no backup run');
  return job.kind;
}
