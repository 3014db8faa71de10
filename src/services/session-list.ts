import { cumulativeDose } from '../domain/cumulative-dose';
import type { SessionDose } from '../domain/cumulative-dose';
import type { PlanContent } from '../domain/plan';
import { infusedDose } from '../domain/session-infused-dose';
import type { SessionListItem } from '../domain/session-list-item';
import { sessionStatus } from '../domain/session-state';
import type { SessionStatus } from '../domain/session-view';
import { formatPrintedName } from '../domain/user';
import { getPatient } from '../db/patients-repo';
import type { StateEntryFacts } from '../db/session-course-repo';
import { standingStateFacts } from '../db/session-course-repo';
import {
  allPatientSessions,
  lastEntryIds,
  openPatientSessions,
  pagePatientSessions,
  patientSessionCounts,
} from '../db/session-list-repo';
import type { SessionRow, SessionSignatureRow } from '../db/sessions-repo';
import { listSessionSignatures } from '../db/sessions-repo';
import { findUserById } from '../db/users-repo';
import type { Handlers, ServiceContext } from './context';
import { ServiceError } from './service-error';
import { planOf } from './sessions-view';

/**
 * The chart's list of a patient's sessions, a page at a time, and the drug given over all of
 * them: built from the session rows, the type and volume of their standing administration
 * events and discharge (read by SQLite out of the entries' JSON), and their signatures only,
 * never from every entry of every session (a regular patient has 100+).
 */

export function groupBy<T>(rows: readonly T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list === undefined) groups.set(key(row), [row]);
    else list.push(row);
  }
  return groups;
}

/**
 * The mg each volume carries at a plan version's concentration, kept with the version's parsed
 * content: a signed version's is frozen and shared per connection, parsed afresh whenever its
 * stored text differs (a draft's is parsed anew each call), so a figure cannot go stale. Working
 * it out (the plan's whole arithmetic, ~0.4 ms) was most of what a regular patient's doses cost.
 */
const dosesByPlan = new WeakMap<PlanContent, Map<string, string | null>>();

/** Per call: each plan version parsed once, each dose figured once per plan version and volume. */
class ListCache {
  private readonly plans = new Map<number, PlanContent>();
  private readonly names = new Map<number, string>();
  constructor(private readonly context: ServiceContext) {}

  plan(versionId: number): PlanContent {
    let plan = this.plans.get(versionId);
    if (plan === undefined) {
      plan = planOf(this.context, versionId).content;
      this.plans.set(versionId, plan);
    }
    return plan;
  }

  doseMg(versionId: number, volumeMl: string | null): string | null {
    if (volumeMl === null) return null;
    const plan = this.plan(versionId);
    let doses = dosesByPlan.get(plan);
    if (doses === undefined) {
      doses = new Map();
      dosesByPlan.set(plan, doses);
    }
    if (!doses.has(volumeMl)) doses.set(volumeMl, infusedDose(volumeMl, plan)?.mg ?? null);
    return doses.get(volumeMl) ?? null;
  }

  name(userId: number): string {
    let name = this.names.get(userId);
    if (name === undefined) {
      const user = findUserById(this.context.ledger.db, userId);
      name = user === undefined ? `User ${userId}` : formatPrintedName(user);
      this.names.set(userId, name);
    }
    return name;
  }
}

/** A session's state as its standing events and discharge say it. */
interface SessionState {
  /** In the order they happened, as the status reads them (standing: none is corrected). */
  entries: {
    id: number;
    kind: string;
    occurredAt: string;
    correctedByEntryId: null;
    content: { type: string | null };
  }[];
  startedAt: string | null;
  endedAt: string | null;
  /** The last volume infused charted, as the session's summary has it. */
  volumeInfusedMl: string | null;
}

/** From one session's standing facts, as the full view and its summary work them out. */
function stateOf(facts: readonly StateEntryFacts[]): SessionState {
  // The order of the full view: by the time it happened (as charted), then by ID.
  const ordered = [...facts].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id - b.id);
  const events = ordered.filter((fact) => fact.kind === 'event');
  const firstOf = (type: string) => events.find((fact) => fact.type === type)?.occurredAt ?? null;
  return {
    entries: ordered.map((fact) => ({
      id: fact.id,
      kind: fact.kind,
      occurredAt: fact.occurredAt,
      correctedByEntryId: null,
      content: { type: fact.type },
    })),
    startedAt: firstOf('start'),
    endedAt: firstOf('end') ?? firstOf('stop'),
    volumeInfusedMl: events.findLast((fact) => fact.volumeInfusedMl !== null)?.volumeInfusedMl ?? null,
  };
}

/** Each session's state, by session ID, from one read of all their standing events and discharges (unless read already). */
function statesOf(
  context: ServiceContext,
  sessionIds: readonly number[],
  read: readonly StateEntryFacts[] = standingStateFacts(context.ledger.db, sessionIds),
): Map<number, SessionState> {
  const facts = groupBy(read, (fact) => fact.sessionId);
  return new Map(sessionIds.map((id) => [id, stateOf(facts.get(id) ?? [])]));
}

/** The status as the full view computes it, from the standing state entries, the signatures and the newest entry's ID. */
function statusOf(state: SessionState, signatures: readonly SessionSignatureRow[], lastEntryId: number): SessionStatus {
  const performed = signatures.filter((signature) => signature.meaning === 'performed');
  if (performed.length > 0) {
    return performed.some((signature) => signature.lastEntryId >= lastEntryId) ? 'Signed' : 'Amended after signing';
  }
  return sessionStatus(state.entries, []);
}

function listItems(
  context: ServiceContext,
  sessions: readonly SessionRow[],
  cache: ListCache,
  stateFacts?: readonly StateEntryFacts[],
): SessionListItem[] {
  const db = context.ledger.db;
  const ids = sessions.map((session) => session.id);
  const states = statesOf(context, ids, stateFacts);
  const signatures = groupBy(listSessionSignatures(db, ids), (signature) => signature.sessionId);
  const lasts = lastEntryIds(db, ids);
  return sessions.map((session): SessionListItem => {
    const state = states.get(session.id) ?? stateOf([]);
    const signed = signatures.get(session.id) ?? [];
    return {
      id: session.id,
      patientId: session.patientId,
      planRecordId: session.planRecordId,
      planVersionId: session.planVersionId,
      seriesNumber: session.seriesNumber,
      seriesTotal: cache.plan(session.planVersionId).series.infusions,
      createdAt: session.createdAt,
      createdByPrintedName: cache.name(session.createdBy),
      status: statusOf(state, signed, lasts.get(session.id) ?? 0),
      startedAt: state.startedAt,
      endedAt: state.endedAt,
      doseGivenMg: cache.doseMg(session.planVersionId, state.volumeInfusedMl),
      signed: signed.some((signature) => signature.meaning === 'performed'),
    };
  });
}

/**
 * List items of the given sessions (status, start, end, dose: no observations read): what a
 * start's checks need of the patient's other sessions (the open one, the latest start), and
 * the rows of the course of infusions.
 */
export function sessionListItems(
  context: ServiceContext,
  sessions: readonly SessionRow[],
  /** Their standing events and discharges, when the caller read them already (`standingCourseFacts`). */
  stateFacts?: readonly StateEntryFacts[],
): SessionListItem[] {
  return listItems(context, sessions, new ListCache(context), stateFacts);
}

export function requirePatient(context: ServiceContext, patientId: number): void {
  if (getPatient(context.ledger.db, patientId) === undefined) {
    throw new ServiceError('NOT_FOUND', `There is no patient with ID ${patientId}.`);
  }
}

/** Each session's mg (oldest first) from its events and its plan version: what the cumulative dose adds up. */
export function patientSessionDoses(context: ServiceContext, patientId: number): SessionDose[] {
  const cache = new ListCache(context);
  const sessions = allPatientSessions(context.ledger.db, patientId);
  const states = statesOf(
    context,
    sessions.map((session) => session.id),
  );
  return sessions.map((session) => ({
    sessionId: session.id,
    planRecordId: session.planRecordId,
    mg: cache.doseMg(session.planVersionId, states.get(session.id)?.volumeInfusedMl ?? null),
  }));
}

export const sessionListHandlers: Handlers<'sessions.page' | 'sessions.doses'> = {
  'sessions.page': (context, input) => {
    requirePatient(context, input.patientId);
    const db = context.ledger.db;
    const cache = new ListCache(context);
    // One more than asked: whether an older page exists, without counting.
    const rows = pagePatientSessions(db, input.patientId, input.beforeSessionId ?? null, input.limit + 1);
    const page = rows.slice(0, input.limit);
    const series = patientSessionCounts(db, input.patientId);
    const open = openPatientSessions(db, input.patientId)[0];
    const onPage = open === undefined ? undefined : page.find((session) => session.id === open.id);
    const items = listItems(context, open === undefined || onPage !== undefined ? page : [...page, open], cache);
    return {
      sessions: items.slice(0, page.length),
      olderBefore: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
      total: series.reduce((sum, one) => sum + one.charted, 0),
      open: open === undefined ? null : (items.find((item) => item.id === open.id) ?? null),
      series,
    };
  },

  'sessions.doses': (context, input) => {
    requirePatient(context, input.patientId);
    return cumulativeDose(patientSessionDoses(context, input.patientId));
  },
};
