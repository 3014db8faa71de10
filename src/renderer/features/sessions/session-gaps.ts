import type { SessionGap } from '../../../domain/session-summary';
import { summariseSession } from '../../../domain/session-summary';
import { effectiveEntries } from '../../../domain/session-state';
import type { SessionView } from '../../../domain/session-view';

export interface ExplainedGap extends SessionGap {
  /** What the standing discharge says of it; null when nothing was said. */
  explanation: string | null;
}

/**
 * The stretches of the infusion longer than the monitoring interval without a check (as the
 * signed PDF counts them), each with the discharge's explanation if it gave one.
 */
export function sessionGaps(session: SessionView, leaveOutEntryId: number | null = null): ExplainedGap[] {
  const entries = session.entries.filter((entry) => entry.id !== leaveOutEntryId);
  const { gaps } = summariseSession(entries, session.plannedRateMlPerH, session.monitoringIntervalMin);
  const discharge = effectiveEntries(session.entries).find((entry) => entry.kind === 'discharge');
  const notes = discharge?.kind === 'discharge' ? (discharge.content.gapExplanations ?? []) : [];
  return gaps.map((gap) => ({
    ...gap,
    explanation: notes.find((note) => note.fromAt === gap.fromAt && note.untilAt === gap.untilAt)?.explanation ?? null,
  }));
}
