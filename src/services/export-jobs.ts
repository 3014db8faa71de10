import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ExportSource } from '../export/export-file';
import { ExportCancelledError, writeExport } from '../export/write-export';
import { appendAudit } from '../db/audit-log';
import type { Ledger } from '../db/open';
import type { ExportDownload } from './export-download-file';
import { describeDownload } from './export-download-file';
import { ServiceError } from './service-error';

export interface ExportJob {
  id: string;
  state: 'writing' | 'done' | 'cancelled' | 'failed';
  done: number;
  total: number;
  outPath: string;
  message: string;
  /** The file being written now (its path inside the export); empty when none is. */
  what: string;
  /** The finished zip as the device that asked may download it; null for a folder, or until done. */
  download: ExportDownload | null;
}

export type RunningExportJob = ExportJob & {
  controller: AbortController;
  /** Sign-ins part-way through downloading this export: their download was audited at its start. */
  downloading: Set<string>;
};

const jobs = new Map<string, RunningExportJob>();

/** Awaited before each file of every export the app writes; see `holdExportFiles`. */
export type ExportFileHold = (index: number, signal: AbortSignal | undefined) => Promise<void>;

let hold: ExportFileHold | undefined;

/**
 * For end-to-end tests only (the app never calls it): holds the app's exports before each file
 * until the hold settles, so that a test can read the progress bar at a known point and cancel
 * there, instead of racing an export that may finish first. `undefined` removes it.
 */
export function holdExportFiles(next: ExportFileHold | undefined): void {
  hold = next;
}

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
      details: {
        outPath: job.outPath,
        files: job.total,
        message: job.message,
        ...(job.download === null ? {} : { totalBytes: job.download.totalBytes, sha256: job.download.sha256 }),
      },
    });
  })();
}

/**
 * Writes the files in the background, reporting progress; cancelling leaves nothing behind.
 * Resolves with the finished job (done, cancelled or failed), already audited. `release` (the
 * export's snapshot reader's close) is called once the files are no longer read, however it ended.
 */
export function startWriting(
  ledger: Ledger,
  actorUserId: number | null,
  files: readonly ExportSource[],
  outPath: string,
  exportedAt: string,
  id: string = randomUUID(),
  release: () => void = () => undefined,
): Promise<ExportJob> {
  const controller = new AbortController();
  const job: RunningExportJob = {
    id,
    state: 'writing',
    done: 0,
    total: files.length,
    outPath,
    message: 'Writing the export…',
    what: files[0]?.path ?? '',
    download: null,
    controller,
    downloading: new Set(),
  };
  jobs.set(id, job);
  return writeInBackground(ledger, actorUserId, job, files, exportedAt, release);
}

/**
 * Writes the files to `outPath` (a folder, or a zip when it ends in .zip), making its folder;
 * a zip is then described (size, SHA-256) from the disk, as written: what a device receives and
 * the audit trail names. The app's job and the command line both write through here.
 */
export async function writeExportTo(
  outPath: string,
  files: readonly ExportSource[],
  exportedAt: string,
  options: Pick<Parameters<typeof writeExport>[0], 'signal' | 'beforeFile' | 'onProgress'>,
): Promise<{ download: ExportDownload | null; files: number }> {
  const format = outPath.endsWith('.zip') ? 'zip' : 'folder';
  mkdirSync(dirname(outPath), { recursive: true });
  const written = await writeExport({ files, outPath, format, modifiedAt: exportedAt, ...options });
  return { download: format === 'zip' ? await describeDownload(outPath) : null, files: written.files };
}

async function writeInBackground(
  ledger: Ledger,
  actorUserId: number | null,
  job: RunningExportJob,
  files: readonly ExportSource[],
  exportedAt: string,
  release: () => void,
): Promise<ExportJob> {
  const { outPath, controller } = job;
  try {
    const written = await writeExportTo(outPath, files, exportedAt, {
      signal: controller.signal,
      ...(hold === undefined ? {} : { beforeFile: hold }),
      onProgress: (done, total, next) => {
        job.done = done;
        job.total = total;
        job.what = next ?? '';
      },
    });
    job.download = written.download;
    // The files on disk: an NDJSON file of a type the export holds none of was left out.
    job.done = written.files;
    job.total = written.files;
    job.state = 'done';
    job.message = `The export is complete: ${outPath}`;
  } catch (error) {
    job.state = error instanceof ExportCancelledError ? 'cancelled' : 'failed';
    job.message = error instanceof Error ? error.message : String(error);
  } finally {
    // Every file is written (or none will be): the export's snapshot is not read any more.
    release();
  }
  job.what = '';
  auditOutcome(ledger, actorUserId, job);
  return publicJob(job);
}

export function publicJob(job: ExportJob): ExportJob {
  return {
    id: job.id,
    state: job.state,
    done: job.done,
    total: job.total,
    outPath: job.outPath,
    message: job.message,
    what: job.what,
    download: job.download,
  };
}

export function existingJob(id: string): RunningExportJob {
  const job = jobs.get(id);
  if (job === undefined) throw new ServiceError('NOT_FOUND', 'There is no such export.');
  return job;
}
