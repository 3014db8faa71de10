import type { AdministrationEvent } from './infusion-session';
import type { Decimal } from './quantity';
import { toDecimal } from './quantity';
import { effectiveEntries } from './session-state';
import type { SessionEntryView } from './session-view';

type EventEntry = Extract<SessionEntryView, { kind: 'event' }>;

export interface SessionSummary {
  startedAt: string | null;
  /** The end, or the stop when the infusion was stopped early. */
  finishedAt: string | null;
  finish: 'end' | 'stop' | null;
  stopReason: string | null;
  /** Minutes the pump ran (pauses excluded), to the whole minute; null before a start. */
  runningMin: number | null;
  pausedMin: number;
  volumeInfusedMl: string | null;
  lotNumber: string | null;
  lotExpiry: string | null;
  /** Rate events (start, rate change, resume) whose rate differs from the plan's. */
  deviations: { occurredAt: string; rateMlPerH: string; reason: string }[];
  checks: number;
  /** Checks during the infusion taken later than the monitoring interval after the previous check (or the start). */
  lateChecks: number;
  adverseEvents: number;
  wasteMg: string | null;
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
  const finished = first('end') ?? first('stop');

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
  const wastes = events.map((entry) => entry.content.wasteMg).filter((waste): waste is string => waste !== null);
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
  let lateChecks = 0;
  if (start !== undefined && monitoringIntervalMin !== null) {
    // Checks while the infusion ran, to the whole minute (as charted): a check 15 min and a
    // few seconds after the last one kept a 15 min interval.
    const until = finished === undefined ? Infinity : Date.parse(finished.occurredAt);
    let previous = Date.parse(start.occurredAt);
    for (const check of checks) {
      const at = Date.parse(check.occurredAt);
      if (at < previous || at > until) continue;
      if (Math.round((at - previous) / minute) > monitoringIntervalMin) lateChecks += 1;
      previous = at;
    }
  }

  return {
    startedAt: start?.occurredAt ?? null,
    finishedAt: finished?.occurredAt ?? null,
    finish: finished === undefined ? null : finished.content.type === 'end' ? 'end' : 'stop',
    stopReason: finished?.content.type === 'stop' ? finished.content.reason : null,
    runningMin: start === undefined ? null : Math.round(runningMs / minute),
    pausedMin: Math.round(pausedMs / minute),
    volumeInfusedMl: volumes.at(-1) ?? null,
    lotNumber: start === undefined || start.content.lotNumber === '' ? null : start.content.lotNumber,
    lotExpiry: start === undefined || start.content.lotExpiry === '' ? null : start.content.lotExpiry,
    deviations,
    checks: checks.length,
    lateChecks,
    adverseEvents: standing.filter((entry) => entry.kind === 'adverse-event').length,
    wasteMg: wastes.length === 0 ? null : sum(wastes).toString(),
  };
}

function sum(values: readonly string[]): Decimal {
  return values.reduce((total, value) => total.plus(toDecimal(value)), toDecimal(0));
}
