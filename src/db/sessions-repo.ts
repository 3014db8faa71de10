import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { JsonValue } from '../domain/canonical-json';
import { canonicalJson } from '../domain/canonical-json';
import { sha256Hex } from './hash';
import type { Drizzle } from './open';
import { infusionSessions, sessionEntries, sessionSignatures } from './schema';

export type SessionRow = typeof infusionSessions.$inferSelect;
export type EntryRow = typeof sessionEntries.$inferSelect;
export type SessionSignatureRow = typeof sessionSignatures.$inferSelect;

export function insertSession(db: Drizzle, session: Omit<SessionRow, 'id'>): SessionRow {
  return db.insert(infusionSessions).values(session).returning().get();
}

export function getSession(db: Drizzle, id: number): SessionRow | undefined {
  return db.select().from(infusionSessions).where(eq(infusionSessions.id, id)).get();
}

export function listPatientSessions(db: Drizzle, patientId: number): SessionRow[] {
  return db
    .select()
    .from(infusionSessions)
    .where(eq(infusionSessions.patientId, patientId))
    .orderBy(desc(infusionSessions.id))
    .all();
}

export function listPlanSessions(db: Drizzle, planRecordId: number): SessionRow[] {
  return db.select().from(infusionSessions).where(eq(infusionSessions.planRecordId, planRecordId)).all();
}

export function insertEntry(db: Drizzle, entry: Omit<EntryRow, 'id' | 'content'> & { content: JsonValue }): EntryRow {
  return db
    .insert(sessionEntries)
    .values({ ...entry, content: canonicalJson(entry.content) })
    .returning()
    .get();
}

export function listEntries(db: Drizzle, sessionIds: number[]): EntryRow[] {
  if (sessionIds.length === 0) return [];
  return db
    .select()
    .from(sessionEntries)
    .where(inArray(sessionEntries.sessionId, sessionIds))
    .orderBy(asc(sessionEntries.id))
    .all();
}

export function insertSessionSignature(db: Drizzle, signature: Omit<SessionSignatureRow, 'id'>): SessionSignatureRow {
  return db.insert(sessionSignatures).values(signature).returning().get();
}

export function listSessionSignatures(db: Drizzle, sessionIds: number[]): SessionSignatureRow[] {
  if (sessionIds.length === 0) return [];
  return db
    .select()
    .from(sessionSignatures)
    .where(inArray(sessionSignatures.sessionId, sessionIds))
    .orderBy(asc(sessionSignatures.id))
    .all();
}

/** The SHA-256 a session signature binds: the session and every entry up to `lastEntryId`. */
export function sessionDocumentHash(session: SessionRow, entries: EntryRow[], lastEntryId: number): string {
  const covered = entries
    .filter((entry) => entry.id <= lastEntryId)
    .map((entry) => ({ ...entry, content: JSON.parse(entry.content) as JsonValue }));
  return sha256Hex(canonicalJson({ kind: 'dosing-ledger/infusion-session', schema: 1, session, entries: covered }));
}
