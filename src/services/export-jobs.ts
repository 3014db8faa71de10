import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ExportFile } from '../export/export-file';
import { ExportCancelledError, writeExport } from '../export/write-export';
import { appendAudit } from '../db/audit-log';
import type { Ledger } from '../db/open';
import { ServiceError } from './service-error';

export interface ExportJob {
  id: string;
  state: 'writing' | 'done' | 'cancelled' | 'failed';
  done: number;
  total: number;
  outPath: string;
  message: string;
}

const jobs = new Map<string, ExportJob & { controller: AbortController }>();

/** Records the end of an export in the audit log, in its own transaction. */
function auditOutcome(ledger: Ledger, actorUserId: number | null, job: ExportJob): void {
  // The app may have closed the ledger while the files were being written (quit, tests).
  if (!ledger.raw.open) return;
  ledger.raw.transaction(() => {
    appendAudit(ledger.raw, {
      at: new Date().toISOString(),
      actorUserId,
      action: `export.${job.state}`,
      entityType: 'export',
      entityId: job.id,
      details: { outPath: job.outPath, files: job.total, message: job.message },
    });
  })();
}

/**
 * Writes the files in the background, reporting progress; cancelling leaves nothing behind.
 * Resolves with the finished job (done, cancelled or failed), already audited.
 */
export function startWriting(
  ledger: Ledger,
  actorUserId: number | null,
  files: readonly ExportFile[],
  outPath: string,
  exportedAt: string,
  id: string = randomUUID(),
  onProgress?: (done: number, total: number) => void,
): Promise<ExportJob> {
  const controller = new AbortController();
  const job = {
    id,
    state: 'writing' as ExportJob['state'],
    done: 0,
    total: files.length,
    outPath,
    message: 'Writing the export…',
    controller,
  };
  jobs.set(id, job);
  mkdirSync(dirname(outPath), { recursive: true });
  return writeExport({
    files,
    outPath,
    format: outPath.endsWith('.zip') ? 'zip' : 'folder',
    modifiedAt: exportedAt,
    signal: controller.signal,
    onProgress: (done, total) => {
      job.done = done;
      job.total = total;
      onProgress?.(done, total);
    },
  }).then(
    () => {
      job.state = 'done';
      job.message = `The export is complete: ${outPath}`;
      auditOutcome(ledger, actorUserId, job);
      return publicJob(job);
    },
    (error: unknown) => {
      job.state = error instanceof ExportCancelledError ? 'cancelled' : 'failed';
      job.message = error instanceof Error ? error.message : String(error);
      auditOutcome(ledger, actorUserId, job);
      return publicJob(job);
    },
  );
}

export function publicJob(job: ExportJob): ExportJob {
  return { id: job.id, state: job.state, done: job.done, total: job.total, outPath: job.outPath, message: job.message };
}

export function existingJob(id: string) {
  const job = jobs.get(id);
  if (job === undefined) throw new ServiceError('NOT_FOUND', 'There is no such export.');
  return job;
}
