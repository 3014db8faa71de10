import { asc, count, desc, eq, getTableColumns, max, sql } from 'drizzle-orm';
import type { JsonValue } from '../domain/canonical-json';
import { canonicalJson } from '../domain/canonical-json';
import { sha256Hex } from './hash';
import { documentForSessionSignature } from './identities-repo';
import type { Drizzle } from './open';
import { idsParam, inIds, prepared } from './prepared';
import { infusionSessions, sessionEntries, sessionSignatures } from './schema/sessions';

export type SessionRow = typeof infusionSessions.$inferSelect;
export type EntryRow = typeof sessionEntries.$inferSelect;
export type SessionSignatureRow = typeof sessionSignatures.$inferSelect;

export function insertSession(db: Drizzle, session: Omit<SessionRow, 'id'>): SessionRow {
  return db.insert(infusionSessions).values(session).returning().get();
}

export function getSession(db: Drizzle, id: number): SessionRow | undefined {
  return prepared(db, 'getSession', () =>
    db
      .select()
      .from(infusionSessions)
      .where(eq(infusionSessions.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id });
}

export function listPatientSessions(db: Drizzle, patientId: number): SessionRow[] {
  return prepared(db, 'listPatientSessions', () =>
    db
      .select()
      .from(infusionSessions)
      .where(eq(infusionSessions.patientId, sql.placeholder('patientId')))
      .orderBy(desc(infusionSessions.id))
      .prepare(),
  ).all({ patientId });
}

export function listPlanSessions(db: Drizzle, planRecordId: number): SessionRow[] {
  return db.select().from(infusionSessions).where(eq(infusionSessions.planRecordId, planRecordId)).all();
}

/** Every column but the generated id, each bound by its own name. */
const entryColumns = Object.keys(getTableColumns(sessionEntries)).filter((column) => column !== 'id');

export function insertEntry(db: Drizzle, entry: Omit<EntryRow, 'id' | 'content'> & { content: JsonValue }): EntryRow {
  const insert = prepared(db, 'insertEntry', () =>
    db
      .insert(sessionEntries)
      .values(
        Object.fromEntries(entryColumns.map((column) => [column, sql.placeholder(column)])) as unknown as Omit<
          EntryRow,
          'id'
        >,
      )
      .returning()
      .prepare(),
  );
  const row = insert.get({ ...entry, content: canonicalJson(entry.content) });
  if (row === undefined) throw new Error('session entry insert returned no row');
  return row;
}

export function listEntries(db: Drizzle, sessionIds: number[]): EntryRow[] {
  if (sessionIds.length === 0) return [];
  return prepared(db, 'listEntries', () =>
    db.select().from(sessionEntries).where(inIds(sessionEntries.sessionId)).orderBy(asc(sessionEntries.id)).prepare(),
  ).all(idsParam(sessionIds));
}

export function insertSessionSignature(db: Drizzle, signature: Omit<SessionSignatureRow, 'id'>): SessionSignatureRow {
  return db.insert(sessionSignatures).values(signature).returning().get();
}

export function listSessionSignatures(db: Drizzle, sessionIds: number[]): SessionSignatureRow[] {
  if (sessionIds.length === 0) return [];
  return prepared(db, 'listSessionSignatures', () =>
    db
      .select()
      .from(sessionSignatures)
      .where(inIds(sessionSignatures.sessionId))
      .orderBy(asc(sessionSignatures.id))
      .prepare(),
  ).all(idsParam(sessionIds));
}

/**
 * The canonical JSON a session signature binds: the session and every entry up to
 * `lastEntryId`. Embedded in the signed session record as record.json.
 */
export function sessionDocumentText(session: SessionRow, entries: EntryRow[], lastEntryId: number): string {
  const covered = entries
    .filter((entry) => entry.id <= lastEntryId)
    .map((entry) => ({ ...entry, content: JSON.parse(entry.content) as JsonValue }));
  return canonicalJson({ kind: 'dosing-ledger/infusion-session', schema: 1, session, entries: covered });
}

/** The SHA-256 a session signature binds (of `sessionDocumentText`). */
export function sessionDocumentHash(session: SessionRow, entries: EntryRow[], lastEntryId: number): string {
  return sha256Hex(sessionDocumentText(session, entries, lastEntryId));
}

/**
 * Re-hashes what every session signature covers and compares it with the SHA-256 it bound
 * (an entry changed, added under an old ID or removed behind the triggers' back shows here),
 * and checks the signed PDF made at that signature is still stored.
 */
export function verifyAllSessionSignatures(db: Drizzle): {
  checked: number;
  failures: { sessionId: number; signatureId: number; problem: string }[];
} {
  const signatures = db.select().from(sessionSignatures).orderBy(asc(sessionSignatures.id)).all();
  const failures: { sessionId: number; signatureId: number; problem: string }[] = [];
  const sessionIds = [...new Set(signatures.map((signature) => signature.sessionId))];
  const entries = listEntries(db, sessionIds);
  for (const signature of signatures) {
    const session = getSession(db, signature.sessionId);
    if (session === undefined) {
      failures.push({ sessionId: signature.sessionId, signatureId: signature.id, problem: 'its session is missing' });
      continue;
    }
    const own = entries.filter((entry) => entry.sessionId === session.id);
    const actual = sessionDocumentHash(session, own, signature.lastEntryId);
    if (actual !== signature.contentSha256) {
      failures.push({
        sessionId: session.id,
        signatureId: signature.id,
        problem: `what it covers hashes to ${actual}, not the signed ${signature.contentSha256}`,
      });
    }
    if (documentForSessionSignature(db, signature.id) === undefined) {
      failures.push({ sessionId: session.id, signatureId: signature.id, problem: 'its signed PDF is missing' });
    }
  }
  return { checked: signatures.length, failures };
}

/** The newest entry and the number of signatures of a session: two index look-ups, no parsing. */
export function sessionProgress(db: Drizzle, sessionId: number): { lastEntryId: number; signatureCount: number } {
  const entries = prepared(db, 'sessionProgress.entries', () =>
    db
      .select({ last: max(sessionEntries.id) })
      .from(sessionEntries)
      .where(eq(sessionEntries.sessionId, sql.placeholder('sessionId')))
      .prepare(),
  ).get({ sessionId });
  const signed = prepared(db, 'sessionProgress.signatures', () =>
    db
      .select({ total: count() })
      .from(sessionSignatures)
      .where(eq(sessionSignatures.sessionId, sql.placeholder('sessionId')))
      .prepare(),
  ).get({ sessionId });
  return { lastEntryId: entries?.last ?? 0, signatureCount: signed?.total ?? 0 };
}
