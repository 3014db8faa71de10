import { nextCheck } from './infusion-session';
import { recoveryCheckDue } from './recovery-checks';
import { effectiveEntries, pumpState } from './session-state';

interface EntryLike {
  id: number;
  kind: string;
  occurredAt: string;
  correctedByEntryId: number | null;
  content: unknown;
}

/**
 * Where the timed checks stand. They count down while the infusion runs (or is paused: the
 * patient is still being infused). Once it has ended or been stopped the countdown stops:
 * a recovery check may still be recorded, and counts down only where the clinic sets a
 * recovery check interval (until the discharge); otherwise nothing is overdue any more.
 */
export type TimedCheckState =
  | { kind: 'not-started' }
  | { kind: 'no-interval' }
  /** Ended, or stopped early (then the countdown stopped at the stop, whatever came after). */
  | { kind: 'finished'; at: string; by: 'stop' | 'end' }
  /**
   * Stopped or ended, not yet discharged, and the clinic sets a recovery check interval: the
   * recovery checks count down from the stop (or the last recovery check).
   */
  | {
      kind: 'recovery-due';
      at: string;
      by: 'stop' | 'end';
      dueAt: string;
      remainingMs: number;
      overdue: boolean;
      after: 'stop' | 'last-check';
    }
  | {
      kind: 'due';
      dueAt: string;
      remainingMs: number;
      overdue: boolean;
      /** Counted from the last check, or from the start when there is none yet. */
      after: 'start' | 'last-check';
    };

export function timedCheckState(
  entries: readonly EntryLike[],
  intervalMin: number | null,
  nowMs: number,
  /** The clinic's recovery check interval (session configuration); null = none set. */
  recoveryIntervalMin: number | null = null,
): TimedCheckState {
  const state = pumpState(entries);
  const standing = effectiveEntries(entries)
    .slice()
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id - b.id);
  if (state === 'not-started') return { kind: 'not-started' };
  if (state === 'ended' || state === 'stopped') {
    const typeOf = (entry: EntryLike) => (entry.kind === 'event' ? (entry.content as { type: string }).type : null);
    const finished = standing.find((entry) => typeOf(entry) === 'stop' || typeOf(entry) === 'end');
    const at = finished?.occurredAt ?? '';
    const by = finished !== undefined && typeOf(finished) === 'stop' ? 'stop' : 'end';
    const recovery = recoveryCheckDue(entries, recoveryIntervalMin, nowMs);
    if (recovery !== null) return { kind: 'recovery-due', at, by, ...recovery };
    return { kind: 'finished', at, by };
  }
  if (intervalMin === null) return { kind: 'no-interval' };
  const start = standing.find(
    (entry) => entry.kind === 'event' && (entry.content as { type: string }).type === 'start',
  );
  const lastCheck = standing.filter((entry) => entry.kind === 'observation').at(-1);
  const check = nextCheck(
    lastCheck === undefined ? null : Date.parse(lastCheck.occurredAt),
    start === undefined ? null : Date.parse(start.occurredAt),
    intervalMin,
    nowMs,
  );
  if (check === null) return { kind: 'not-started' };
  return {
    kind: 'due',
    dueAt: new Date(check.dueAtMs).toISOString(),
    remainingMs: check.remainingMs,
    overdue: check.overdue,
    after: lastCheck === undefined ? 'start' : 'last-check',
  };
}
