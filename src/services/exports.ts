import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { ExportCancelledError } from '../export/write-export';
import { appendAudit } from '../db/audit-log';
import { exportSources } from '../export/export-files';
import type { ExportUser } from '../export/snapshot';
import { exportSummary } from '../export/summary';
import { getClinic } from '../db/clinic-repo';
import { openExportReader } from '../db/export-reader';
import type { Ledger } from '../db/open';
import type { Handlers, ServiceContext } from './context';
import { createServiceContext, requireUser } from './context';
import { createSignIn } from './sign-in';
import { exportDownloadHandlers } from './export-download';
import type { ExportJob } from './export-jobs';
import { existingJob, publicJob, startWriting, writeExportTo } from './export-jobs';
import type { ExportRequest } from './export-snapshot';
import { exportUser, gatherSnapshot } from './export-snapshot';

/** Exports go next to the ledger file, in an "exports" folder, named by their time. */
function exportPath(context: ServiceContext): string {
  const stamp = context.nowIso.replace(/[:.]/g, '-');
  return join(dirname(context.ledger.path), 'exports', `dosing-ledger-export-${stamp}.zip`);
}

export const exportHandlers: Handlers<'exports.start' | 'exports.status' | 'exports.cancel' | 'exports.download'> = {
  'exports.start': (context, input) => {
    const user = requireUser(context);
    // Read through the export's own snapshot, held until the last file is written: the files
    // are made while the app goes on (the audit pages are read only when their turn comes).
    const reader = openExportReader(context.ledger);
    try {
      const snapshot = gatherSnapshot(
        { ...context, ledger: reader },
        { from: input.from ?? null, to: input.to ?? null, patientIds: input.patientIds ?? null },
        exportUser(user),
      );
      const files = exportSources(snapshot);
      const summary = exportSummary(snapshot);
      const outPath = exportPath(context);
      const id = randomUUID();
      context.audit('export.started', 'export', id, {
        selection: snapshot.selection.description,
        files: files.length,
        patients: snapshot.patients.length,
        records: summary.exams.records + summary.plans.records + summary.reviews.records,
        sessions: summary.sessions,
        auditHeadSeq: snapshot.auditHead.seq,
        outPath,
      });
      context.afterCommit(
        () => void startWriting(context.ledger, user.id, files, outPath, snapshot.exportedAt, id, () => reader.close()),
      );
      return {
        id,
        state: 'writing',
        done: 0,
        total: files.length,
        outPath,
        message: 'Writing the export…',
        what: files[0]?.path ?? '',
        download: null,
      };
    } catch (error) {
      reader.close();
      throw error;
    }
  },
  'exports.status': (_context, input) => publicJob(existingJob(input.exportId)),
  'exports.cancel': (_context, input) => {
    const job = existingJob(input.exportId);
    if (job.state === 'writing') job.controller.abort();
    return publicJob(job);
  },
  ...exportDownloadHandlers,
};

/** The command line acts as no user: the export names the operating-system account instead. */
function commandLineUser(osUser: string): ExportUser {
  return {
    id: 0,
    username: osUser,
    displayName: `Command line (${osUser})`,
    credentials: '',
    role: 'auditor',
    active: true,
  };
}

/**
 * `dosing-ledger export`: the same export from the command line, with no user but the OS
 * account named. Recorded in the audit trail only once it is complete (one `export.done`
 * entry carrying the selection): an export that could not be written leaves the ledger exactly
 * as it was, so a failed attempt (a folder that cannot be created, a full disk) changes
 * nothing. Resolves with the job, 'done', 'cancelled' or 'failed'.
 */
export async function exportToPath(
  ledger: Ledger,
  request: ExportRequest,
  outPath: string,
  options: {
    osUser: string;
    onProgress?: (done: number, total: number, next: string | null) => void;
    /** Ctrl+C: stops between files, removes the temporary file, records nothing; 'cancelled'. */
    signal?: AbortSignal;
  },
): Promise<ExportJob> {
  const id = randomUUID();
  // One read transaction, held while the files are written: every file describes the same
  // instant of the ledger, whatever is written to it meanwhile. Closed however the export ends.
  const reader = openExportReader(ledger);
  try {
    return await writeFromSnapshot(ledger, reader, id, request, outPath, options);
  } finally {
    reader.close();
  }
}

async function writeFromSnapshot(
  ledger: Ledger,
  reader: Ledger,
  id: string,
  request: ExportRequest,
  outPath: string,
  options: Parameters<typeof exportToPath>[3],
): Promise<ExportJob> {
  const context = createServiceContext(reader, createSignIn(), null, getClinic(reader.db), new Date());
  const snapshot = gatherSnapshot(context, request, commandLineUser(options.osUser));
  const files = exportSources(snapshot);
  const details = {
    selection: snapshot.selection.description,
    files: files.length,
    by: `command line (${options.osUser})`,
    auditHeadSeq: snapshot.auditHead.seq,
    outPath,
  };
  const job: ExportJob = {
    id,
    state: 'writing',
    done: 0,
    total: files.length,
    outPath,
    message: '',
    what: '',
    download: null,
  };
  let written = files.length;
  try {
    const result = await writeExportTo(outPath, files, snapshot.exportedAt, {
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      onProgress: (done, total, next) => {
        job.done = done;
        options.onProgress?.(done, total, next);
      },
    });
    job.download = result.download;
    written = result.files;
  } catch (error) {
    const state = error instanceof ExportCancelledError ? 'cancelled' : 'failed';
    return { ...job, state, message: error instanceof Error ? error.message : String(error) };
  }
  const done: ExportJob = {
    ...job,
    state: 'done',
    done: written,
    total: written,
    message: `The export is complete: ${outPath}`,
  };
  ledger.raw.transaction(() => {
    appendAudit(ledger.raw, {
      at: new Date().toISOString(),
      actorUserId: null,
      action: 'export.done',
      entityType: 'export',
      entityId: id,
      details: {
        ...details,
        files: written,
        message: done.message,
        ...(done.download === null ? {} : { totalBytes: done.download.totalBytes, sha256: done.download.sha256 }),
      },
    });
  })();
  return done;
}
