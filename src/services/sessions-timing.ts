import type { Checklist, SessionEntryBody } from '../domain/infusion-session';
import type { PlanContent } from '../domain/plan';
import type { TimingFinding } from '../domain/session-timing';
import {
  acknowledgementFor,
  lastInfusionBefore,
  startTimingFindings,
  timingReasonNeeded,
} from '../domain/session-timing';
import type { SessionView } from '../domain/session-view';
import { getVersion } from '../db/records-repo';
import type { ServiceContext } from './context';
import { requireClinic } from './context';
import { ServiceError } from './service-error';

/**
 * What the start of an infusion surfaces against the plan (domain/session-timing.ts), with
 * the sessions the patient already has: the interval runs from the latest that started.
 */
export function startFindings(
  context: ServiceContext,
  input: {
    occurredAt: string;
    planVersionId: number;
    plan: PlanContent;
    /** The patient's other sessions (this one left out when its checklist is corrected). */
    patientSessions: readonly Pick<SessionView, 'startedAt'>[];
    /** Sessions charted on this plan before this one. */
    chartedOnPlan: number;
  },
): TimingFinding[] {
  const lastInfusionAt = lastInfusionBefore(input.patientSessions, input.occurredAt);
  return startTimingFindings({
    occurredAt: input.occurredAt,
    zone: requireClinic(context).timeZone,
    planSignedAt: getVersion(context.ledger.db, input.planVersionId)?.signedAt ?? null,
    intervalDays: input.plan.series.intervalDays,
    seriesTotal: input.plan.series.infusions,
    chartedOnPlan: input.chartedOnPlan,
    lastInfusionAt,
  });
}

/**
 * The checklist as it is stored: with what was surfaced and the reason given, or refused
 * when something was surfaced and no reason was. Whatever timing the client sent is
 * replaced: what was surfaced is the server's to say.
 */
export function acknowledgedChecklist(
  checklist: Checklist,
  findings: readonly TimingFinding[],
  reason: string | undefined,
): Checklist {
  if (findings.length > 0 && (reason ?? '').trim() === '') {
    throw new ServiceError('INVALID_INPUT', timingReasonNeeded(findings), [
      { path: 'timingReason', message: 'Give the reason for going ahead at this time' },
    ]);
  }
  const content: Checklist = { ...checklist };
  delete content.timing;
  const timing = acknowledgementFor(findings, reason);
  return timing === undefined ? content : { ...content, timing };
}

/** Any other entry: the timing acknowledgement is the checklist's alone, never the client's. */
export function withoutClientTiming(body: SessionEntryBody): SessionEntryBody {
  if (body.content.timing === undefined) return body;
  const content = { ...body.content };
  delete content.timing;
  return { ...body, content } as SessionEntryBody;
}
