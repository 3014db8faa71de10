import type { PlanContent } from '../domain/plan';
import { getRecord, listEvents, listVersions } from '../db/records-repo';
import { insertSession, listPatientSessions, listPlanSessions } from '../db/sessions-repo';
import { keyedRowFields } from '../db/keyed-tables';
import type { Handlers } from './context';
import { requireUser } from './context';
import { checkConfiguredChecklist } from './session-configuration';
import { checkConsentBeforeInfusion } from './consent-check';
import { ServiceError } from './service-error';
import { append } from './sessions-append';
import { assertNotFuture } from './sessions-entry-rules';
import { acknowledgedChecklist, startFindings } from './sessions-timing';
import { viewOf } from './sessions-view';
import { sessionListItems } from './session-list';
import { resolvedSupervision, supervisedChecklist } from './sessions-supervision';

export const sessionStartHandlers: Handlers<'sessions.start'> = {
  'sessions.start': (context, input) => {
    const user = requireUser(context);
    const plan = getRecord(context.ledger.db, input.planRecordId);
    if (plan?.type !== 'plan') throw new ServiceError('NOT_FOUND', `There is no plan with ID ${input.planRecordId}.`);
    const versions = listVersions(context.ledger.db, [plan.id]);
    const current = versions.filter((version) => version.status === 'signed').at(-1);
    if (current === undefined)
      throw new ServiceError('NOT_READY_TO_SIGN', 'This plan is not signed yet, so no infusion can start from it.');
    // A discontinued plan stays refused, unlike a start before the interval or beyond the
    // series: those carry out an order still in force at another time, which the nurse may
    // do with a reason; a discontinued plan is an order withdrawn, so there is nothing left
    // to carry out. A physician's verbal order to go on is recorded by the physician (a new
    // plan, signed later if need be), not by the nurse's reason. A superseded version is the
    // same: the current version is the order (the refusal below sends the nurse to it).
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
    const consentWarning = checkConsentBeforeInfusion(context, plan.id, input.occurredAt, input.consentAcknowledgement);
    checkConfiguredChecklist(context, input.checklist);
    const supervision = resolvedSupervision(context, input.supervision, 'supervision');
    const existing = listPlanSessions(context.ledger.db, plan.id);
    // Status and start of each (no observations read): a regular patient has 100+ sessions.
    const patientSessions = sessionListItems(context, listPatientSessions(context.ledger.db, plan.patientId));
    const open = patientSessions.find(
      ({ status }) => status !== 'Discharged' && status !== 'Signed' && status !== 'Amended after signing',
    );
    if (open !== undefined) {
      throw new ServiceError(
        'CONFLICT',
        `Infusion session ${open.id} for this patient is still open. Finish and discharge it first.`,
      );
    }
    const findings = startFindings(context, {
      occurredAt: input.occurredAt,
      planVersionId: current.id,
      plan: JSON.parse(current.content) as PlanContent,
      patientSessions,
      chartedOnPlan: existing.length,
    });
    const checklist = supervisedChecklist(
      context,
      acknowledgedChecklist(input.checklist, findings, input.timingReason),
      supervision,
      input.monitoringReason,
    );
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
      ...(consentWarning === null ? {} : { consentWarning }),
      ...keyedRowFields(context.ledger.raw, 'infusion_sessions', session.id),
    });
    append(
      context,
      session,
      input.occurredAt,
      { kind: 'checklist', content: checklist },
      { correctsEntryId: null, correctionReason: null, witness: null },
    );
    return viewOf(context, session);
  },
};
