import type { Drug } from '../domain/formulary';
import type { Patient } from '../domain/patient';
import type { RecordVersionView, RecordView } from '../domain/record-view';
import type { SessionView } from '../domain/session-view';
import { formatPrintedName } from '../domain/user';
import type { ExportAuditEntries } from './audit-entries';
import type { ExportSnapshot, ExportUser, SignedPdf } from './snapshot';

export type ExamVersion = Extract<RecordVersionView, { recordType: 'exam' }>;
export type PlanVersion = Extract<RecordVersionView, { recordType: 'plan' }>;

/**
 * The snapshot in a canonical order with the lookups every mapper needs. Sorting here,
 * once, is what makes the output independent of the order the database returned rows in.
 */
export interface ExportIndex {
  snapshot: ExportSnapshot;
  user(id: number): ExportUser | undefined;
  /** "Ana Ruiz, MD", or "User 7" for an id the snapshot does not hold. */
  printedName(userId: number): string;
  patient(id: number): Patient | undefined;
  version(versionId: number): { record: RecordView; version: RecordVersionView } | undefined;
  /** Signed versions of a record, oldest first. Drafts are work in progress, not the record. */
  signedVersions(record: RecordView): RecordVersionView[];
  /** Who discontinued a plan, from the audit log (the record view only keeps the printed name). */
  discontinuedByUserId(record: RecordView): number | null;
  pdfsOf(versionId: number): SignedPdf[];
  /** The formulary entry of a plan's drug, in the version the plan was checked against. */
  drugOf(version: PlanVersion): Drug | undefined;
  /** Session-record PDFs made when this session signature was given. */
  sessionPdfsOf(sessionSignatureId: number): SignedPdf[];
}

const byNumber =
  <T>(key: (item: T) => number) =>
  (left: T, right: T) =>
    key(left) - key(right);
const byText =
  <T>(key: (item: T) => string) =>
  (left: T, right: T) =>
    key(left) < key(right) ? -1 : key(left) > key(right) ? 1 : 0;

function sortedRecord(record: RecordView): RecordView {
  return {
    ...record,
    versions: [...record.versions]
      .sort(byNumber((version) => version.version))
      .map((version) => ({ ...version, signatures: [...version.signatures].sort(byNumber((sig) => sig.id)) })),
  };
}

/** Entries as charted: by the time it happened, then by id (the order the app shows). */
function sortedSession(session: SessionView): SessionView {
  return {
    ...session,
    entries: [...session.entries].sort(
      (left, right) => byText<{ occurredAt: string }>((entry) => entry.occurredAt)(left, right) || left.id - right.id,
    ),
    signatures: [...session.signatures].sort(byNumber((signature) => signature.id)),
  };
}

export function canonicalSnapshot(snapshot: ExportSnapshot): ExportSnapshot {
  return {
    ...snapshot,
    users: [...snapshot.users].sort(byNumber((user) => user.id)),
    patients: [...snapshot.patients].sort(byNumber((patient) => patient.id)),
    records: [...snapshot.records].sort(byNumber((record) => record.id)).map(sortedRecord),
    sessions: [...snapshot.sessions].sort(byNumber((session) => session.id)).map(sortedSession),
    // Pages read from the ledger come in seq order already (and are never held whole to sort).
    auditEntries: Array.isArray(snapshot.auditEntries)
      ? [...snapshot.auditEntries].sort(byNumber((entry) => entry.seq))
      : snapshot.auditEntries,
    signedPdfs: [...snapshot.signedPdfs].sort(byText((pdf) => pdf.fileName)),
    formularies: [...snapshot.formularies].sort(byNumber((formulary) => formulary.version)),
  };
}

function discontinuationActors(entries: ExportAuditEntries): ReadonlyMap<string, number> {
  if (!Array.isArray(entries)) return entries.discontinuedBy;
  const actors = new Map<string, number>();
  for (const entry of entries) {
    if (entry.action === 'record.discontinued' && entry.entityId !== null && entry.actorUserId !== null) {
      actors.set(entry.entityId, entry.actorUserId);
    }
  }
  return actors;
}

export function indexSnapshot(input: ExportSnapshot): ExportIndex {
  const snapshot = canonicalSnapshot(input);
  const users = new Map(snapshot.users.map((user) => [user.id, user]));
  const patients = new Map(snapshot.patients.map((patient) => [patient.id, patient]));
  const versions = new Map<number, { record: RecordView; version: RecordVersionView }>();
  for (const record of snapshot.records) {
    for (const version of record.versions) versions.set(version.id, { record, version });
  }
  const discontinuedBy = discontinuationActors(snapshot.auditEntries);
  const formularies = new Map(snapshot.formularies.map((formulary) => [formulary.version, formulary.content]));
  return {
    snapshot,
    user: (id) => users.get(id),
    printedName: (userId) => {
      const user = users.get(userId);
      return user === undefined ? `User ${userId}` : formatPrintedName(user);
    },
    patient: (id) => patients.get(id),
    version: (versionId) => versions.get(versionId),
    signedVersions: (record) => record.versions.filter((version) => version.status === 'signed'),
    discontinuedByUserId: (record) => discontinuedBy.get(String(record.id)) ?? null,
    pdfsOf: (versionId) => snapshot.signedPdfs.filter((pdf) => pdf.versionId === versionId),
    drugOf: (version) =>
      version.formularyVersion === null
        ? undefined
        : formularies.get(version.formularyVersion)?.drugs.find((drug) => drug.id === version.content.drugId),
    sessionPdfsOf: (sessionSignatureId) =>
      snapshot.signedPdfs.filter((pdf) => pdf.sessionSignatureId === sessionSignatureId),
  };
}
