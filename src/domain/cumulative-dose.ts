import type { PlanContent } from './plan';
import { formatQuantity, toDecimal } from './quantity';
import { infusedDose } from './session-infused-dose';
import { summariseSession } from './session-summary';
import type { SessionView } from './session-view';

/**
 * The drug a patient has been given, from the session records: each session's mg is the
 * volume charted as infused at its plan's concentration (as the session's timeline shows it,
 * to 0.01 mg), added up exactly per series and in total, so the sums match the figures shown.
 */

export interface SessionDose {
  sessionId: number;
  planRecordId: number;
  /** Null when no volume infused is charted yet, or the plan gives no final volume. */
  mg: string | null;
}

export interface SeriesDose {
  planRecordId: number;
  mg: string;
  counted: number;
  /** Sessions of the series with no volume infused charted: not in the sum. */
  uncounted: number;
}

export interface CumulativeDose {
  series: SeriesDose[];
  totalMg: string;
  counted: number;
  uncounted: number;
}

/** One session's infused mg from its standing entries and the plan version it charted against. */
export function sessionDose(session: SessionView, plan: PlanContent | null | undefined): SessionDose {
  const volume = summariseSession(
    session.entries,
    session.plannedRateMlPerH,
    session.monitoringIntervalMin,
  ).volumeInfusedMl;
  const dose = volume === null || plan === null || plan === undefined ? null : infusedDose(volume, plan);
  return { sessionId: session.id, planRecordId: session.planRecordId, mg: dose?.mg ?? null };
}

/** Exact sums (decimal, never floating point), per series in the order first met, and in total. */
export function cumulativeDose(doses: readonly SessionDose[]): CumulativeDose {
  const bySeries = new Map<number, { mg: ReturnType<typeof toDecimal>; counted: number; uncounted: number }>();
  let total = toDecimal(0);
  for (const dose of doses) {
    const series = bySeries.get(dose.planRecordId) ?? { mg: toDecimal(0), counted: 0, uncounted: 0 };
    if (dose.mg === null) series.uncounted += 1;
    else {
      series.mg = series.mg.plus(dose.mg);
      series.counted += 1;
      total = total.plus(dose.mg);
    }
    bySeries.set(dose.planRecordId, series);
  }
  const series = [...bySeries.entries()].map(([planRecordId, sum]) => ({
    planRecordId,
    mg: sum.mg.toFixed(),
    counted: sum.counted,
    uncounted: sum.uncounted,
  }));
  return {
    series,
    totalMg: total.toFixed(),
    counted: series.reduce((sum, one) => sum + one.counted, 0),
    uncounted: series.reduce((sum, one) => sum + one.uncounted, 0),
  };
}

/** "108.75 mg over 3 sessions", and what is not counted. */
export function doseSumText(mg: string, counted: number, uncounted: number): string {
  const sessions = `${counted} ${counted === 1 ? 'session' : 'sessions'}`;
  const left =
    uncounted === 0
      ? ''
      : `; ${uncounted} ${uncounted === 1 ? 'session has' : 'sessions have'} no volume infused charted and ${uncounted === 1 ? 'is' : 'are'} not counted`;
  return `${formatQuantity(mg, 'mg')} over ${sessions}${left}`;
}
