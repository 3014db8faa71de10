import type { JsonValue } from '../domain/canonical-json';
import { emptyReview } from '../domain/course-review';
import { emptyExam } from '../domain/exam';
import { emptyPlan } from '../domain/plan';
import { diffRecords } from '../domain/record-diff';
import { currentFormulary } from '../db/formulary-repo';
import { getPatient } from '../db/patients-repo';
import { deleteDraft, insertRecord, insertVersion, updateDraft } from '../db/records-repo';
import { keyedRowDeleted, keyedRowFields } from '../db/keyed-tables';
import type { Handlers } from './context';
import { requireUser } from './context';
import { assertDraftCurrent } from './draft-conflict';
import { assertRiskScreenKept, withConfiguredRiskScreen } from './exam-risk-screen';
import { withCarriedOverPretreatment, stampPretreatment } from './pretreatment-results';
import { ownDraft, signedCandidateExam } from './record-lookup';
import { viewOf } from './record-views';
import { reviewedPlan } from './review-computed';
import { ServiceError } from './service-error';

/** Starting a record, and changing or discarding a draft (only its author may). */
export const recordDraftHandlers: Handlers<'records.create' | 'records.saveDraft' | 'records.discardDraft'> = {
  'records.create': (context, input) => {
    const user = requireUser(context);
    if (getPatient(context.ledger.db, input.patientId) === undefined) {
      throw new ServiceError('NOT_FOUND', `There is no patient with ID ${input.patientId}.`);
    }
    const formulary = currentFormulary(context.ledger.db);
    let content: JsonValue;
    let examVersionId: number | null = null;
    if (input.type === 'exam') {
      content = withConfiguredRiskScreen(context, emptyExam(formulary.content.screeningItems));
      content = withCarriedOverPretreatment(context, input.patientId, content);
    } else if (input.type === 'review') {
      // Refused here, not only at signing: a review names its plan from the start.
      reviewedPlan(context, input.patientId, input.planRecordId);
      content = emptyReview(input.planRecordId);
    } else {
      const exam = signedCandidateExam(context, input.patientId, input.examRecordId);
      examVersionId = exam.version.id;
      const weight = exam.content.weight === null ? null : { ...exam.content.weight, from: 'exam' as const };
      content = { ...emptyPlan, weight };
    }
    const record = insertRecord(context.ledger.db, input.type, input.patientId, user.id, context.nowIso);
    const version = insertVersion(
      context.ledger.db,
      {
        recordId: record.id,
        version: 1,
        content,
        amendsVersionId: null,
        amendmentReason: null,
        examVersionId,
        formularyVersion: input.type === 'plan' ? formulary.version : null,
        authorUserId: user.id,
      },
      context.nowIso,
    );
    context.audit('record.created', record.type, record.id, {
      patientId: record.patientId,
      versionId: version.id,
      examVersionId,
      ...(input.type === 'review' ? { planRecordId: input.planRecordId } : {}),
      ...keyedRowFields(context.ledger.raw, 'records', record.id),
      ...keyedRowFields(context.ledger.raw, 'record_versions', version.id),
    });
    return viewOf(context, record);
  },

  'records.saveDraft': (context, input) => {
    const { record, version } = ownDraft(context, input.versionId);
    if (record.type !== input.type)
      throw new ServiceError('INVALID_INPUT', `Version ${version.id} is not a ${input.type}.`);
    assertDraftCurrent(context, record, version, input.expectedUpdatedAt);
    const before = JSON.parse(version.content) as JsonValue;
    if (input.type === 'exam') assertRiskScreenKept(before as object, input.content);
    const after = (input.type === 'exam'
      ? stampPretreatment(context, before as object, input.content)
      : input.content) as unknown as JsonValue;
    const changes = diffRecords(before, after);
    if (changes.length === 0) return viewOf(context, record);
    updateDraft(context.ledger.db, version.id, { content: after }, context.nowIso);
    context.audit('record.draft-saved', record.type, record.id, {
      versionId: version.id,
      ...keyedRowFields(context.ledger.raw, 'record_versions', version.id),
      changes: changes.map((change) => ({ path: change.path, from: change.before ?? null, to: change.after ?? null })),
    });
    return viewOf(context, record);
  },

  'records.discardDraft': (context, input) => {
    const { record, version } = ownDraft(context, input.versionId);
    deleteDraft(context.ledger.db, version.id);
    const recordDeleted = version.version === 1;
    if (recordDeleted) context.ledger.raw.prepare('DELETE FROM records WHERE id = ?').run(record.id);
    context.audit('record.draft-discarded', record.type, record.id, {
      versionId: version.id,
      version: version.version,
      recordDeleted,
      ...keyedRowDeleted('record_versions', version.id),
      ...(recordDeleted ? keyedRowDeleted('records', record.id) : {}),
    });
    return { recordId: record.id, recordDeleted };
  },
};
