import type { Checklist, Discharge, SessionEntryBody } from '../domain/infusion-session';
import type { Supervision, SupervisionChoice } from '../domain/session-supervision';
import { missingMonitoring, missingMonitoringMessage } from '../domain/session-monitoring';
import { formatPrintedName } from '../domain/user';
import { currentSessionConfiguration } from '../db/session-configuration-repo';
import type { EntryRow } from '../db/sessions-repo';
import { findUserById, listUsers } from '../db/users-repo';
import type { Handlers, ServiceContext } from './context';
import { requireUser } from './context';
import { ServiceError } from './service-error';

/**
 * Supervision and monitoring at each infusion: the physician named at the start (and at each
 * handover) is resolved here to an active physician and stored with the printed name; the
 * monitoring in use is checked against the list the clinic requires; a discharge at which the
 * clinic's written instructions were given stores their text as in force then.
 */

/** The physician the nurse named, resolved: refused unless an active physician. */
export function resolvedSupervision(
  context: ServiceContext,
  choice: SupervisionChoice | undefined,
  at: string,
): Supervision {
  if (choice === undefined) {
    throw new ServiceError(
      'INVALID_INPUT',
      'Name the physician on site or immediately available who supervises this infusion.',
      [{ path: at, message: 'Choose the supervising physician' }],
    );
  }
  const user = findUserById(context.ledger.db, choice.physicianUserId);
  if (user === undefined || user.role !== 'physician' || !user.active) {
    throw new ServiceError(
      'INVALID_INPUT',
      'The supervising physician must be an active physician of the clinic. Choose one from the list.',
      [{ path: `${at}.physicianUserId`, message: 'Choose an active physician' }],
    );
  }
  return { physicianUserId: user.id, printedName: formatPrintedName(user), availability: choice.availability };
}

/**
 * The checklist as stored at the start: the supervising physician resolved, and the monitoring
 * checked against what the clinic requires now. Required monitoring not in use is refused
 * unless a reason is given, which is stored (and so audited with the entry, signed and printed).
 * Whatever the client sent for the server-set fields is replaced.
 */
export function supervisedChecklist(
  context: ServiceContext,
  checklist: Checklist,
  supervision: Supervision,
  monitoringReason: string | undefined,
): Checklist {
  const content: Checklist = { ...checklist, supervision };
  delete content.monitoringAcknowledgement;
  const required = currentSessionConfiguration(context.ledger.db).content.requiredMonitoring;
  const missing = missingMonitoring(required, checklist.monitoring);
  if (missing.length === 0) return content;
  const reason = monitoringReason ?? '';
  if (reason.trim() === '') {
    throw new ServiceError('INVALID_INPUT', missingMonitoringMessage(missing), [
      { path: 'monitoringReason', message: 'Give the reason for going ahead without this monitoring' },
    ]);
  }
  return { ...content, monitoringAcknowledgement: { missing, reason } };
}

/**
 * A corrected checklist keeps who supervised (a handover is charted, not corrected in). Only
 * required monitoring the original had in use and the correction takes out needs a (new)
 * reason: what the original already went without keeps its reason (or, for a checklist from
 * before monitoring was recorded, needs none), so older sessions stay correctable.
 */
export function correctedSupervisedChecklist(
  context: ServiceContext,
  corrected: EntryRow,
  checklist: Checklist,
  monitoringReason: string | undefined,
): Checklist {
  const original = JSON.parse(corrected.content) as Checklist;
  const required = currentSessionConfiguration(context.ledger.db).content.requiredMonitoring;
  const missing = missingMonitoring(required, checklist.monitoring);
  const dropped = missing.filter((item) => original.monitoring?.[item] === true);
  const given = (monitoringReason ?? '').trim() === '' ? undefined : monitoringReason;
  if (dropped.length > 0 && given === undefined) {
    throw new ServiceError('INVALID_INPUT', missingMonitoringMessage(dropped), [
      { path: 'monitoringReason', message: 'Give the reason for going ahead without this monitoring' },
    ]);
  }
  const content: Checklist = { ...checklist };
  delete content.supervision;
  delete content.monitoringAcknowledgement;
  if (original.supervision !== undefined) content.supervision = original.supervision;
  const reason = given ?? original.monitoringAcknowledgement?.reason;
  return missing.length === 0 || reason === undefined
    ? content
    : { ...content, monitoringAcknowledgement: { missing, reason } };
}

/** A handover's physician resolved to an active physician, with the printed name as now. */
function handover(context: ServiceContext, body: SessionEntryBody): SessionEntryBody {
  if (body.kind !== 'supervision') return body;
  const supervision = resolvedSupervision(context, body.content, 'entry.content');
  return { kind: 'supervision', content: { ...body.content, ...supervision } };
}

/**
 * A discharge at which instructions were given stores the clinic's text in force (a correction
 * keeps the text its original stored); given by the nurse charting it, at its time.
 */
function discharge(
  context: ServiceContext,
  body: SessionEntryBody,
  correcting: EntryRow | null,
  occurredAt: string,
): SessionEntryBody {
  if (body.kind !== 'discharge') return body;
  const content: Discharge = { ...body.content };
  delete content.instructions;
  if (!content.instructionsGiven) return { kind: 'discharge', content };
  const earlier =
    correcting?.kind === 'discharge' ? (JSON.parse(correcting.content) as Discharge).instructions : undefined;
  if (earlier !== undefined) return { kind: 'discharge', content: { ...content, instructions: earlier } };
  const configuration = currentSessionConfiguration(context.ledger.db);
  const written = configuration.content.dischargeInstructions;
  if (written === undefined || written.text.trim() === '') return { kind: 'discharge', content };
  const instructions = {
    configurationVersion: configuration.version,
    versionLabel: written.version,
    text: written.text,
    givenBy: formatPrintedName(requireUser(context)),
    givenAt: occurredAt,
  };
  return { kind: 'discharge', content: { ...content, instructions } };
}

/** Server-set parts of a handover or a discharge (added or corrected). */
export function withSupervisionFacts(
  context: ServiceContext,
  body: SessionEntryBody,
  correcting: EntryRow | null,
  occurredAt: string,
): SessionEntryBody {
  return discharge(context, handover(context, body), correcting, occurredAt);
}

export const sessionPhysicianHandlers: Handlers<'sessions.physicians'> = {
  /** The active physicians a nurse may name as supervising: names only, nothing else of theirs. */
  'sessions.physicians': (context) => ({
    physicians: listUsers(context.ledger.db)
      .filter((user) => user.role === 'physician' && user.active)
      .map((user) => ({ userId: user.id, printedName: formatPrintedName(user) })),
  }),
};
