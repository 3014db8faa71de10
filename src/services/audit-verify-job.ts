import { randomUUID } from 'node:crypto';
import type { AuditVerifyJob } from '../contract/audit-verify-job';
import type { JsonValue } from '../domain/canonical-json';
import { timeLeftMs } from '../domain/time-left';
import { appendAudit } from '../db/audit-log';
import type { VerificationOutcome } from '../db/audit-verify-record';
import { verifiedAuditAction } from '../db/audit-verify-record';
import type { Ledger } from '../db/open';
import { openSnapshotReader } from '../db/snapshot-reader';
import type { StagedVerification } from './audit-verify-run';
import { runIntact, toAuditVerification, verificationRun } from './audit-verify-run';
import { ServiceError } from './service-error';

/**
 * Verification of the ledger as a background job, like the export: it runs on its own read-only
 * connection inside one read transaction (a snapshot), one short step at a time, yielding to the
 * event loop between steps so every other call (other devices of a clinic host too) goes on
 * while it runs. It writes one audit entry when it ends, in its own transaction, and nothing else:
 * a cancelled check leaves only that entry.
 */

interface RunningVerifyJob extends AuditVerifyJob {
  controller: AbortController;
  startedAtMs: number;
}

const jobs = new Map<string, RunningVerifyJob>();

/** Lets the event loop run waiting calls (I/O, timers) between two steps. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Seconds left at the pace kept so far (the estimate every progress bar uses); null while too early to tell. */
function secondsLeft(job: RunningVerifyJob, nowMs: number): number | null {
  if (job.state !== 'running' || job.total === 0) return null;
  const leftMs = timeLeftMs(nowMs - job.startedAtMs, job.done / job.total);
  return leftMs === null ? null : Math.max(1, Math.round(leftMs / 1000));
}

export function publicVerifyJob(job: RunningVerifyJob): AuditVerifyJob {
  return {
    id: job.id,
    state: job.state,
    scope: job.scope,
    done: job.done,
    total: job.total,
    what: job.what,
    secondsLeft: secondsLeft(job, Date.now()),
    start: job.start,
    head: job.head,
    result: job.result,
    message: job.message,
  };
}

export function existingVerifyJob(id: string): RunningVerifyJob {
  const job = jobs.get(id);
  if (job === undefined) throw new ServiceError('NOT_FOUND', 'There is no such verification.');
  return job;
}

function outcomeOf(job: RunningVerifyJob, staged: StagedVerification | null): VerificationOutcome {
  if (job.state === 'cancelled' || job.state === 'failed') return job.state;
  return staged !== null && runIntact(staged) ? 'intact' : 'problems';
}

/** Records the end of the check (done, cancelled or failed) in its own transaction. */
function auditOutcome(
  ledger: Ledger,
  actor: { userId: number | null; device: Record<string, JsonValue> },
  job: RunningVerifyJob,
  staged: StagedVerification | null,
): void {
  // The app may have closed the ledger while the check ran (quit, tests).
  if (!ledger.raw.open) return;
  const result = job.result;
  const details: Record<string, JsonValue> = {
    scope: job.scope,
    outcome: outcomeOf(job, staged),
    kind: job.start?.kind ?? 'full',
    fromSeq: job.start?.fromSeq ?? 0,
    ...(job.start?.checkpointId == null ? {} : { anchorCheckpointId: job.start.checkpointId }),
    headSeq: job.head?.seq ?? 0,
    headHash: job.head?.hash ?? '',
    entriesChecked: result?.entries ?? 0,
    ...(result !== null && !result.ok ? { firstBrokenSeq: result.firstBrokenSeq, reason: result.reason } : {}),
    checkpointsChecked: result?.checkpoints ?? 0,
    checkpointProblems: result?.checkpointProblems?.length ?? 0,
    tableProblems: result?.tableProblems?.length ?? 0,
    ...(job.state === 'failed' ? { message: job.message } : {}),
    ...actor.device,
  };
  ledger.raw.transaction(() => {
    appendAudit(ledger.raw, {
      at: new Date().toISOString(),
      actorUserId: actor.userId,
      action: verifiedAuditAction,
      entityType: 'audit',
      entityId: job.id,
      details,
    });
  })();
}

async function run(
  ledger: Ledger,
  actor: { userId: number | null; device: Record<string, JsonValue> },
  job: RunningVerifyJob,
): Promise<AuditVerifyJob> {
  let staged: StagedVerification | null = null;
  // Let the call that started the check answer first.
  await yieldToEventLoop();
  try {
    const reader = openSnapshotReader(ledger);
    try {
      const steps = verificationRun(reader.raw, job.scope === 'full' ? { kind: 'full' } : { kind: 'sinceLast' });
      const anchor = steps.start.anchor;
      job.start = {
        kind: steps.start.kind,
        fromSeq: steps.start.fromSeq,
        checkpointId: anchor?.checkpointId ?? null,
        note: steps.start.note,
      };
      job.total = steps.total;
      while (staged === null) {
        if (job.controller.signal.aborted) {
          job.state = 'cancelled';
          job.message = 'The verification was cancelled; nothing was checked to the end.';
          break;
        }
        job.what = steps.what;
        staged = steps.step();
        job.done = steps.done;
        if (staged === null) await yieldToEventLoop();
      }
    } finally {
      reader.close();
    }
    if (staged !== null) {
      job.head = staged.head;
      job.result = toAuditVerification(staged);
      job.state = 'done';
      job.what = 'Finished';
      job.message = runIntact(staged) ? 'Everything checked is intact.' : 'The check found problems.';
    }
  } catch (error) {
    job.state = 'failed';
    job.message = error instanceof Error ? error.message : String(error);
  }
  auditOutcome(ledger, actor, job, staged);
  return publicVerifyJob(job);
}

/** A check as it stands before its first step: what `audit.verifyStart` answers at once. */
export function startingVerifyJob(id: string, scope: AuditVerifyJob['scope']): AuditVerifyJob {
  return {
    id,
    state: 'running',
    scope,
    done: 0,
    total: 0,
    what: 'Starting the verification',
    secondsLeft: null,
    start: null,
    head: null,
    result: null,
    message: '',
  };
}

/**
 * Starts a check in the background (call it after the starting transaction has committed);
 * resolves with the finished job, already audited.
 */
export function startVerifyJob(
  ledger: Ledger,
  actor: { userId: number | null; device: Record<string, JsonValue> },
  scope: AuditVerifyJob['scope'],
  id: string = randomUUID(),
): { job: AuditVerifyJob; finished: Promise<AuditVerifyJob> } {
  const job: RunningVerifyJob = {
    ...startingVerifyJob(id, scope),
    controller: new AbortController(),
    startedAtMs: Date.now(),
  };
  jobs.set(id, job);
  return { job: publicVerifyJob(job), finished: run(ledger, actor, job) };
}

/** Asks a running check to stop at its next step. */
export function cancelVerifyJob(id: string): AuditVerifyJob {
  const job = existingVerifyJob(id);
  if (job.state === 'running') job.controller.abort();
  return publicVerifyJob(job);
}
