import type { AdministrationEvent } from './infusion-session';
import { toDecimal } from './quantity';
import { effectiveEntries } from './session-state';
import type { SessionEntryView } from './session-view';

type EventEntry = Extract<SessionEntryView, { kind: 'event' }>;

export interface SessionSummary {
  startedAt: string | null;
  /** When the infusion was stopped early, with the reason; null when it was not. */
  stopped: { at: string; reason: string } | null;
  /** When the end was charted (after a stop too); null when it was not. */
  endedAt: string | null;
  /** Minutes the pump ran (pauses excluded), to the whole minute; null before a start. */
  runningMin: number | null;
  pausedMin: number;
  volumeInfusedMl: string | null;
  lotNumber: string | null;
  lotExpiry: string | null;
  /** Rate events (start, rate change, resume) whose rate differs from the plan's. */
  deviations: { occurredAt: string; rateMlPerH: string; reason: string }[];
  checks: number;
  /**
   * Stretches of the infusion, start to stop or end, that went longer than the monitoring
   * interval without a check: from the start to the first check, between checks, and from
   * the last check to the end. An infusion with no check at all is one such stretch.
   */
  gapsOverInterval: number;
  /** Those stretches, each by the entries that bound it (start, check, stop or end). */
  gaps: SessionGap[];
  /** The longest of those stretches without a check, whole minutes; null before a start. */
  longestGapMin: number | null;
  adverseEvents: number;
  /** Drug discarded (amounts above zero), each with who witnessed it. */
  wastes: { wasteMg: string; witnessPrintedName: string | null }[];
  /** Whether any discarded amount was charted, 0 mg included: "None (0 mg)" is not "Not recorded". */
  wasteCharted: boolean;
}

/** A stretch longer than the monitoring interval without a check. */
export interface SessionGap {
  fromAt: string;
  untilAt: string;
  /** Whole minutes, as compared with the interval. */
  minutes: number;
}

const minute = 60_000;

function rateEvent(event: AdministrationEvent): boolean {
  return event.type === 'start' || event.type === 'rate-change' || event.type === 'resume';
}

/**
 * What an auditor asks of an infusion first: when it ran, for how long, how much went in,
 * where it departed from the plan and whether the checks kept to the monitoring interval.
 * Computed from the standing entries only (a corrected entry counts as its correction).
 */
export function summariseSession(
  entries: readonly SessionEntryView[],
  plannedRateMlPerH: string | null,
  monitoringIntervalMin: number | null,
): SessionSummary {
  const standing = effectiveEntries(entries)
    .slice()
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id - b.id);
  const events = standing.filter((entry): entry is EventEntry => entry.kind === 'event');
  const first = (type: AdministrationEvent['type']) => events.find((entry) => entry.content.type === type);
  const start = first('start');
  const stop = first('stop');
  const end = first('end');
  const finished = stop ?? end;

  let runningMs = 0;
  let pausedMs = 0;
  let runningSince: number | null = null;
  let pausedSince: number | null = null;
  for (const { content, occurredAt } of events) {
    const at = Date.parse(occurredAt);
    if (content.type === 'pause' && runningSince !== null) {
      runningMs += at - runningSince;
      runningSince = null;
      pausedSince = at;
    } else if ((content.type === 'start' || content.type === 'resume') && runningSince === null) {
      if (pausedSince !== null) pausedMs += at - pausedSince;
      pausedSince = null;
      runningSince = at;
    } else if (content.type === 'stop' || content.type === 'end') {
      if (runningSince !== null) runningMs += at - runningSince;
      if (pausedSince !== null) pausedMs += at - pausedSince;
      runningSince = null;
      pausedSince = null;
    }
  }

  const volumes = events
    .map((entry) => entry.content.volumeInfusedMl)
    .filter((volume): volume is string => volume !== null);
  const wastes = events.flatMap((entry) =>
    entry.content.wasteMg === null || toDecimal(entry.content.wasteMg).isZero()
      ? []
      : [{ wasteMg: entry.content.wasteMg, witnessPrintedName: entry.witnessPrintedName }],
  );
  const planned = plannedRateMlPerH === null ? null : toDecimal(plannedRateMlPerH);
  const deviations = events
    .filter(
      (entry) =>
        rateEvent(entry.content) &&
        entry.content.rateMlPerH !== null &&
        planned !== null &&
        !toDecimal(entry.content.rateMlPerH).equals(planned),
    )
    .map((entry) => ({
      occurredAt: entry.occurredAt,
      rateMlPerH: entry.content.rateMlPerH ?? '',
      reason: entry.content.reason,
    }));

  const checks = standing.filter((entry) => entry.kind === 'observation');
  const gaps: SessionGap[] = [];
  let longestGapMin: number | null = null;
  if (start !== undefined && finished !== undefined) {
    // To the minute, as times are charted and printed: a check at 14:15 (and some seconds)
    // after a start at 14:00 kept a 15 min interval; one at 14:16 did not.
    const minuteOf = (instant: string) => Math.floor(Date.parse(instant) / minute);
    const from = minuteOf(start.occurredAt);
    const until = minuteOf(finished.occurredAt);
    const bounds = checks
      .map((check) => check.occurredAt)
      .filter((at) => minuteOf(at) >= from && minuteOf(at) <= until);
    let previous = start.occurredAt;
    for (const at of [...bounds, finished.occurredAt]) {
      const gap = minuteOf(at) - minuteOf(previous);
      longestGapMin = Math.max(longestGapMin ?? 0, gap);
      if (monitoringIntervalMin !== null && gap > monitoringIntervalMin) {
        gaps.push({ fromAt: previous, untilAt: at, minutes: gap });
      }
      previous = at;
    }
  }

  return {
    startedAt: start?.occurredAt ?? null,
    stopped: stop === undefined ? null : { at: stop.occurredAt, reason: stop.content.reason },
    endedAt: end?.occurredAt ?? null,
    runningMin: start === undefined ? null : Math.round(runningMs / minute),
    pausedMin: Math.round(pausedMs / minute),
    volumeInfusedMl: volumes.at(-1) ?? null,
    lotNumber: start === undefined || start.content.lotNumber === '' ? null : start.content.lotNumber,
    lotExpiry: start === undefined || start.content.lotExpiry === '' ? null : start.content.lotExpiry,
    deviations,
    checks: checks.length,
    gapsOverInterval: gaps.length,
    gaps,
    longestGapMin,
    adverseEvents: standing.filter((entry) => entry.kind === 'adverse-event').length,
    wastes,
    wasteCharted: events.some((entry) => entry.content.wasteMg !== null),
  };
}
