import type { Checklist, SessionEntryBody } from '../domain/infusion-session';
import type { EntryRow, SessionRow } from '../db/sessions-repo';
import { listEntries, listPatientSessions } from '../db/sessions-repo';
import type { Handlers, ServiceContext } from './context';
import { ServiceError } from './service-error';
import { append } from './sessions-append';
import { assertNotFuture, checkEntry } from './sessions-entry-rules';
import { acknowledgedChecklist, startFindings, withoutClientTiming } from './sessions-timing';
import { existingSession, planOf, viewOf } from './sessions-view';
import { sessionListItems } from './session-list';
import { wasteWitness } from './sessions-witness';
import { correctedSupervisedChecklist, withSupervisionFacts } from './sessions-supervision';
import { recordEndWaste, recordStartDraws, withDrawnLots } from './register-session';

/**
 * A corrected checklist is the session's start again: what its time surfaces against the plan
 * (before the signature, the interval, beyond the series) is asked and stored as at the start.
 * The reason given at the start stands for what it already answered, unless another is given.
 */
function correctedBody(
  context: ServiceContext,
  session: SessionRow,
  corrected: EntryRow,
  body: SessionEntryBody,
  occurredAt: string,
  timingReason: string | undefined,
  monitoringReason: string | undefined,
): SessionEntryBody {
  if (body.kind !== 'checklist') return withSupervisionFacts(context, withoutClientTiming(body), corrected, occurredAt);
  const others = listPatientSessions(context.ledger.db, session.patientId).filter((row) => row.id !== session.id);
  const findings = startFindings(context, {
    occurredAt,
    planVersionId: session.planVersionId,
    plan: planOf(context, session.planVersionId).content,
    patientSessions: sessionListItems(context, others),
    chartedOnPlan: session.seriesNumber - 1,
  });
  const answered = (JSON.parse(corrected.content) as Checklist).timing;
  const stands =
    answered !== undefined &&
    findings.every((finding) => answered.findings.some((earlier) => earlier.code === finding.code));
  const reason = timingReason?.trim() ? timingReason : stands ? answered.reason : timingReason;
  const acknowledged = acknowledgedChecklist(body.content, findings, reason);
  return {
    kind: 'checklist',
    content: correctedSupervisedChecklist(context, corrected, acknowledged, monitoringReason),
  };
}

function original(entries: readonly EntryRow[], entryId: number): EntryRow {
  const found = entries.find((entry) => entry.id === entryId);
  if (found === undefined) throw new ServiceError('NOT_FOUND', `Entry ${entryId} is not part of this session.`);
  return found;
}

export const sessionChartingHandlers: Handlers<'sessions.addEntry' | 'sessions.correct'> = {
  'sessions.addEntry': (context, input) => {
    const session = existingSession(context, input.sessionId);
    assertNotFuture(context, input.occurredAt);
    const drawn = withDrawnLots(context, withoutClientTiming(input.entry), input.draws);
    const body = withSupervisionFacts(context, drawn.body, null, input.occurredAt);
    checkEntry(context, session, listEntries(context.ledger.db, [session.id]), body, null, input.occurredAt);
    const witness = wasteWitness(context, body, input.witness);
    const entry = append(context, session, input.occurredAt, body, {
      correctsEntryId: null,
      correctionReason: null,
      witness,
    });
    recordStartDraws(context, session, entry, input.draws);
    recordEndWaste(context, session, entry, body, witness);
    return viewOf(context, session);
  },

  'sessions.correct': (context, input) => {
    const session = existingSession(context, input.sessionId);
    const entries = listEntries(context.ledger.db, [session.id]);
    const corrected = original(entries, input.entryId);
    if (entries.some((entry) => entry.correctsEntryId === corrected.id)) {
      throw new ServiceError('CONFLICT', 'This entry was already corrected. Correct the latest correction instead.');
    }
    if (corrected.kind !== input.entry.kind)
      throw new ServiceError('INVALID_INPUT', 'A correction keeps the kind of entry it corrects.');
    assertNotFuture(context, input.occurredAt);
    checkEntry(context, session, entries, input.entry, corrected, input.occurredAt);
    const body = correctedBody(
      context,
      session,
      corrected,
      input.entry,
      input.occurredAt,
      input.timingReason,
      input.monitoringReason,
    );
    const witness = wasteWitness(context, body, input.witness);
    append(context, session, input.occurredAt, body, {
      correctsEntryId: corrected.id,
      correctionReason: input.reason,
      witness,
    });
    return viewOf(context, session);
  },
};
