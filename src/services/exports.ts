import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { JsonValue } from '../domain/canonical-json';
import type { SessionView } from '../domain/session-view';
import { localDaysToUtc } from '../domain/time';
import { buildExportFiles } from '../export/export-files';
import type { ExportFile } from '../export/export-file';
import type { ExportSnapshot, ExportUser } from '../export/snapshot';
import { ExportCancelledError, writeExport } from '../export/write-export';
import { appendAudit, auditHead, auditRange } from '../db/audit-log';
import { getClinic } from '../db/clinic-repo';
import { documentForSessionSignature, documentsForVersions, rootIdentity } from '../db/identities-repo';
import type { Ledger } from '../db/open';
import { listAllPatients } from '../db/patients-repo';
import { listAllRecords } from '../db/records-repo';
import type { SessionRow } from '../db/sessions-repo';
import { listPatientSessions } from '../db/sessions-repo';
import { listUsers, toUser } from '../db/users-repo';
import type { Handlers, ServiceContext } from './context';
import { createServiceContext, requireUser } from './context';
import { createSignIn } from './sign-in';
import { recordViews } from './records';
import { sessionViews } from './sessions';
import { ServiceError } from './service-error';

export interface ExportRequest {
  /** Calendar dates in the clinic's zone, inclusive. */
  from: string | null;
  to: string | null;
  patientIds: number[] | null;
}

function exportUser(user: {
  id: number;
  username: string;
  displayName: string;
  credentials: string;
  role: ExportUser['role'];
  active: boolean;
}): ExportUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    credentials: user.credentials,
    role: user.role,
    active: user.active,
  };
}

/** Whether an audit entry concerns one of the chosen patients (their chart, records or sessions). */
function concerns(
  entry: { entityType: string; entityId: string | null; details: Record<string, JsonValue> },
  patientIds: Set<number>,
  recordIds: Set<number>,
  sessionIds: Set<number>,
): boolean {
  const id = Number(entry.entityId);
  if (entry.entityType === 'patient') return patientIds.has(id);
  if (entry.entityType === 'exam' || entry.entityType === 'plan') return recordIds.has(id);
  // Session audit entries mostly name the session only, not the patient.
  if (entry.entityType === 'session') return sessionIds.has(id);
  const patientId = entry.details.patientId;
  return typeof patientId === 'number' && patientIds.has(patientId);
}

/** Sessions are read a few hundred at a time: SQLite limits the parameters of one query. */
const sessionBatch = 500;

function sessionsOf(context: ServiceContext, rows: readonly SessionRow[]): SessionView[] {
  const views: SessionView[] = [];
  for (let start = 0; start < rows.length; start += sessionBatch) {
    views.push(...sessionViews(context, rows.slice(start, start + sessionBatch)));
  }
  return views;
}

/**
 * Everything the export holds, read in one transaction so it is one consistent moment of
 * the ledger. A date range keeps records with a version written or signed in it, and
 * sessions with anything created, charted (happened or saved) or signed in it.
 */
export function gatherSnapshot(
  context: ServiceContext,
  request: ExportRequest,
  exportedBy: ExportUser,
): ExportSnapshot {
  const db = context.ledger.db;
  const clinic = getClinic(db);
  if (clinic === undefined) throw new ServiceError('NOT_INITIALIZED', 'This clinic is not set up yet.');
  const { fromIso, toIso } = localDaysToUtc(request.from, request.to, clinic.timeZone);
  const inRange = (instant: string | null) =>
    instant !== null && (fromIso === null || instant >= fromIso) && (toIso === null || instant < toIso);
  const chosen = request.patientIds === null ? null : new Set(request.patientIds);
  const views = recordViews(
    context,
    listAllRecords(db).filter((record) => chosen === null || chosen.has(record.patientId)),
  ).filter(
    (record) =>
      (fromIso === null && toIso === null) ||
      record.versions.some((version) => inRange(version.createdAt) || inRange(version.signedAt)),
  );
  const sessionRows = listAllPatients(db)
    .filter((patient) => chosen === null || chosen.has(patient.id))
    .flatMap((patient) => listPatientSessions(db, patient.id));
  const sessions = sessionsOf(context, sessionRows).filter(
    (session) =>
      (fromIso === null && toIso === null) ||
      inRange(session.createdAt) ||
      session.entries.some((entry) => inRange(entry.occurredAt) || inRange(entry.recordedAt)) ||
      session.signatures.some((signature) => inRange(signature.signedAt)),
  );
  const patientIds = new Set(
    chosen ??
      (fromIso === null && toIso === null
        ? listAllPatients(db).map((patient) => patient.id)
        : [...views.map((record) => record.patientId), ...sessions.map((session) => session.patientId)]),
  );
  const recordIds = new Set(views.map((record) => record.id));
  const sessionIds = new Set(sessionRows.map((session) => session.id));
  const audit = auditRange(context.ledger.raw, fromIso, toIso).filter(
    (entry) => chosen === null || concerns(entry, patientIds, recordIds, sessionIds),
  );
  const signedVersionIds = views.flatMap((record) =>
    record.versions.filter((version) => version.status === 'signed').map((version) => version.id),
  );
  const description = [
    request.patientIds === null
      ? 'All patients'
      : `${patientIds.size} chosen patient${patientIds.size === 1 ? '' : 's'}`,
    request.from === null && request.to === null
      ? 'all dates'
      : `records and sessions from ${request.from ?? 'the start'} to ${request.to ?? 'today'}`,
  ].join(', ');
  return {
    clinic: { name: clinic.name, address: clinic.address, timeZone: clinic.timeZone },
    exportedAt: context.nowIso,
    exportedBy,
    selection: { description, from: request.from, to: request.to, patientIds: request.patientIds },
    users: listUsers(db).map((row) => exportUser(toUser(row))),
    patients: listAllPatients(db).filter((patient) => patientIds.has(patient.id)),
    records: views,
    sessions,
    auditEntries: audit,
    auditHead: auditHead(context.ledger.raw),
    signedPdfs: [
      ...documentsForVersions(db, signedVersionIds).flatMap((document) =>
        document.versionId === null
          ? []
          : [{ versionId: document.versionId, fileName: document.fileName, bytes: new Uint8Array(document.pdf) }],
      ),
      // Session records are made when a session signature is given (at most one per signature).
      ...sessions.flatMap((session) =>
        session.signatures.flatMap((signature) => {
          const document = documentForSessionSignature(db, signature.id);
          return document === undefined
            ? []
            : [{ sessionSignatureId: signature.id, fileName: document.fileName, bytes: new Uint8Array(document.pdf) }];
        }),
      ),
    ],
    clinicRootCertificatePem: rootIdentity(db)?.certificatePem ?? null,
  };
}

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

function publicJob(job: ExportJob): ExportJob {
  return { id: job.id, state: job.state, done: job.done, total: job.total, outPath: job.outPath, message: job.message };
}

function existingJob(id: string) {
  const job = jobs.get(id);
  if (job === undefined) throw new ServiceError('NOT_FOUND', 'There is no such export.');
  return job;
}

/** Exports go next to the ledger file, in an "exports" folder, named by their time. */
function exportPath(context: ServiceContext): string {
  const stamp = context.nowIso.replace(/[:.]/g, '-');
  return join(dirname(context.ledger.path), 'exports', `dosing-ledger-export-${stamp}.zip`);
}

export const exportHandlers: Handlers<'exports.start' | 'exports.status' | 'exports.cancel'> = {
  'exports.start': (context, input) => {
    const user = requireUser(context);
    const snapshot = gatherSnapshot(
      context,
      { from: input.from ?? null, to: input.to ?? null, patientIds: input.patientIds ?? null },
      exportUser(user),
    );
    const files = buildExportFiles(snapshot);
    const outPath = exportPath(context);
    const id = randomUUID();
    context.audit('export.started', 'export', id, {
      selection: snapshot.selection.description,
      files: files.length,
      patients: snapshot.patients.length,
      records: snapshot.records.length,
      sessions: snapshot.sessions.length,
      auditHeadSeq: snapshot.auditHead.seq,
      outPath,
    });
    context.afterCommit(() => void startWriting(context.ledger, user.id, files, outPath, snapshot.exportedAt, id));
    return { id, state: 'writing', done: 0, total: files.length, outPath, message: 'Writing the export…' };
  },
  'exports.status': (_context, input) => publicJob(existingJob(input.exportId)),
  'exports.cancel': (_context, input) => {
    const job = existingJob(input.exportId);
    if (job.state === 'writing') job.controller.abort();
    return publicJob(job);
  },
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
 * `dosing-ledger export`: the same export from the command line. Audited like one from the
 * app (started, then completed/cancelled/failed), with no user but the OS account named.
 */
export function exportToPath(
  ledger: Ledger,
  request: ExportRequest,
  outPath: string,
  options: { osUser: string; onProgress?: (done: number, total: number) => void },
): Promise<ExportJob> {
  const id = randomUUID();
  const now = new Date();
  const { files, exportedAt } = ledger.raw
    .transaction(() => {
      const context = createServiceContext(ledger, createSignIn(), null, getClinic(ledger.db), now);
      const snapshot = gatherSnapshot(context, request, commandLineUser(options.osUser));
      const built = buildExportFiles(snapshot);
      context.audit('export.started', 'export', id, {
        selection: snapshot.selection.description,
        files: built.length,
        by: `command line (${options.osUser})`,
        outPath,
      });
      return { files: built, exportedAt: snapshot.exportedAt };
    })
    .immediate();
  return startWriting(ledger, null, files, outPath, exportedAt, id, options.onProgress);
}
