import type { AdministrationEvent, SessionEntryBody } from '../domain/infusion-session';
import { programmedRateMlPerH } from '../domain/dose';
import { toDecimal } from '../domain/quantity';
import { sequenceProblem } from '../domain/session-sequence';
import { effectiveEntries, eventRefusal, pumpState } from '../domain/session-state';
import { summariseSession } from '../domain/session-summary';
import { volumeOffPlan, volumeOffPlanText } from '../domain/session-volume';
import { lastUseDay } from '../domain/lot-expiry';
import { formatDate, localDate } from '../domain/time';
import type { EntryRow, SessionRow } from '../db/sessions-repo';
import type { ServiceContext } from './context';
import { requireClinic } from './context';
import { checkConfiguredEntry } from './session-configuration';
import { ServiceError } from './service-error';
import { entryViews, planOf } from './sessions-view';

/** Five minutes of clock difference between devices is tolerated; later is the future. */
const futureToleranceMs = 5 * 60_000;

export function assertNotFuture(context: ServiceContext, occurredAt: string): void {
  if (Date.parse(occurredAt) > context.now.getTime() + futureToleranceMs) {
    throw new ServiceError('INVALID_INPUT', 'The time it happened is in the future. Check the time.', [
      { path: 'occurredAt', message: 'This time is in the future' },
    ]);
  }
}

/** Rules that depend on what was charted before, the plan, and who is charting. */
export function checkEntry(
  context: ServiceContext,
  session: SessionRow,
  entries: EntryRow[],
  body: SessionEntryBody,
  correcting: EntryRow | null,
  occurredAt: string,
): void {
  // Only the entries are checked: not the whole view (plan, signatures, author) that toView builds.
  const views = entryViews(context, entries);
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
    checkGapExplanations(context, session, others, body.content.gapExplanations ?? []);
  }
  const outOfOrder = sequenceProblem(
    views,
    { kind: body.kind, eventType: body.kind === 'event' ? body.content.type : null, occurredAt },
    correcting?.id ?? null,
    requireClinic(context).timeZone,
  );
  if (outOfOrder !== null) {
    throw new ServiceError('INVALID_INPUT', outOfOrder, [{ path: 'occurredAt', message: 'Check the time' }]);
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
  const plannedComputed = planOf(context, session.planVersionId).computed;
  const planned = plannedComputed === null ? null : programmedRateMlPerH(plannedComputed.derived);
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
  // An end far from the planned volume asks why, as an early stop does; after an early stop
  // its reason already says why less went in.
  const stoppedEarly = pumpState(others) === 'stopped';
  if (event.type === 'end' && event.volumeInfusedMl !== null && !stoppedEarly && reasonMissing) {
    const plannedVolumeMl = planOf(context, session.planVersionId).computed?.derived.finalVolumeMl ?? null;
    const off = volumeOffPlan(event.volumeInfusedMl, plannedVolumeMl);
    if (off !== null) {
      throw new ServiceError('INVALID_INPUT', `${volumeOffPlanText(event.volumeInfusedMl, off)} Give the reason.`, [
        { path: 'entry.content.reason', message: 'Give the reason the volume differs from the plan' },
      ]);
    }
  }
}

/** Each explanation answers a stretch without a check that the record shows (not one since changed). */
function checkGapExplanations(
  context: ServiceContext,
  session: SessionRow,
  others: ReturnType<typeof entryViews>,
  explanations: readonly { fromAt: string; untilAt: string; explanation: string }[],
): void {
  if (explanations.length === 0) return;
  const { content, computed } = planOf(context, session.planVersionId);
  const { gaps } = summariseSession(
    others,
    computed === null ? null : programmedRateMlPerH(computed.derived),
    content.monitoringIntervalMin,
  );
  explanations.forEach((explanation, index) => {
    const known = gaps.some((gap) => gap.fromAt === explanation.fromAt && gap.untilAt === explanation.untilAt);
    if (!known || explanation.explanation.trim() === '') {
      throw new ServiceError(
        'INVALID_INPUT',
        known
          ? 'Write the explanation of the stretch without a check, or leave it out.'
          : 'An explanation is given for a stretch without a check that the record does not show (it may have changed since). Read the session again.',
        [
          {
            path: `entry.content.gapExplanations.${index}`,
            message: known ? 'Write the explanation' : 'Not a gap now',
          },
        ],
      );
    }
  });
}
