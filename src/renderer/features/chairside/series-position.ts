import type { SessionPage } from '../../../domain/session-list-item';

/**
 * Where the patient is in the series, from the infusions charted on this plan (the counts and
 * the open session of `sessions.page`, not every session):
 * "Infusion 3 of 6 (in progress)", "Next: infusion 4 of 6" or "All 6 infusions charted".
 */
export function seriesPosition(
  page: Pick<SessionPage, 'open' | 'series'>,
  planRecordId: number,
  total: number | null,
): string {
  const charted = page.series.find((series) => series.planRecordId === planRecordId)?.charted ?? 0;
  const of = (count: number | null) => (count === null ? '' : ` of ${count}`);
  const open = page.open?.planRecordId === planRecordId ? page.open : null;
  if (open !== null) return `Infusion ${open.seriesNumber}${of(total ?? open.seriesTotal)} (in progress)`;
  if (total !== null && charted >= total) return `All ${total} infusions charted`;
  return `Next: infusion ${charted + 1}${of(total)}`;
}
