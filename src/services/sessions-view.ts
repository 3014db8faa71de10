import type { AdministrationEvent } from '../domain/infusion-session';
import { programmedRateMlPerH } from '../domain/dose';
import type { PlanContent } from '../domain/plan';
import type { PlanComputed } from '../domain/record-view';
import { effectiveEntries, sessionStatus } from '../domain/session-state';
import type { SessionEntryView, SessionView } from '../domain/session-view';
import { formatPrintedName } from '../domain/user';
import { getVersion } from '../db/records-repo';
import type { EntryRow, SessionRow } from '../db/sessions-repo';
import { getSession, listEntries, listSessionSignatures } from '../db/sessions-repo';
import { parsedStoredJson } from '../db/stored-json';
import { findUserById } from '../db/users-repo';
import { currentSessionConfiguration } from '../db/session-configuration-repo';
import type { ServiceContext } from './context';
import { ServiceError } from './service-error';

export function planOf(
  context: ServiceContext,
  versionId: number,
): { content: PlanContent; computed: PlanComputed | null; signedAt: string | null } {
  const db = context.ledger.db;
  const version = getVersion(db, versionId);
  if (version === undefined) throw new Error(`plan version ${versionId} missing`);
  // A session's plan version is signed (frozen): its JSON is parsed once per connection.
  const parse = <T>(column: string, text: string): T =>
    version.status === 'signed'
      ? parsedStoredJson<T>(db, `record_versions.${column}`, version.id, text)
      : (JSON.parse(text) as T);
  return {
    content: parse<PlanContent>('content', version.content),
    computed: version.computed === null ? null : parse<PlanComputed>('computed', version.computed),
    signedAt: version.signedAt,
  };
}

/** The entries as a session view lists them, in the order they happened (what the charting rules check). */
export function entryViews(context: ServiceContext, entries: readonly EntryRow[]): SessionEntryView[] {
  const correctedBy = new Map(
    entries.filter((entry) => entry.correctsEntryId !== null).map((entry) => [entry.correctsEntryId, entry.id]),
  );
  return entries
    .map((entry): SessionEntryView => ({
      id: entry.id,
      kind: entry.kind,
      occurredAt: entry.occurredAt,
      recordedAt: entry.recordedAt,
      userId: entry.userId,
      printedName: entry.printedName,
      correctsEntryId: entry.correctsEntryId,
      correctionReason: entry.correctionReason,
      correctedByEntryId: correctedBy.get(entry.id) ?? null,
      witnessPrintedName: entry.witnessPrintedName,
      // Entries are append-only (the database refuses to change them): parsed once per connection.
      content: parsedStoredJson<never>(context.ledger.db, 'session_entries.content', entry.id, entry.content),
    }))
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id - b.id);
}

export function toView(
  context: ServiceContext,
  session: SessionRow,
  entries: EntryRow[],
  names: Map<number, string>,
): SessionView {
  const { content, computed, signedAt } = planOf(context, session.planVersionId);
  const signatures = listSessionSignatures(context.ledger.db, [session.id]);
  const views = entryViews(context, entries);
  const standing = effectiveEntries(views);
  const events = standing.filter((entry) => entry.kind === 'event');
  const firstOf = (type: AdministrationEvent['type']) =>
    events.find((entry) => entry.kind === 'event' && entry.content.type === type)?.occurredAt ?? null;
  const status = sessionStatus(views, signatures);
  // Read only where a recovery countdown can run (stopped or ended, not yet discharged).
  const recoveryCheckIntervalMin =
    status === 'Stopped' || status === 'Ended'
      ? (currentSessionConfiguration(context.ledger.db).content.requiredMonitoring?.recoveryCheckIntervalMin ?? null)
      : null;
  let creator = names.get(session.createdBy);
  if (creator === undefined) {
    const user = findUserById(context.ledger.db, session.createdBy);
    creator = user === undefined ? `User ${session.createdBy}` : formatPrintedName(user);
    names.set(session.createdBy, creator);
  }
  return {
    id: session.id,
    patientId: session.patientId,
    planRecordId: session.planRecordId,
    planVersionId: session.planVersionId,
    seriesNumber: session.seriesNumber,
    seriesTotal: content.series.infusions,
    createdAt: session.createdAt,
    createdByPrintedName: creator,
    status,
    plannedRateMlPerH: computed === null ? null : programmedRateMlPerH(computed.derived),
    monitoringIntervalMin: content.monitoringIntervalMin,
    recoveryCheckIntervalMin,
    planSignedAt: signedAt,
    plannedDurationMin: content.durationMin,
    plannedVolumeMl: computed?.derived.finalVolumeMl ?? null,
    startedAt: firstOf('start'),
    endedAt: firstOf('end') ?? firstOf('stop'),
    lastObservationAt: standing.filter((entry) => entry.kind === 'observation').at(-1)?.occurredAt ?? null,
    entries: views,
    signatures: signatures.map((signature) => ({
      id: signature.id,
      signerUserId: signature.signerUserId,
      printedName: signature.printedName,
      meaning: signature.meaning,
      signedAt: signature.signedAt,
      lastEntryId: signature.lastEntryId,
      contentSha256: signature.contentSha256,
    })),
  };
}

export function viewOf(context: ServiceContext, session: SessionRow): SessionView {
  return toView(context, session, listEntries(context.ledger.db, [session.id]), new Map());
}

/** Views of many sessions, built exactly as the handlers build one (the auditor export uses it). */
export function sessionViews(context: ServiceContext, sessions: readonly SessionRow[]): SessionView[] {
  const entries = listEntries(
    context.ledger.db,
    sessions.map((session) => session.id),
  );
  const bySession = new Map<number, EntryRow[]>();
  for (const entry of entries) {
    const list = bySession.get(entry.sessionId);
    if (list === undefined) bySession.set(entry.sessionId, [entry]);
    else list.push(entry);
  }
  const names = new Map<number, string>();
  return sessions.map((session) => toView(context, session, bySession.get(session.id) ?? [], names));
}

export function existingSession(context: ServiceContext, sessionId: number): SessionRow {
  const session = getSession(context.ledger.db, sessionId);
  if (session === undefined) throw new ServiceError('NOT_FOUND', `There is no infusion session with ID ${sessionId}.`);
  return session;
}
