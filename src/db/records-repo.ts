import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { JsonValue } from '../domain/canonical-json';
import { canonicalJson } from '../domain/canonical-json';
import type { RecordType, SignatureMeaning } from '../domain/record';
import type { VersionDocument } from '../domain/record-document';
import { versionDocumentText } from '../domain/record-document';
import { sha256Hex } from './hash';
import type { Drizzle } from './open';
import { idsParam, inIds, prepared } from './prepared';
import { recordEvents, records, recordVersions, signatures } from './schema/records';

export type RecordRow = typeof records.$inferSelect;
export type VersionRow = typeof recordVersions.$inferSelect;
export type SignatureRow = typeof signatures.$inferSelect;
export type EventRow = typeof recordEvents.$inferSelect;

export function insertRecord(db: Drizzle, type: RecordType, patientId: number, userId: number, now: string): RecordRow {
  return db.insert(records).values({ type, patientId, createdBy: userId, createdAt: now }).returning().get();
}

export function getRecord(db: Drizzle, id: number): RecordRow | undefined {
  return prepared(db, 'getRecord', () =>
    db
      .select()
      .from(records)
      .where(eq(records.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id });
}

export function listPatientRecords(db: Drizzle, patientId: number): RecordRow[] {
  return prepared(db, 'listPatientRecords', () =>
    db
      .select()
      .from(records)
      .where(eq(records.patientId, sql.placeholder('patientId')))
      .orderBy(desc(records.id))
      .prepare(),
  ).all({ patientId });
}

export interface NewVersion {
  recordId: number;
  version: number;
  content: JsonValue;
  amendsVersionId: number | null;
  amendmentReason: string | null;
  examVersionId: number | null;
  formularyVersion: number | null;
  authorUserId: number;
}

export function insertVersion(db: Drizzle, version: NewVersion, now: string): VersionRow {
  return db
    .insert(recordVersions)
    .values({
      ...version,
      status: 'draft',
      content: canonicalJson(version.content),
      computed: null,
      contentSha256: null,
      createdAt: now,
      updatedAt: now,
      signedAt: null,
    })
    .returning()
    .get();
}

export function getVersion(db: Drizzle, id: number): VersionRow | undefined {
  return prepared(db, 'getVersion', () =>
    db
      .select()
      .from(recordVersions)
      .where(eq(recordVersions.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id });
}

export function listVersions(db: Drizzle, recordIds: number[]): VersionRow[] {
  if (recordIds.length === 0) return [];
  return prepared(db, 'listVersions', () =>
    db
      .select()
      .from(recordVersions)
      .where(inIds(recordVersions.recordId))
      .orderBy(asc(recordVersions.recordId), asc(recordVersions.version))
      .prepare(),
  ).all(idsParam(recordIds));
}

export function updateDraft(
  db: Drizzle,
  id: number,
  changes: { content: JsonValue; examVersionId?: number | null; formularyVersion?: number | null },
  now: string,
): VersionRow {
  const row = db
    .update(recordVersions)
    .set({ ...changes, content: canonicalJson(changes.content), updatedAt: now })
    .where(and(eq(recordVersions.id, id), eq(recordVersions.status, 'draft')))
    .returning()
    .get();
  if (row === undefined) throw new Error(`draft ${id} vanished inside its own transaction`);
  return row;
}

export function deleteDraft(db: Drizzle, id: number): void {
  db.delete(recordVersions)
    .where(and(eq(recordVersions.id, id), eq(recordVersions.status, 'draft')))
    .run();
}

/** The canonical document a signature binds, for a stored version. */
export function documentOf(
  record: RecordRow,
  version: VersionRow,
  computed: JsonValue,
  signedAt: string,
): VersionDocument {
  return {
    recordType: record.type,
    recordId: record.id,
    patientId: record.patientId,
    versionId: version.id,
    version: version.version,
    createdAt: version.createdAt,
    signedAt,
    amendsVersionId: version.amendsVersionId,
    amendmentReason: version.amendmentReason,
    examVersionId: version.examVersionId,
    formularyVersion: version.formularyVersion,
    authorUserId: version.authorUserId,
    content: JSON.parse(version.content) as JsonValue,
    computed,
  };
}

export function hashDocument(document: VersionDocument): string {
  return sha256Hex(versionDocumentText(document));
}

/** Freezes a draft: from here on the triggers refuse any change to the row. */
export function markSigned(
  db: Drizzle,
  id: number,
  computed: JsonValue,
  contentSha256: string,
  now: string,
): VersionRow {
  const row = db
    .update(recordVersions)
    .set({ status: 'signed', computed: canonicalJson(computed), contentSha256, signedAt: now, updatedAt: now })
    .where(and(eq(recordVersions.id, id), eq(recordVersions.status, 'draft')))
    .returning()
    .get();
  if (row === undefined) throw new Error(`draft ${id} vanished inside its own transaction`);
  return row;
}

export function insertSignature(
  db: Drizzle,
  signature: {
    versionId: number;
    signerUserId: number;
    printedName: string;
    meaning: SignatureMeaning;
    contentSha256: string;
  },
  now: string,
): SignatureRow {
  return db
    .insert(signatures)
    .values({ ...signature, signedAt: now })
    .returning()
    .get();
}

export function listSignatures(db: Drizzle, versionIds: number[]): SignatureRow[] {
  if (versionIds.length === 0) return [];
  return prepared(db, 'listSignatures', () =>
    db.select().from(signatures).where(inIds(signatures.versionId)).orderBy(asc(signatures.id)).prepare(),
  ).all(idsParam(versionIds));
}

export function insertEvent(
  db: Drizzle,
  event: { recordId: number; kind: 'discontinued'; reason: string; userId: number; printedName: string },
  now: string,
): EventRow {
  return db
    .insert(recordEvents)
    .values({ ...event, at: now })
    .returning()
    .get();
}

export function listEvents(db: Drizzle, recordIds: number[]): EventRow[] {
  if (recordIds.length === 0) return [];
  return prepared(db, 'listEvents', () =>
    db.select().from(recordEvents).where(inIds(recordEvents.recordId)).orderBy(asc(recordEvents.id)).prepare(),
  ).all(idsParam(recordIds));
}

/** Every signed version with its record, for whole-database verification. */
export function allSignedVersions(db: Drizzle): { record: RecordRow; version: VersionRow }[] {
  return db
    .select({ record: records, version: recordVersions })
    .from(recordVersions)
    .innerJoin(records, eq(records.id, recordVersions.recordId))
    .where(eq(recordVersions.status, 'signed'))
    .orderBy(asc(recordVersions.id))
    .all();
}

/** Every check a signed version must pass; an empty `problems` list means intact. */
export function checkSignedVersion(
  record: RecordRow,
  version: VersionRow,
  versionSignatures: SignatureRow[],
): {
  versionId: number;
  version: number;
  ok: boolean;
  storedSha256: string;
  recomputedSha256: string;
  problems: string[];
} {
  const problems: string[] = [];
  const stored = version.contentSha256 ?? '';
  let recomputed = '';
  try {
    const computed = JSON.parse(version.computed ?? 'null') as JsonValue;
    if (canonicalJson(JSON.parse(version.content) as JsonValue) !== version.content) {
      problems.push('the stored content is not in its signed form (bytes changed)');
    }
    if (version.computed !== null && canonicalJson(computed) !== version.computed) {
      problems.push('the stored computed values are not in their signed form (bytes changed)');
    }
    recomputed = hashDocument(documentOf(record, version, computed, version.signedAt ?? ''));
  } catch {
    problems.push('the stored content is not valid JSON');
  }
  if (recomputed !== stored)
    problems.push('the content does not match its SHA-256: the version was altered after signing');
  if (version.updatedAt !== version.signedAt) problems.push('the version was touched after signing');
  if (versionSignatures.length === 0) problems.push('no signature is recorded for this signed version');
  for (const signature of versionSignatures) {
    if (signature.contentSha256 !== stored) {
      problems.push(`the signature by ${signature.printedName} binds a different SHA-256`);
    }
  }
  return {
    versionId: version.id,
    version: version.version,
    ok: problems.length === 0,
    storedSha256: stored,
    recomputedSha256: recomputed,
    problems,
  };
}

/** Checks every signed version in the database (for `dosing-ledger audit verify`). */
export function verifyAllSignedVersions(db: Drizzle): {
  checked: number;
  failures: { recordId: number; versionId: number; problems: string[] }[];
} {
  const signed = allSignedVersions(db);
  const bySignature = new Map<number, SignatureRow[]>();
  for (const signature of listSignatures(
    db,
    signed.map(({ version }) => version.id),
  )) {
    bySignature.set(signature.versionId, [...(bySignature.get(signature.versionId) ?? []), signature]);
  }
  const failures = signed
    .map(({ record, version }) => ({
      record,
      check: checkSignedVersion(record, version, bySignature.get(version.id) ?? []),
    }))
    .filter(({ check }) => !check.ok)
    .map(({ record, check }) => ({ recordId: record.id, versionId: check.versionId, problems: check.problems }));
  return { checked: signed.length, failures };
}

export function listAllRecords(db: Drizzle): RecordRow[] {
  return db.select().from(records).orderBy(asc(records.id)).all();
}
