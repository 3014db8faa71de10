import { and, count, desc, eq, lt, max, sql } from 'drizzle-orm';
import type { Drizzle } from './open';
import { idsParam, inIds, prepared } from './prepared';
import { infusionSessions, sessionEntries } from './schema/sessions';
import type { SessionRow } from './sessions-repo';

/**
 * Reads for the lists of a patient's sessions that stay small whatever the patient's history:
 * one page of sessions by keyset (newest first), and the few entries a list row needs.
 */

/** Up to `limit` sessions of the patient, newest first, older than `beforeId` when given. */
export function pagePatientSessions(
  db: Drizzle,
  patientId: number,
  beforeId: number | null,
  limit: number,
): SessionRow[] {
  return prepared(db, 'pagePatientSessions', () =>
    db
      .select()
      .from(infusionSessions)
      .where(
        and(
          eq(infusionSessions.patientId, sql.placeholder('patientId')),
          lt(infusionSessions.id, sql.placeholder('beforeId')),
        ),
      )
      .orderBy(desc(infusionSessions.id))
      .limit(sql.placeholder('limit'))
      .prepare(),
  ).all({ patientId, beforeId: beforeId ?? Number.MAX_SAFE_INTEGER, limit });
}

/** How many sessions each of the patient's plans has charted (one grouped index scan). */
export function patientSessionCounts(db: Drizzle, patientId: number): { planRecordId: number; charted: number }[] {
  return prepared(db, 'patientSessionCounts', () =>
    db
      .select({ planRecordId: infusionSessions.planRecordId, charted: count() })
      .from(infusionSessions)
      .where(eq(infusionSessions.patientId, sql.placeholder('patientId')))
      .groupBy(infusionSessions.planRecordId)
      .orderBy(infusionSessions.planRecordId)
      .prepare(),
  ).all({ patientId });
}

/** Every session of the patient, oldest first: the rows alone (no entries). */
export function allPatientSessions(db: Drizzle, patientId: number): SessionRow[] {
  return prepared(db, 'allPatientSessions', () =>
    db
      .select()
      .from(infusionSessions)
      .where(eq(infusionSessions.patientId, sql.placeholder('patientId')))
      .orderBy(infusionSessions.id)
      .prepare(),
  ).all({ patientId });
}

/** The newest entry of each session (what a signature must cover to be current). */
export function lastEntryIds(db: Drizzle, sessionIds: readonly number[]): Map<number, number> {
  if (sessionIds.length === 0) return new Map();
  const rows = prepared(db, 'lastEntryIds', () =>
    db
      .select({ sessionId: sessionEntries.sessionId, last: max(sessionEntries.id) })
      .from(sessionEntries)
      .where(inIds(sessionEntries.sessionId))
      .groupBy(sessionEntries.sessionId)
      .prepare(),
  ).all(idsParam(sessionIds));
  return new Map(rows.map((row) => [row.sessionId, row.last ?? 0]));
}

/**
 * The sessions of the patient still being charted (a patient has at most one): neither signed
 * "performed" nor discharged. A correction of a discharge is a discharge, so any discharge entry
 * means one stands.
 */
export function openPatientSessions(db: Drizzle, patientId: number): SessionRow[] {
  return prepared(db, 'openPatientSessions', () =>
    db
      .select()
      .from(infusionSessions)
      .where(
        and(
          eq(infusionSessions.patientId, sql.placeholder('patientId')),
          sql`NOT EXISTS (SELECT 1 FROM session_signatures s WHERE s.session_id = ${infusionSessions.id} AND s.meaning = 'performed')`,
          sql`NOT EXISTS (SELECT 1 FROM session_entries e WHERE e.session_id = ${infusionSessions.id} AND e.kind = 'discharge')`,
        ),
      )
      .orderBy(desc(infusionSessions.id))
      .prepare(),
  ).all({ patientId });
}
