import type { JsonValue } from '../domain/canonical-json';
import type { AdministrationEvent, SessionEntryBody } from '../domain/infusion-session';
import type { PlanContent } from '../domain/plan';
import type { PlanComputed } from '../domain/record-view';
import { toDecimal } from '../domain/quantity';
import { effectiveEntries, eventRefusal, pumpState, sessionStatus } from '../domain/session-state';
import type { SessionEntryView, SessionView } from '../domain/session-view';
import { lastUseDay } from '../domain/lot-expiry';
import { formatDate, localDate } from '../domain/time';
import { formatPrintedName } from '../domain/user';
import { getPatient } from '../db/patients-repo';
import { getRecord, getVersion, listEvents, listVersions } from '../db/records-repo';
import type { EntryRow, SessionRow } from '../db/sessions-repo';
import {
  getSession,
  insertEntry,
  insertSession,
  insertSessionSignature,
  listEntries,
  listPatientSessions,
  listPlanSessions,
  listSessionSignatures,
  sessionDocumentText,
  sessionProgress,
} from '../db/sessions-repo';
import { sha256Hex } from '../db/hash';
import { findUserById, findUserByUsername } from '../db/users-repo';
import type { Handlers, ServiceContext } from './context';
import { requireClinic, requireUser } from './context';
import { storeSignedSessionRecord } from './documents';
import { checkSigner } from './records';
import { checkConfiguredChecklist, checkConfiguredEntry } from './session-configuration';
import { verifyPassword } from './passwords';
import { ServiceError } from './service-error';

/** Five minutes of clock difference between devices is tolerated; later is the future. */
const futureToleranceMs = 5 * 60_000;

function planOf(context: ServiceContext, versionId: number): { content: PlanContent; computed: PlanComputed | null } {
  const version = getVersion(context.ledger.db, versionId);
  if (version === undefined) throw new Error(`plan version ${versionId} missing`);
  return {
    content: JSON.parse(version.content) as PlanContent,
    computed: version.computed === null ? null : (JSON.parse(version.computed) as PlanComputed),
  };
}

function toView(
  context: ServiceContext,
  session: SessionRow,
  entries: EntryRow[],
  names: Map<number, string>,
): SessionView {
  const { content, computed } = planOf(context, session.planVersionId);
  const signatures = listSessionSignatures(context.ledger.db, [session.id]);
  const correctedBy = new Map(
    entries.filter((entry) => entry.correctsEntryId !== null).map((entry) => [entry.correctsEntryId, entry.id]),
  );
  const views = entries
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
      content: JSON.parse(entry.content) as never,
    }))
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id - b.id);
  const standing = effectiveEntries(views);
  const events = standing.filter((entry) => entry.kind === 'event');
  const firstOf = (type: AdministrationEvent['type']) =>
    events.find((entry) => entry.kind === 'event' && entry.content.type === type)?.occurredAt ?? null;
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
    status: sessionStatus(views, signatures),
    plannedRateMlPerH: computed?.derived.rateMlPerH ?? null,
    monitoringIntervalMin: content.monitoringIntervalMin,
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

function viewOf(context: ServiceContext, session: SessionRow): SessionView {
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

function existingSession(context: ServiceContext, sessionId: number): SessionRow {
  const session = getSession(context.ledger.db, sessionId);
  if (session === undefined) throw new ServiceError('NOT_FOUND', `There is no infusion session with ID ${sessionId}.`);
  return session;
}

function assertNotFuture(context: ServiceContext, occurredAt: string): void {
  if (Date.parse(occurredAt) > context.now.getTime() + futureToleranceMs) {
    throw new ServiceError('INVALID_INPUT', 'The time it happened is in the future. Check the time.', [
      { path: 'occurredAt', message: 'This time is in the future' },
    ]);
  }
}

/** Checks a witness: another active clinician, who proves it is them with their password. */
function witnessFor(
  context: ServiceContext,
  witness: { username: string; password: string } | undefined,
): { userId: number; printedName: string } {
  const user = requireUser(context);
  if (witness === undefined) {
    throw new ServiceError(
      'INVALID_INPUT',
      'Discarded drug must be witnessed: the witness enters their user ID and password.',
      [{ path: 'witness', message: 'A witness is required' }],
    );
  }
  const row = findUserByUsername(context.ledger.db, witness.username);
  if (row === undefined || !row.active || !verifyPassword(witness.password, row.passwordHash)) {
    throw new ServiceError('INVALID_CREDENTIALS', 'The witness user ID or password is not right.', [
      { path: 'witness', message: 'Witness user ID or password not right' },
    ]);
  }
  if (row.id === user.id)
    throw new ServiceError('INVALID_INPUT', 'The witness must be someone else.', [
      { path: 'witness', message: 'Choose another person' },
    ]);
  if (row.role !== 'nurse' && row.role !== 'physician') {
    throw new ServiceError('INVALID_INPUT', 'The witness must be a nurse or a physician.', [
      { path: 'witness', message: 'Not a clinician' },
    ]);
  }
  return { userId: row.id, printedName: formatPrintedName(row) };
}

/** Rules that depend on what was charted before, the plan, and who is charting. */
function checkEntry(
  context: ServiceContext,
  session: SessionRow,
  entries: EntryRow[],
  body: SessionEntryBody,
  correcting: EntryRow | null,
  occurredAt: string,
): void {
  const views = toView(context, session, entries, new Map()).entries;
  const others = correcting === null ? views : views.filter((entry) => entry.id !== correcting.id);
  if (body.kind === 'checklist' && correcting === null) {
    throw new ServiceError(
      'INVALID_INPUT',
      'The pre-infusion checklist is recorded once, when the session starts. Correct it instead.',
    );
  }
  if (body.kind === 'discharge') {
    const state = pumpState(others);
    if (state !== 'ended' && state !== 'stopped') {
      throw new ServiceError('INVALID_INPUT', 'Discharge comes after the infusion has ended or been stopped.');
    }
    if (correcting === null && effectiveEntries(others).some((entry) => entry.kind === 'discharge')) {
      throw new ServiceError('INVALID_INPUT', 'The discharge is already recorded. Correct it instead.');
    }
  }
  checkConfiguredEntry(context, body, correcting);
  if (body.kind !== 'event') return;
  const event = body.content;
  if (correcting === null) {
    const refusal = eventRefusal(pumpState(others), event.type);
    if (refusal !== null) throw new ServiceError('INVALID_INPUT', refusal);
  } else if (
    correcting.kind !== 'event' ||
    (JSON.parse(correcting.content) as AdministrationEvent).type !== event.type
  ) {
    throw new ServiceError(
      'INVALID_INPUT',
      'A correction keeps the kind of event it corrects. Chart a new event instead.',
    );
  }
  const needsRate = event.type === 'start' || event.type === 'resume' || event.type === 'rate-change';
  if (needsRate && event.rateMlPerH === null) {
    throw new ServiceError('INVALID_INPUT', 'Enter the pump rate in mL/h.', [
      { path: 'entry.content.rateMlPerH', message: 'Enter the rate in mL/h' },
    ]);
  }
  const reasonMissing = event.reason.trim() === '';
  if ((event.type === 'rate-change' || event.type === 'stop') && reasonMissing) {
    throw new ServiceError('INVALID_INPUT', 'Give the reason.', [
      { path: 'entry.content.reason', message: 'Give the reason' },
    ]);
  }
  const planned = planOf(context, session.planVersionId).computed?.derived.rateMlPerH ?? null;
  if (
    needsRate &&
    event.rateMlPerH !== null &&
    planned !== null &&
    !toDecimal(event.rateMlPerH).equals(planned) &&
    reasonMissing
  ) {
    throw new ServiceError(
      'INVALID_INPUT',
      `The rate ${event.rateMlPerH} mL/h differs from the plan's ${planned} mL/h. Give the reason for the deviation.`,
      [{ path: 'entry.content.reason', message: 'Give the reason for the deviation from the plan' }],
    );
  }
  if (event.type === 'start' && (event.lotNumber.trim() === '' || event.lotExpiry === '')) {
    throw new ServiceError('INVALID_INPUT', 'Record the lot number and expiry of the drug.', [
      { path: 'entry.content.lotNumber', message: 'Enter the lot number and expiry' },
    ]);
  }
  if (event.lotExpiry !== '') {
    const lastDay = lastUseDay(event.lotExpiry);
    if (lastDay < localDate(new Date(occurredAt), requireClinic(context).timeZone)) {
      throw new ServiceError(
        'INVALID_INPUT',
        `This lot expired: it could be used until ${formatDate(lastDay)} only. Use a vial from a lot that has not expired.`,
        [{ path: 'entry.content.lotExpiry', message: `Expired on ${formatDate(lastDay)}` }],
      );
    }
  }
  if (event.type === 'end' && event.volumeInfusedMl === null) {
    throw new ServiceError('INVALID_INPUT', 'Record the volume infused.', [
      { path: 'entry.content.volumeInfusedMl', message: 'Enter the volume infused' },
    ]);
  }
}

function append(
  context: ServiceContext,
  session: SessionRow,
  occurredAt: string,
  body: SessionEntryBody,
  extra: {
    correctsEntryId: number | null;
    correctionReason: string | null;
    witness: { userId: number; printedName: string } | null;
  },
): EntryRow {
  const user = requireUser(context);
  const entry = insertEntry(context.ledger.db, {
    sessionId: session.id,
    kind: body.kind,
    occurredAt,
    recordedAt: context.nowIso,
    userId: user.id,
    printedName: formatPrintedName(user),
    content: body.content,
    correctsEntryId: extra.correctsEntryId,
    correctionReason: extra.correctionReason,
    witnessUserId: extra.witness?.userId ?? null,
    witnessPrintedName: extra.witness?.printedName ?? null,
  });
  context.audit(
    extra.correctsEntryId === null ? 'session.entry-added' : 'session.entry-corrected',
    'session',
    session.id,
    {
      entryId: entry.id,
      kind: body.kind,
      occurredAt,
      content: body.content as unknown as JsonValue,
      ...(extra.correctsEntryId === null
        ? {}
        : { correctsEntryId: extra.correctsEntryId, reason: extra.correctionReason }),
      ...(extra.witness === null ? {} : { witnessUserId: extra.witness.userId }),
    },
  );
  return entry;
}

function wasteWitness(
  context: ServiceContext,
  body: SessionEntryBody,
  witness: { username: string; password: string } | undefined,
) {
  const wasted = body.kind === 'event' && body.content.wasteMg !== null && !toDecimal(body.content.wasteMg).isZero();
  return wasted ? witnessFor(context, witness) : null;
}

export const sessionHandlers: Handlers<
  | 'sessions.start'
  | 'sessions.addEntry'
  | 'sessions.correct'
  | 'sessions.sign'
  | 'sessions.get'
  | 'sessions.status'
  | 'sessions.list'
> = {
  'sessions.start': (context, input) => {
    const user = requireUser(context);
    const plan = getRecord(context.ledger.db, input.planRecordId);
    if (plan?.type !== 'plan') throw new ServiceError('NOT_FOUND', `There is no plan with ID ${input.planRecordId}.`);
    const versions = listVersions(context.ledger.db, [plan.id]);
    const current = versions.filter((version) => version.status === 'signed').at(-1);
    if (current === undefined)
      throw new ServiceError('NOT_READY_TO_SIGN', 'This plan is not signed yet, so no infusion can start from it.');
    if (listEvents(context.ledger.db, [plan.id]).some((event) => event.kind === 'discontinued')) {
      throw new ServiceError('FROZEN', 'This plan is discontinued. No infusion can start from it.');
    }
    if (current.id !== input.planVersionId) {
      throw new ServiceError(
        'CONFLICT',
        `The plan was amended since you opened it: version ${current.version} is now the current one. Read the current plan, then start the infusion again.`,
      );
    }
    assertNotFuture(context, input.occurredAt);
    checkConfiguredChecklist(context, input.checklist);
    const existing = listPlanSessions(context.ledger.db, plan.id);
    const open = listPatientSessions(context.ledger.db, plan.patientId).find((session) => {
      const status = viewOf(context, session).status;
      return status !== 'Discharged' && status !== 'Signed' && status !== 'Amended after signing';
    });
    if (open !== undefined) {
      throw new ServiceError(
        'CONFLICT',
        `Infusion session ${open.id} for this patient is still open. Finish and discharge it first.`,
      );
    }
    const total = (JSON.parse(current.content) as PlanContent).series.infusions;
    if (total !== null && existing.length >= total) {
      throw new ServiceError(
        'CONFLICT',
        `All ${total} infusions of this plan are already charted. The physician must amend the plan to add more.`,
      );
    }
    const session = insertSession(context.ledger.db, {
      patientId: plan.patientId,
      planRecordId: plan.id,
      planVersionId: current.id,
      seriesNumber: existing.length + 1,
      createdAt: context.nowIso,
      createdBy: user.id,
    });
    context.audit('session.started', 'session', session.id, {
      planRecordId: plan.id,
      planVersionId: current.id,
      seriesNumber: session.seriesNumber,
    });
    append(
      context,
      session,
      input.occurredAt,
      { kind: 'checklist', content: input.checklist },
      { correctsEntryId: null, correctionReason: null, witness: null },
    );
    return viewOf(context, session);
  },

  'sessions.addEntry': (context, input) => {
    const session = existingSession(context, input.sessionId);
    assertNotFuture(context, input.occurredAt);
    checkEntry(context, session, listEntries(context.ledger.db, [session.id]), input.entry, null, input.occurredAt);
    const witness = wasteWitness(context, input.entry, input.witness);
    append(context, session, input.occurredAt, input.entry, { correctsEntryId: null, correctionReason: null, witness });
    return viewOf(context, session);
  },

  'sessions.correct': (context, input) => {
    const session = existingSession(context, input.sessionId);
    const entries = listEntries(context.ledger.db, [session.id]);
    const original = entries.find((entry) => entry.id === input.entryId);
    if (original === undefined)
      throw new ServiceError('NOT_FOUND', `Entry ${input.entryId} is not part of this session.`);
    if (entries.some((entry) => entry.correctsEntryId === original.id)) {
      throw new ServiceError('CONFLICT', 'This entry was already corrected. Correct the latest correction instead.');
    }
    if (original.kind !== input.entry.kind)
      throw new ServiceError('INVALID_INPUT', 'A correction keeps the kind of entry it corrects.');
    assertNotFuture(context, input.occurredAt);
    checkEntry(context, session, entries, input.entry, original, input.occurredAt);
    const witness = wasteWitness(context, input.entry, input.witness);
    append(context, session, input.occurredAt, input.entry, {
      correctsEntryId: original.id,
      correctionReason: input.reason,
      witness,
    });
    return viewOf(context, session);
  },

  'sessions.sign': (context, input) => {
    const user = requireUser(context);
    const session = existingSession(context, input.sessionId);
    if (input.meaning === 'performed' && user.role !== 'nurse')
      throw new ServiceError('FORBIDDEN', 'The nurse who performed the infusion signs "performed".');
    if (input.meaning === 'reviewed' && user.role !== 'physician')
      throw new ServiceError('FORBIDDEN', 'Only a physician co-signs "reviewed".');
    const entries = listEntries(context.ledger.db, [session.id]);
    const view = toView(context, session, entries, new Map());
    if (!effectiveEntries(view.entries).some((entry) => entry.kind === 'discharge')) {
      throw new ServiceError('NOT_READY_TO_SIGN', 'Record the discharge before signing the session.');
    }
    if (input.meaning === 'reviewed' && !view.signatures.some((signature) => signature.meaning === 'performed')) {
      throw new ServiceError(
        'NOT_READY_TO_SIGN',
        'The nurse signs the session first; then a physician may co-sign it.',
      );
    }
    const refused = checkSigner(context, input.username, input.password);
    if (refused !== null) return refused;
    const lastEntryId = Math.max(...entries.map((entry) => entry.id));
    if (input.lastEntryId !== lastEntryId) {
      throw new ServiceError(
        'CONFLICT',
        'More was charted on this session since you opened it (on another device, say). Read the new entries, then sign again.',
      );
    }
    const recordJson = sessionDocumentText(session, entries, lastEntryId);
    const sha256 = sha256Hex(recordJson);
    const signature = insertSessionSignature(context.ledger.db, {
      sessionId: session.id,
      signerUserId: user.id,
      printedName: formatPrintedName(user),
      meaning: input.meaning,
      signedAt: context.nowIso,
      lastEntryId,
      contentSha256: sha256,
    });
    context.signIn.signedOnce = true;
    context.audit('session.signed', 'session', session.id, { meaning: input.meaning, lastEntryId, sha256 });
    const signed = viewOf(context, session);
    storeSignedSessionRecord(context, {
      view: signed,
      signatureId: signature.id,
      recordJson,
      recordSha256: sha256,
      signer: user,
      password: input.password,
    });
    return signed;
  },

  'sessions.get': (context, input) => {
    const session = existingSession(context, input.sessionId);
    context.audit('session.viewed', 'session', session.id, { patientId: session.patientId });
    return viewOf(context, session);
  },

  'sessions.status': (context, input) => {
    const session = existingSession(context, input.sessionId);
    const now = sessionProgress(context.ledger.db, session.id);
    const changed = now.lastEntryId !== input.lastEntryId || now.signatureCount !== input.signatureCount;
    return { ...now, session: changed ? viewOf(context, session) : null };
  },

  'sessions.list': (context, input) => {
    if (getPatient(context.ledger.db, input.patientId) === undefined) {
      throw new ServiceError('NOT_FOUND', `There is no patient with ID ${input.patientId}.`);
    }
    return { sessions: sessionViews(context, listPatientSessions(context.ledger.db, input.patientId)) };
  },
};
