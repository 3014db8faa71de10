import { cumulativeDose } from '../domain/cumulative-dose';
import type { SessionDose } from '../domain/cumulative-dose';
import type { AdministrationEvent } from '../domain/infusion-session';
import type { PlanContent } from '../domain/plan';
import { infusedDose } from '../domain/session-infused-dose';
import type { SessionListItem } from '../domain/session-list-item';
import { effectiveEntries, sessionStatus } from '../domain/session-state';
import { summariseSession } from '../domain/session-summary';
import type { SessionEntryView, SessionStatus } from '../domain/session-view';
import { formatPrintedName } from '../domain/user';
import { getPatient } from '../db/patients-repo';
import {
  allPatientSessions,
  lastEntryIds,
  listStateEntries,
  openPatientSessions,
  pagePatientSessions,
  patientSessionCounts,
} from '../db/session-list-repo';
import type { SessionRow, SessionSignatureRow } from '../db/sessions-repo';
import { listSessionSignatures } from '../db/sessions-repo';
import { findUserById } from '../db/users-repo';
import type { Handlers, ServiceContext } from './context';
import { ServiceError } from './service-error';
import { entryViews, planOf } from './sessions-view';

/**
 * The chart's list of a patient's sessions, a page at a time, and the drug given over all of
 * them: built from the session rows, their administration events and discharge, and their
 * signatures only, never from every entry of every session (a regular patient has 100+).
 */

function groupBy<T>(rows: readonly T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list === undefined) groups.set(key(row), [row]);
    else list.push(row);
  }
  return groups;
}

/** Per call: each plan version parsed once, each dose figured once per plan version and volume. */
class ListCache {
  private readonly plans = new Map<number, PlanContent>();
  private readonly doses = new Map<string, string | null>();
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
    const key = `${versionId} ${volumeMl}`;
    if (!this.doses.has(key)) this.doses.set(key, infusedDose(volumeMl, this.plan(versionId))?.mg ?? null);
    return this.doses.get(key) ?? null;
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

/** The status as the full view computes it, from the state entries, the signatures and the newest entry's ID. */
function statusOf(
  entries: readonly SessionEntryView[],
  signatures: readonly SessionSignatureRow[],
  lastEntryId: number,
): SessionStatus {
  const performed = signatures.filter((signature) => signature.meaning === 'performed');
  if (performed.length > 0) {
    return performed.some((signature) => signature.lastEntryId >= lastEntryId) ? 'Signed' : 'Amended after signing';
  }
  return sessionStatus(entries, []);
}

function listItems(context: ServiceContext, sessions: readonly SessionRow[], cache: ListCache): SessionListItem[] {
  const db = context.ledger.db;
  const ids = sessions.map((session) => session.id);
  const entries = groupBy(entryViewsOf(context, ids), (entry) => entry.sessionId);
  const signatures = groupBy(listSessionSignatures(db, ids), (signature) => signature.sessionId);
  const lasts = lastEntryIds(db, ids);
  return sessions.map((session): SessionListItem => {
    const own = (entries.get(session.id) ?? []).map((entry) => entry.view);
    const signed = signatures.get(session.id) ?? [];
    const events = effectiveEntries(own).filter((entry) => entry.kind === 'event');
    const firstOf = (type: AdministrationEvent['type']) =>
      events.find((entry) => entry.kind === 'event' && entry.content.type === type)?.occurredAt ?? null;
    const volume = summariseSession(own, null, null).volumeInfusedMl;
    return {
      id: session.id,
      patientId: session.patientId,
      planRecordId: session.planRecordId,
      planVersionId: session.planVersionId,
      seriesNumber: session.seriesNumber,
      seriesTotal: cache.plan(session.planVersionId).series.infusions,
      createdAt: session.createdAt,
      createdByPrintedName: cache.name(session.createdBy),
      status: statusOf(own, signed, lasts.get(session.id) ?? 0),
      startedAt: firstOf('start'),
      endedAt: firstOf('end') ?? firstOf('stop'),
      doseGivenMg: cache.doseMg(session.planVersionId, volume),
      signed: signed.some((signature) => signature.meaning === 'performed'),
    };
  });
}

/** The state entries of the sessions as views, each with the session it belongs to. */
function entryViewsOf(
  context: ServiceContext,
  sessionIds: readonly number[],
): { sessionId: number; view: SessionEntryView }[] {
  const rows = listStateEntries(context.ledger.db, sessionIds);
  const bySession = groupBy(rows, (row) => row.sessionId);
  return [...bySession].flatMap(([sessionId, own]) => entryViews(context, own).map((view) => ({ sessionId, view })));
}

/**
 * List items of the given sessions (status, start, end, dose: no observations read): what a
 * start's checks need of the patient's other sessions (the open one, the latest start).
 */
export function sessionListItems(context: ServiceContext, sessions: readonly SessionRow[]): SessionListItem[] {
  return listItems(context, sessions, new ListCache(context));
}

function requirePatient(context: ServiceContext, patientId: number): void {
  if (getPatient(context.ledger.db, patientId) === undefined) {
    throw new ServiceError('NOT_FOUND', `There is no patient with ID ${patientId}.`);
  }
}

/** Each session's mg (oldest first) from its events and its plan version: what the cumulative dose adds up. */
export function patientSessionDoses(context: ServiceContext, patientId: number): SessionDose[] {
  const cache = new ListCache(context);
  const sessions = allPatientSessions(context.ledger.db, patientId);
  const entries = groupBy(
    entryViewsOf(
      context,
      sessions.map((session) => session.id),
    ),
    (entry) => entry.sessionId,
  );
  return sessions.map((session) => {
    const own = (entries.get(session.id) ?? []).map((entry) => entry.view);
    const volume = summariseSession(own, null, null).volumeInfusedMl;
    return {
      sessionId: session.id,
      planRecordId: session.planRecordId,
      mg: cache.doseMg(session.planVersionId, volume),
    };
  });
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
