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
import type { OwnedId } from '../db/export-part-repo';
import {
  consentIdsOf,
  exportCounts,
  ownersOf,
  recordsOfPatients,
  sessionSignatureIds,
  sessionsOfPatients,
  signedVersionIds,
  versionFacts,
} from '../db/export-part-repo';
import { listAllPatients } from '../db/patients-repo';
import { listPatientRecords } from '../db/records-repo';
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

/** Chosen ids by their patient. */
function byPatient(owned: readonly OwnedId[]): Map<number, Set<number>> {
  const groups = new Map<number, Set<number>>();
  for (const { id, patientId } of owned) {
    const group = groups.get(patientId);
    if (group === undefined) groups.set(patientId, new Set([id]));
    else group.add(id);
  }
  return groups;
}

/**
 * Everything the export holds, as one consistent moment of the ledger (the caller reads it in
 * one read transaction, held until the last file is written). What applies to the whole
 * selection is read here: the patients, the users, the register, which records and sessions
 * are chosen and what the README counts of them, the stored PDFs' names, the audit range. Each
 * patient's records, sessions and consents are read only when a file reaches that patient, one
 * patient at a time, so a decade's export never holds them together. A date range keeps records
 * with a version written or signed in it, and sessions with anything created, charted (happened
 * or saved) or signed in it; a patient with neither is not exported unless chosen by name.
 */
export function gatherSnapshot(
  context: ServiceContext,
  request: ExportRequest,
  exportedBy: ExportUser,
): ExportSnapshot {
  const db = context.ledger.db;
  const raw = context.ledger.raw;
  const clinic = getClinic(db);
  if (clinic === undefined) throw new ServiceError('NOT_INITIALIZED', 'This clinic is not set up yet.');
  const { fromIso, toIso } = localDaysToUtc(request.from, request.to, clinic.timeZone);
  const chosen = request.patientIds;
  const dated = fromIso !== null || toIso !== null;
  const everyone = listAllPatients(db);
  const scope = chosen ?? everyone.map((patient) => patient.id);
  const records = dated
    ? ownersOf(raw, 'records', recordIdsInRange(raw, fromIso, toIso, chosen))
    : recordsOfPatients(raw, scope);
  const sessions = dated
    ? ownersOf(raw, 'infusion_sessions', sessionIdsInRange(raw, fromIso, toIso, chosen))
    : sessionsOfPatients(raw, scope);
  const patientIds = new Set(chosen ?? (dated ? [...records, ...sessions].map((owned) => owned.patientId) : scope));
  const patients = everyone.filter((patient) => patientIds.has(patient.id)).sort((left, right) => left.id - right.id);
  const recordIds = records.map((owned) => owned.id);
  const sessionIds = sessions.map((owned) => owned.id);
  const consentIds = consentIdsOf(raw, [...patientIds]);
  // The whole range is read page by page as it is written; a choice of patients keeps only
  // their entries (few), read through the pages once here. Their session entries are kept
  // whatever the sessions' dates: session audit entries mostly name the session only.
  const pages = auditRangePages(raw, fromIso, toIso);
  const audit: ExportAuditEntries =
    chosen === null
      ? { ...pages, [Symbol.iterator]: () => pages.entries() }
      : chosenEntries(pages.entries(), (entry) =>
          concerns(
            entry,
            patientIds,
            new Set(recordIds),
            new Set(sessionsOfPatients(raw, chosen).map((owned) => owned.id)),
            new Set(consentIds),
          ),
        );
  const facts = versionFacts(raw, recordIds);
  const description = [
    request.patientIds === null
      ? 'All patients'
      : `${patientIds.size} chosen patient${patientIds.size === 1 ? '' : 's'}`,
    request.from === null && request.to === null
      ? 'all dates'
      : `records and sessions from ${request.from ?? 'the start'} to ${request.to ?? 'today'}`,
  ].join(', ');
  const whole: ExportSnapshot = {
    clinic: { name: clinic.name, address: clinic.address, timeZone: clinic.timeZone },
    exportedAt: context.nowIso,
    exportedBy,
    selection: { description, from: request.from, to: request.to, patientIds: request.patientIds },
    users: listUsers(db).map((row) => exportUser(toUser(row))),
    patients,
    // Held by the patients' parts, read when a file reaches each patient.
    records: [],
    sessions: [],
    // The versions the exported plans were checked against: the export codes their drugs from them.
    formularies: facts.formularyVersions.map((version) => ({ version, content: formularyVersion(db, version) })),
    auditEntries: audit,
    auditHead: auditHead(raw),
    latestCheckpoint: latestCheckpoint(db),
    signedPdfs: storedPdfs(raw, signedVersionIds(raw, recordIds), sessionSignatureIds(raw, sessionIds), consentIds),
    clinicRootCertificatePem: rootIdentity(db)?.certificatePem ?? null,
    // The register is one ledger of its own, kept whole like the audit trail's own tables.
    register: registerRecords(context),
    // Every consent of the exported patients, whatever its date: whether one covered an infusion is the point.
    consents: [],
  };
  const chosenRecords = byPatient(records);
  const chosenSessions = byPatient(sessions);
  return {
    ...whole,
    patientParts: {
      summary: exportCounts(raw, recordIds, sessionIds, [...patientIds]),
      versionNumber: (versionId) => facts.numbers.get(versionId),
      parts: () => patientParts(context, whole, chosenRecords, chosenSessions),
    },
  };
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

/** Each patient's part, read from the ledger (through the export's snapshot) when asked. */
function* patientParts(
  context: ServiceContext,
  whole: ExportSnapshot,
  chosenRecords: ReadonlyMap<number, ReadonlySet<number>>,
  chosenSessions: ReadonlyMap<number, ReadonlySet<number>>,
): Generator<ExportSnapshot> {
  const db = context.ledger.db;
  for (const patient of whole.patients) {
    const recordIds = chosenRecords.get(patient.id);
    const sessionIds = chosenSessions.get(patient.id);
    const records =
      recordIds === undefined
        ? []
        : recordViews(
            context,
            listPatientRecords(db, patient.id).filter((record) => recordIds.has(record.id)),
          );
    const sessions =
      sessionIds === undefined
        ? []
        : sessionsOf(
            context,
            listPatientSessions(db, patient.id).filter((session) => sessionIds.has(session.id)),
          );
    const consents = consentRecords(context, [patient.id]);
    yield {
      ...whole,
      patients: [patient],
      records,
      sessions,
      consents,
      signedPdfs: storedPdfs(
        context.ledger.raw,
        records.flatMap((record) =>
          record.versions.filter((version) => version.status === 'signed').map((version) => version.id),
        ),
        sessions.flatMap((session) => session.signatures.map((signature) => signature.id)),
        consents.map((consent) => consent.id),
      ),
      auditEntries: [],
    };
  }
}
