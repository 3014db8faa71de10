import { DateTime } from 'luxon';
import { z } from 'zod';
import { formatDate, formatDateTime, localDate } from './time';

/**
 * When an infusion or an entry is timed against what the signed plan allows: an infusion
 * before the plan's interval since the last one has passed, one beyond the series it
 * orders, an entry timed before the plan was signed. None of these is refused outright —
 * clinical life has late signatures (a verbal order signed afterwards) and series that run
 * on while the physician amends the plan — but each is surfaced in words and charted only
 * with a stated reason, which the entry stores (and so its signature and PDF carry).
 */

export const timingFindingCodes = ['before-interval', 'series-complete', 'before-plan-signature'] as const;
export type TimingFindingCode = (typeof timingFindingCodes)[number];

export const timingFindingSchema = z.object({
  code: z.enum(timingFindingCodes),
  /** The finding as the nurse saw it, dates and times in clinic time with their offset. */
  message: z.string().max(1000),
});
export type TimingFinding = z.infer<typeof timingFindingSchema>;

/** The reason typed for a time the plan does not allow; its wording as typed. */
export const timingReasonSchema = z
  .string()
  .max(1000, 'Use at most 1000 characters')
  .transform((value) => value.normalize('NFC'));

/**
 * Stored in the entry it concerns (optional, so entries charted before it existed still
 * parse): what was surfaced, and the reason the nurse gave for going ahead.
 */
export const timingAcknowledgementSchema = z.object({
  findings: z.array(timingFindingSchema).min(1).max(timingFindingCodes.length),
  reason: timingReasonSchema.refine((value) => value.trim() !== '', 'Give the reason'),
});
export type TimingAcknowledgement = z.infer<typeof timingAcknowledgementSchema>;

const minuteOf = (instantIso: string) => Math.floor(Date.parse(instantIso) / 60_000);

/** "Timed … before the plan was signed at …", or null when it is not before (to the minute). */
export function beforeSignatureFinding(
  occurredAt: string,
  planSignedAt: string | null,
  zone: string,
): TimingFinding | null {
  if (planSignedAt === null || minuteOf(occurredAt) >= minuteOf(planSignedAt)) return null;
  return {
    code: 'before-plan-signature',
    message: `Timed ${formatDateTime(occurredAt, zone)}, before the plan was signed at ${formatDateTime(planSignedAt, zone)}.`,
  };
}

/** The clinic date (yyyy-mm-dd) from which the plan allows the next infusion. */
export function earliestByPlan(lastInfusionAt: string, intervalDays: number, zone: string): string {
  const day = DateTime.fromISO(localDate(new Date(lastInfusionAt), zone), { zone: 'utc' });
  return day.plus({ days: intervalDays }).toISODate() ?? '';
}

export interface StartTiming {
  /** When the session starts: the checklist's time. */
  occurredAt: string;
  zone: string;
  /** When the plan version in force was signed. */
  planSignedAt: string | null;
  intervalDays: number | null;
  seriesTotal: number | null;
  /** Sessions already charted on this plan. */
  chartedOnPlan: number;
  /** When the patient's most recent infusion started (on any plan); null when none has. */
  lastInfusionAt: string | null;
}

/**
 * What a start surfaces. The interval is counted in the clinic's calendar days, as clinics
 * book them: "every 3 days" after a Tuesday morning allows Friday, at any hour.
 */
export function startTimingFindings(start: StartTiming): TimingFinding[] {
  const findings: TimingFinding[] = [];
  const { zone, intervalDays, lastInfusionAt } = start;
  if (intervalDays !== null && intervalDays > 0 && lastInfusionAt !== null) {
    const earliest = earliestByPlan(lastInfusionAt, intervalDays, zone);
    if (localDate(new Date(start.occurredAt), zone) < earliest) {
      findings.push({
        code: 'before-interval',
        message: `Before the plan’s interval: last infusion on ${formatDateTime(lastInfusionAt, zone)}; plan interval ${intervalDays} ${intervalDays === 1 ? 'day' : 'days'}; earliest by plan ${formatDate(earliest)}.`,
      });
    }
  }
  if (start.seriesTotal !== null && start.chartedOnPlan >= start.seriesTotal) {
    findings.push({
      code: 'series-complete',
      message: `Beyond the series: all ${start.seriesTotal} infusions the plan orders are charted; this would be infusion ${start.chartedOnPlan + 1}.`,
    });
  }
  const early = beforeSignatureFinding(start.occurredAt, start.planSignedAt, zone);
  if (early !== null) findings.push(early);
  return findings;
}

/**
 * When the patient's latest infusion before `occurredAt` started, from their sessions (on
 * any plan: the body does not know which plan a dose came from); null when none has.
 */
export function lastInfusionBefore(
  sessions: readonly { startedAt: string | null }[],
  occurredAt: string,
): string | null {
  const before = Date.parse(occurredAt);
  return (
    sessions
      .map((session) => session.startedAt)
      .filter((startedAt): startedAt is string => startedAt !== null && Date.parse(startedAt) <= before)
      .sort((a, b) => Date.parse(a) - Date.parse(b))
      .at(-1) ?? null
  );
}

/** The refusal when a reason is missing: every finding, then what to do. */
export function timingReasonNeeded(findings: readonly TimingFinding[]): string {
  return `${findings.map((finding) => finding.message).join(' ')} Give the reason to chart it anyway, or check the time.`;
}

/** The acknowledgement to store: the findings with the reason, or nothing when none was surfaced. */
export function acknowledgementFor(
  findings: readonly TimingFinding[],
  reason: string | undefined,
): TimingAcknowledgement | undefined {
  return findings.length === 0 ? undefined : { findings: [...findings], reason: (reason ?? '').trim() };
}
