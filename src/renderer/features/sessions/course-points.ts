import type { SessionCourseItem } from '../../../domain/session-course';

export interface CoursePoint {
  sessionId: number;
  session: SessionCourseItem;
  phq9: number | null;
  gad7: number | null;
  pcl5: number | null;
  /** Pain on the checklist, before the infusion. */
  painBefore: number | null;
  /** Pain at the last check that recorded it. */
  painLastCheck: number | null;
}

/**
 * Each session's scale totals (from its checklist) and pain (before, and at the last check),
 * oldest first: figured in the back end (`sessions.course`) from the standing entries.
 */
export function coursePoints(sessions: readonly SessionCourseItem[]): CoursePoint[] {
  return [...sessions]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id)
    .map((session) => ({
      sessionId: session.id,
      session,
      phq9: session.phq9,
      gad7: session.gad7,
      pcl5: session.pcl5,
      painBefore: session.painBefore,
      painLastCheck: session.painLastCheck,
    }));
}
