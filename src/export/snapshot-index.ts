import type { Drug, Formulary } from '../domain/formulary';
import type { Patient } from '../domain/patient';
import type { RecordVersionView, RecordView } from '../domain/record-view';
import type { SessionView } from '../domain/session-view';
import { formatPrintedName } from '../domain/user';
import type { ExportAuditEntries } from './audit-entries';
import { consentsOf } from './consent-snapshot';
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
  /** The number of a version of the whole export's records (also when read a patient at a time). */
  versionNumber(versionId: number): number | undefined;
  /** Signed versions of a record, oldest first. Drafts are work in progress, not the record. */
  signedVersions(record: RecordView): RecordVersionView[];
  /** Who discontinued a plan, from the audit log (the record view only keeps the printed name). */
  discontinuedByUserId(record: RecordView): number | null;
  pdfsOf(versionId: number): SignedPdf[];
  /** The formulary entry of a plan's drug, in the version the plan was checked against. */
  drugOf(version: PlanVersion): Drug | undefined;
  /** Session-record PDFs made when this session signature was given. */
  sessionPdfsOf(sessionSignatureId: number): SignedPdf[];
  /**
   * Each patient's part of the snapshot (their records, sessions, consents and PDFs; the
   * clinic, users, formularies and register shared; no audit entries) as an index of its own,
   * in patient id order: the export maps and tabulates a patient at a time, so that a decade's
   * resources and rows are never held together.
   */
  patientParts(): Iterable<ExportIndex>;
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

/** Values every part of one export shares, worked out once from the whole snapshot. */
interface SharedLookups {
  discontinuedBy: ReadonlyMap<string, number>;
  formularies: ReadonlyMap<number, Formulary['content']>;
  users: ReadonlyMap<number, ExportUser>;
}

function groupBy<T>(items: readonly T[], key: (item: T) => number | undefined): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const id = key(item);
    if (id === undefined) continue;
    const group = groups.get(id);
    if (group === undefined) groups.set(id, [item]);
    else group.push(item);
  }
  return groups;
}

/** A held snapshot cut into its patients' parts (each in canonical order already). */
function* heldPatientParts(snapshot: ExportSnapshot): Generator<ExportSnapshot> {
  const records = groupBy(snapshot.records, (record) => record.patientId);
  const sessions = groupBy(snapshot.sessions, (session) => session.patientId);
  const allConsents = consentsOf(snapshot);
  const consents = groupBy(allConsents, (consent) => consent.patientId);
  const versionOwner = new Map<number, number>();
  for (const record of snapshot.records) {
    for (const version of record.versions) versionOwner.set(version.id, record.patientId);
  }
  const signatureOwner = new Map<number, number>();
  for (const session of snapshot.sessions) {
    for (const signature of session.signatures) signatureOwner.set(signature.id, session.patientId);
  }
  const consentOwner = new Map(allConsents.map((consent) => [consent.id, consent.patientId]));
  const pdfs = groupBy(snapshot.signedPdfs, (pdf) => {
    if (pdf.versionId !== undefined) return versionOwner.get(pdf.versionId);
    if (pdf.sessionSignatureId !== undefined) return signatureOwner.get(pdf.sessionSignatureId);
    return consentOwner.get(pdf.consentId);
  });
  for (const patient of snapshot.patients) {
    yield {
      ...snapshot,
      patients: [patient],
      records: records.get(patient.id) ?? [],
      sessions: sessions.get(patient.id) ?? [],
      consents: consents.get(patient.id) ?? [],
      signedPdfs: pdfs.get(patient.id) ?? [],
      auditEntries: [],
    };
  }
}

export function indexSnapshot(input: ExportSnapshot): ExportIndex {
  const snapshot = canonicalSnapshot(input);
  const shared: SharedLookups = {
    discontinuedBy: discontinuationActors(snapshot.auditEntries),
    formularies: new Map(snapshot.formularies.map((formulary) => [formulary.version, formulary.content])),
    users: new Map(snapshot.users.map((user) => [user.id, user])),
  };
  const source = snapshot.patientParts;
  return indexWith(snapshot, shared, source === undefined ? () => heldPatientParts(snapshot) : () => source.parts());
}

function indexWith(
  snapshot: ExportSnapshot,
  shared: SharedLookups,
  parts: (() => Iterable<ExportSnapshot>) | null,
): ExportIndex {
  const { users, formularies, discontinuedBy } = shared;
  const patients = new Map(snapshot.patients.map((patient) => [patient.id, patient]));
  const versions = new Map<number, { record: RecordView; version: RecordVersionView }>();
  for (const record of snapshot.records) {
    for (const version of record.versions) versions.set(version.id, { record, version });
  }
  const recordPdfs = groupBy(snapshot.signedPdfs, (pdf) => pdf.versionId);
  const sessionPdfs = groupBy(snapshot.signedPdfs, (pdf) => pdf.sessionSignatureId);
  const index: ExportIndex = {
    snapshot,
    user: (id) => users.get(id),
    printedName: (userId) => {
      const user = users.get(userId);
      return user === undefined ? `User ${userId}` : formatPrintedName(user);
    },
    patient: (id) => patients.get(id),
    version: (versionId) => versions.get(versionId),
    versionNumber: (versionId) =>
      versions.get(versionId)?.version.version ?? snapshot.patientParts?.versionNumber(versionId),
    signedVersions: (record) => record.versions.filter((version) => version.status === 'signed'),
    discontinuedByUserId: (record) => discontinuedBy.get(String(record.id)) ?? null,
    pdfsOf: (versionId) => recordPdfs.get(versionId) ?? [],
    drugOf: (version) =>
      version.formularyVersion === null
        ? undefined
        : formularies.get(version.formularyVersion)?.drugs.find((drug) => drug.id === version.content.drugId),
    sessionPdfsOf: (sessionSignatureId) => sessionPdfs.get(sessionSignatureId) ?? [],
    *patientParts() {
      if (parts === null) {
        yield index;
        return;
      }
      for (const part of parts()) yield indexWith(canonicalSnapshot(part), shared, null);
    },
  };
  return index;
}
