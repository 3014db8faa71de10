import type { AuditEntry } from '../domain/audit';
import type { JsonValue } from '../domain/canonical-json';
import type { SessionView } from '../domain/session-view';
import { localDaysToUtc } from '../domain/time';
import type { ExportAuditEntries } from '../export/audit-entries';
import type { ExportSnapshot, ExportUser, SignedPdf } from '../export/snapshot';
import { latestCheckpoint } from '../db/audit-checkpoints';
import { auditHead } from '../db/audit-log';
import { auditRangePages } from '../db/export-audit-pages';
import { getClinic } from '../db/clinic-repo';
import { formularyVersion } from '../db/formulary-repo';
import { rootIdentity } from '../db/identities-repo';
import {
  consentPdfNames,
  readStoredPdf,
  recordIdsInRange,
  sessionIdsInRange,
  signedDocumentNames,
} from '../db/export-selection-repo';
import { listAllPatients } from '../db/patients-repo';
import { listAllRecords } from '../db/records-repo';
import type { SessionRow } from '../db/sessions-repo';
import { listPatientSessions } from '../db/sessions-repo';
import { listUsers, toUser } from '../db/users-repo';
import type { ServiceContext } from './context';
import { consentRecords } from './export-consents';
import { recordViews } from './record-views';
import { registerRecords } from './register-report-data';
import { sessionViews } from './sessions-view';
import { ServiceError } from './service-error';

export interface ExportRequest {
  /** Calendar dates in the clinic's zone, inclusive. */
  from: string | null;
  to: string | null;
  patientIds: number[] | null;
}

export function exportUser(user: {
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
  consentIds: Set<number>,
): boolean {
  const id = Number(entry.entityId);
  if (entry.entityType === 'patient') return patientIds.has(id);
  if (entry.entityType === 'exam' || entry.entityType === 'plan' || entry.entityType === 'review')
    return recordIds.has(id);
  // Session audit entries mostly name the session only, not the patient.
  if (entry.entityType === 'session') return sessionIds.has(id);
  // A withdrawal or a consent's PDF names the consent only.
  if (entry.entityType === 'consent') return consentIds.has(id);
  const patientId = entry.details.patientId;
  return typeof patientId === 'number' && patientIds.has(patientId);
}

function chosenEntries(entries: Iterable<AuditEntry>, keep: (entry: AuditEntry) => boolean): AuditEntry[] {
  const kept: AuditEntry[] = [];
  for (const entry of entries) if (keep(entry)) kept.push(entry);
  return kept;
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
 * The stored PDFs by name only: each is read from the ledger when the writer reaches it (they
 * are most of a decade ledger's bytes). Session records are made when a session signature is
 * given (at most one per signature); a consent recorded before PDFs existed has none.
 */
function storedPdfs(
  raw: ServiceContext['ledger']['raw'],
  versionIds: readonly number[],
  sessionSignatureIds: readonly number[],
  consentIds: readonly number[],
): SignedPdf[] {
  const signed = signedDocumentNames(raw, versionIds, sessionSignatureIds).flatMap((document): SignedPdf[] => {
    const bytes = () => readStoredPdf(raw, 'signed_documents', document.id);
    if (document.versionId !== null) return [{ versionId: document.versionId, fileName: document.fileName, bytes }];
    if (document.sessionSignatureId !== null) {
      return [{ sessionSignatureId: document.sessionSignatureId, fileName: document.fileName, bytes }];
    }
    return [];
  });
  const consents = consentPdfNames(raw, consentIds).map((pdf): SignedPdf => ({
    consentId: pdf.consentId,
    fileName: pdf.fileName,
    bytes: () => readStoredPdf(raw, 'consent_pdfs', pdf.id),
  }));
  return [...signed, ...consents];
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
  const dated = fromIso !== null || toIso !== null;
  const raw = context.ledger.raw;
  // A date range is chosen in SQL first, so only its records and sessions are loaded; the
  // same test in JavaScript below then keeps exactly what the export always kept.
  const recordsInRange = dated ? recordIdsInRange(raw, fromIso, toIso, request.patientIds) : null;
  const views = recordViews(
    context,
    listAllRecords(db).filter(
      (record) =>
        (chosen === null || chosen.has(record.patientId)) && (recordsInRange === null || recordsInRange.has(record.id)),
    ),
  ).filter(
    (record) =>
      (fromIso === null && toIso === null) ||
      record.versions.some((version) => inRange(version.createdAt) || inRange(version.signedAt)),
  );
  const sessionRows = listAllPatients(db)
    .filter((patient) => chosen === null || chosen.has(patient.id))
    .flatMap((patient) => listPatientSessions(db, patient.id));
  const sessionsInRange = dated ? sessionIdsInRange(raw, fromIso, toIso, request.patientIds) : null;
  const sessions = sessionsOf(
    context,
    sessionRows.filter((row) => sessionsInRange === null || sessionsInRange.has(row.id)),
  ).filter(
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
  const consents = consentRecords(context, [...patientIds]);
  const consentIds = new Set(consents.map((consent) => consent.id));
  // The whole range is read page by page as it is written; a choice of patients keeps only
  // their entries (few), read through the pages once here.
  const pages = auditRangePages(raw, fromIso, toIso);
  const audit: ExportAuditEntries =
    chosen === null
      ? { ...pages, [Symbol.iterator]: () => pages.entries() }
      : chosenEntries(pages.entries(), (entry) => concerns(entry, patientIds, recordIds, sessionIds, consentIds));
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
    // The versions the exported plans were checked against: the export codes their drugs from them.
    formularies: [...new Set(views.flatMap((record) => record.versions.map((version) => version.formularyVersion)))]
      .filter((version): version is number => version !== null)
      .map((version) => ({ version, content: formularyVersion(db, version) })),
    auditEntries: audit,
    auditHead: auditHead(raw),
    latestCheckpoint: latestCheckpoint(db),
    signedPdfs: storedPdfs(
      raw,
      signedVersionIds,
      sessions.flatMap((session) => session.signatures.map((signature) => signature.id)),
      consents.map((consent) => consent.id),
    ),
    clinicRootCertificatePem: rootIdentity(db)?.certificatePem ?? null,
    // The register is one ledger of its own, kept whole like the audit trail's own tables.
    register: registerRecords(context),
    // Every consent of the exported patients, whatever its date: whether one covered an infusion is the point.
    consents,
  };
}
