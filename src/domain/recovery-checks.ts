import { effectiveEntries } from './session-state';

/**
 * Checks after the infusion stops are recovery checks: the patient is no longer infused but is
 * watched until the discharge. Nothing is stored to mark them — the standing stop (or end)
 * decides — so an entry corrected to another time is classed by its corrected time.
 */

interface EntryLike {
  id: number;
  kind: string;
  occurredAt: string;
  correctedByEntryId: number | null;
  content: unknown;
}

const ordered = (a: EntryLike, b: EntryLike) => a.occurredAt.localeCompare(b.occurredAt) || a.id - b.id;

/** When the infusion stopped: the first standing stop or end, or null while it still runs. */
export function infusionFinishedAt(entries: readonly EntryLike[]): string | null {
  const finished = effectiveEntries(entries)
    .filter((entry) => {
      if (entry.kind !== 'event') return false;
      const type = (entry.content as { type: string }).type;
      return type === 'stop' || type === 'end';
    })
    .sort(ordered)[0];
  return finished?.occurredAt ?? null;
}

/** Whether an observation was charted after the infusion stopped (strictly after). */
export function isRecoveryCheck(entry: { kind: string; occurredAt: string }, finishedAt: string | null): boolean {
  return entry.kind === 'observation' && finishedAt !== null && Date.parse(entry.occurredAt) > Date.parse(finishedAt);
}

/** The ids of the standing observations that are recovery checks. */
export function recoveryCheckIds(entries: readonly EntryLike[]): Set<number> {
  const finishedAt = infusionFinishedAt(entries);
  return new Set(
    effectiveEntries(entries)
      .filter((entry) => isRecoveryCheck(entry, finishedAt))
      .map((entry) => entry.id),
  );
}

export interface RecoveryDue {
  dueAt: string;
  remainingMs: number;
  overdue: boolean;
  /** Counted from the stop, or from the last recovery check. */
  after: 'stop' | 'last-check';
}

/**
 * The recovery countdown: the clinic's interval after the stop or the last recovery check,
 * until a discharge stands. Null while the infusion runs, once discharged, or without interval.
 */
export function recoveryCheckDue(
  entries: readonly EntryLike[],
  intervalMin: number | null,
  nowMs: number,
): RecoveryDue | null {
  if (intervalMin === null) return null;
  const finishedAt = infusionFinishedAt(entries);
  if (finishedAt === null) return null;
  const standing = effectiveEntries(entries).slice().sort(ordered);
  if (standing.some((entry) => entry.kind === 'discharge')) return null;
  const lastCheck = standing.filter((entry) => isRecoveryCheck(entry, finishedAt)).at(-1);
  const from = Date.parse(lastCheck?.occurredAt ?? finishedAt);
  const dueAtMs = from + intervalMin * 60_000;
  return {
    dueAt: new Date(dueAtMs).toISOString(),
    remainingMs: dueAtMs - nowMs,
    overdue: nowMs > dueAtMs,
    after: lastCheck === undefined ? 'stop' : 'last-check',
  };
}
