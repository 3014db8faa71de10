import { and, inArray, sql } from 'drizzle-orm';
import type { Drizzle } from './open';
import { idsParam, inIds, prepared } from './prepared';
import { sessionEntries } from './schema/sessions';

/**
 * The few fields of sessions' standing entries that a list of sessions and the course of
 * infusions figure from, read by SQLite out of the entries' JSON: never the entries in full
 * (a session holds ~40, most of them checks with vitals nobody here needs).
 *
 * "Standing" as the session view has it: an entry no later entry of its session corrects (a
 * corrected entry counts as its correction, which stands in its place with the same kind).
 */

/** Standing: no entry of the sessions bound to `ids` corrects it (corrections are charted on the same session). */
const standing = sql`${sessionEntries.id} NOT IN (
  SELECT c.corrects_entry_id FROM session_entries c
  WHERE c.session_id IN (SELECT value FROM json_each(${sql.placeholder('ids')})) AND c.corrects_entry_id IS NOT NULL
)`;

const jsonText = (path: string) => sql<string | null>`json_extract(${sessionEntries.content}, ${path})`;

export interface StateEntryFacts {
  sessionId: number;
  id: number;
  kind: 'event' | 'discharge';
  occurredAt: string;
  /** The administration event's type (start, pause, … end); null for a discharge. */
  type: string | null;
  /** The volume infused an event charted (mL, exact decimal); null when it charted none. */
  volumeInfusedMl: string | null;
}

/** The standing administration events and discharges: what decides the status and the drug given. */
export function standingStateFacts(db: Drizzle, sessionIds: readonly number[]): StateEntryFacts[] {
  if (sessionIds.length === 0) return [];
  const rows = prepared(db, 'standingStateFacts', () =>
    db
      .select({
        sessionId: sessionEntries.sessionId,
        id: sessionEntries.id,
        kind: sessionEntries.kind,
        occurredAt: sessionEntries.occurredAt,
        type: jsonText('$.type'),
        volumeInfusedMl: jsonText('$.volumeInfusedMl'),
      })
      .from(sessionEntries)
      .where(and(inIds(sessionEntries.sessionId), inArray(sessionEntries.kind, ['event', 'discharge']), standing))
      .orderBy(sessionEntries.id)
      .prepare(),
  ).all(idsParam(sessionIds));
  return rows.flatMap((row) =>
    row.kind === 'event' || row.kind === 'discharge'
      ? [{ ...row, kind: row.kind, type: row.kind === 'event' ? row.type : null }]
      : [],
  );
}

export interface ChecklistScalesFacts {
  sessionId: number;
  id: number;
  occurredAt: string;
  /** The checklist's `scales` object as JSON text (item answers and pain). */
  scalesJson: string | null;
}

export interface PainFacts {
  sessionId: number;
  id: number;
  occurredAt: string;
  painNrs: number;
}

const when = (kind: string, path: string) =>
  sql<
    string | number | null
  >`CASE WHEN ${sessionEntries.kind} = ${kind} THEN json_extract(${sessionEntries.content}, ${path}) END`;

/**
 * What the course of infusions figures from, in one pass over the sessions' entries (a read
 * per kind would walk them three times): the standing events and discharges as
 * `standingStateFacts` gives them, the standing checklists' questionnaires, and the pain each
 * standing check recorded (checks without one are left out).
 */
export function standingCourseFacts(
  db: Drizzle,
  sessionIds: readonly number[],
): { state: StateEntryFacts[]; checklists: ChecklistScalesFacts[]; pains: PainFacts[] } {
  const facts = { state: [] as StateEntryFacts[], checklists: [] as ChecklistScalesFacts[], pains: [] as PainFacts[] };
  if (sessionIds.length === 0) return facts;
  const rows = prepared(db, 'standingCourseFacts', () =>
    db
      .select({
        sessionId: sessionEntries.sessionId,
        id: sessionEntries.id,
        kind: sessionEntries.kind,
        occurredAt: sessionEntries.occurredAt,
        type: when('event', '$.type'),
        volumeInfusedMl: when('event', '$.volumeInfusedMl'),
        scalesJson: when('checklist', '$.scales'),
        painNrs: when('observation', '$.painNrs'),
      })
      .from(sessionEntries)
      .where(
        and(
          inIds(sessionEntries.sessionId),
          inArray(sessionEntries.kind, ['event', 'discharge', 'checklist', 'observation']),
          standing,
        ),
      )
      .orderBy(sessionEntries.id)
      .prepare(),
  ).all(idsParam(sessionIds));
  const text = (value: string | number | null) => (typeof value === 'string' ? value : null);
  for (const { sessionId, id, kind, occurredAt, ...row } of rows) {
    if (kind === 'event' || kind === 'discharge') {
      facts.state.push({
        sessionId,
        id,
        kind,
        occurredAt,
        type: text(row.type),
        volumeInfusedMl: text(row.volumeInfusedMl),
      });
    } else if (kind === 'checklist') {
      facts.checklists.push({ sessionId, id, occurredAt, scalesJson: text(row.scalesJson) });
    } else if (kind === 'observation' && typeof row.painNrs === 'number') {
      facts.pains.push({ sessionId, id, occurredAt, painNrs: row.painNrs });
    }
  }
  return facts;
}
