import type { SessionView } from '../../../domain/session-view';

const closed: ReadonlySet<SessionView['status']> = new Set(['Discharged', 'Signed', 'Amended after signing']);

/**
 * Where the patient is in the series, from the infusions charted on this plan:
 * "Infusion 3 of 6 (in progress)", "Next: infusion 4 of 6" or "All 6 infusions charted".
 */
export function seriesPosition(sessions: readonly SessionView[], planRecordId: number, total: number | null): string {
  const mine = sessions.filter((session) => session.planRecordId === planRecordId);
  const of = (count: number | null) => (count === null ? '' : ` of ${count}`);
  const open = mine.find((session) => !closed.has(session.status));
  if (open !== undefined) return `Infusion ${open.seriesNumber}${of(total ?? open.seriesTotal)} (in progress)`;
  if (total !== null && mine.length >= total) return `All ${total} infusions charted`;
  return `Next: infusion ${mine.length + 1}${of(total)}`;
}
