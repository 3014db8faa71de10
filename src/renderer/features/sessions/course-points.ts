import { scaleTotal } from '../../../domain/scales';
import { effectiveEntries } from '../../../domain/session-state';
import type { SessionView } from '../../../domain/session-view';

export interface CoursePoint {
  sessionId: number;
  session: SessionView;
  phq9: number | null;
  gad7: number | null;
  pcl5: number | null;
  /** Pain on the checklist, before the infusion. */
  painBefore: number | null;
  /** Pain at the last check that recorded it. */
  painLastCheck: number | null;
}

/** Each session's scale totals (from its checklist) and pain (before, and at the last check), oldest first. */
export function coursePoints(sessions: readonly SessionView[]): CoursePoint[] {
  return [...sessions]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id)
    .map((session) => {
      const standing = effectiveEntries(session.entries);
      const checklist = standing.find((entry) => entry.kind === 'checklist');
      const scales = checklist?.kind === 'checklist' ? checklist.content.scales : null;
      const pains = standing.flatMap((entry) =>
        entry.kind === 'observation' && entry.content.painNrs !== null ? [entry.content.painNrs] : [],
      );
      return {
        sessionId: session.id,
        session,
        phq9: scaleTotal(scales?.phq9 ?? null),
        gad7: scaleTotal(scales?.gad7 ?? null),
        pcl5: scaleTotal(scales?.pcl5 ?? null),
        painBefore: scales?.painNrs ?? null,
        painLastCheck: pains.at(-1) ?? null,
      };
    });
}
