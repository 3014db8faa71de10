import type { Scales } from '../domain/scales';
import { scaleTotal } from '../domain/scales';
import type { SessionCourseItem } from '../domain/session-course';
import type { ChecklistScalesFacts, PainFacts } from '../db/session-course-repo';
import { standingCourseFacts } from '../db/session-course-repo';
import { allPatientSessions } from '../db/session-list-repo';
import type { Handlers } from './context';
import { groupBy, requirePatient, sessionListItems } from './session-list';

/**
 * The course of infusions: every session of the patient as a list row, with the figures the
 * course follows (scale totals and pain before from the checklist, pain at the last check),
 * read by SQLite out of the standing entries' JSON: a regular's 100+ sessions of ~40 entries
 * each are never built as views. The same figures the session views give, entry for entry.
 */

interface Charted {
  occurredAt: string;
  id: number;
}

/** Whether `a` comes before `b` in the order the full view lists entries: by the time it happened (as charted), then by ID. */
const before = (a: Charted, b: Charted): boolean => (a.occurredAt.localeCompare(b.occurredAt) || a.id - b.id) < 0;

/** The first or the last row in that order: one pass, no sort (a session can hold 36 checks). */
function earliest<T extends Charted>(rows: readonly T[]): T | undefined {
  return rows.reduce<T | undefined>(
    (found, row) => (found === undefined || before(row, found) ? row : found),
    undefined,
  );
}
function latest<T extends Charted>(rows: readonly T[]): T | undefined {
  return rows.reduce<T | undefined>(
    (found, row) => (found === undefined || before(found, row) ? row : found),
    undefined,
  );
}

type CourseFigures = Pick<SessionCourseItem, 'phq9' | 'gad7' | 'pcl5' | 'painBefore' | 'painLastCheck'>;

function figuresOf(checklists: readonly ChecklistScalesFacts[], pains: readonly PainFacts[]): CourseFigures {
  const scalesJson = earliest(checklists)?.scalesJson ?? null;
  // Stored canonical JSON, valid when charted: its scales are read as they were saved.
  const scales = scalesJson === null ? null : (JSON.parse(scalesJson) as Scales | null);
  return {
    phq9: scaleTotal(scales?.phq9 ?? null),
    gad7: scaleTotal(scales?.gad7 ?? null),
    pcl5: scaleTotal(scales?.pcl5 ?? null),
    painBefore: scales?.painNrs ?? null,
    painLastCheck: latest(pains)?.painNrs ?? null,
  };
}

export const sessionCourseHandlers: Handlers<'sessions.course'> = {
  'sessions.course': (context, input) => {
    requirePatient(context, input.patientId);
    const db = context.ledger.db;
    const sessions = allPatientSessions(db, input.patientId);
    const ids = sessions.map((session) => session.id);
    const facts = standingCourseFacts(db, ids);
    const checklists = groupBy(facts.checklists, (row) => row.sessionId);
    const pains = groupBy(facts.pains, (row) => row.sessionId);
    const items = sessionListItems(context, sessions, facts.state).map((item): SessionCourseItem => ({
      ...item,
      ...figuresOf(checklists.get(item.id) ?? [], pains.get(item.id) ?? []),
    }));
    return { sessions: items.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id) };
  },
};
