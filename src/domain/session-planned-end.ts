import type { AdministrationEventType } from './infusion-session';
import { effectiveEntries, pumpState } from './session-state';

interface EntryLike {
  id: number;
  kind: string;
  occurredAt: string;
  correctedByEntryId: number | null;
  content: unknown;
}

export interface PlannedEnd {
  startedAt: string;
  /** The start, plus the planned duration, plus the time paused (so far, while paused). */
  plannedEndAt: string;
  pausedMin: number;
  /** Whole minutes past the planned end; 0 until it is passed. */
  overTimeMin: number;
}

const minute = 60_000;

/**
 * When the infusion should end by the plan, while it runs or is paused: a pause stops the
 * pump, so the time paused moves the planned end on (and keeps moving it while paused).
 * Null before the start, after the end or an early stop, and when the plan gives no duration.
 */
export function plannedEnd(
  entries: readonly EntryLike[],
  plannedDurationMin: number | null,
  nowMs: number,
): PlannedEnd | null {
  const state = pumpState(entries);
  if (plannedDurationMin === null || (state !== 'running' && state !== 'paused')) return null;
  const events = effectiveEntries(entries)
    .filter((entry) => entry.kind === 'event')
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id - b.id);
  const start = events.find((entry) => (entry.content as { type: AdministrationEventType }).type === 'start');
  if (start === undefined) return null;
  let pausedMs = 0;
  let pausedSince: number | null = null;
  for (const entry of events) {
    const type = (entry.content as { type: AdministrationEventType }).type;
    const at = Date.parse(entry.occurredAt);
    if (type === 'pause' && pausedSince === null) pausedSince = at;
    if (type === 'resume' && pausedSince !== null) {
      pausedMs += at - pausedSince;
      pausedSince = null;
    }
  }
  if (pausedSince !== null) pausedMs += Math.max(0, nowMs - pausedSince);
  const endMs = Date.parse(start.occurredAt) + plannedDurationMin * minute + pausedMs;
  return {
    startedAt: start.occurredAt,
    plannedEndAt: new Date(endMs).toISOString(),
    pausedMin: Math.floor(pausedMs / minute),
    overTimeMin: nowMs > endMs ? Math.floor((nowMs - endMs) / minute) : 0,
  };
}
