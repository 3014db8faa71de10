import type { JsonValue } from '../domain/canonical-json';
import { reviewSigningProblems } from '../domain/course-review';
import type { ReviewContent } from '../domain/course-review';
import { examSigningProblems } from '../domain/exam';
import { suicideRiskAuditDetails } from '../domain/suicide-risk';
import type { ExamContent } from '../domain/exam';
import type { PlanContent } from '../domain/plan';
import { formatPrintedName } from '../domain/user';
import { versionDocumentText } from '../domain/record-document';
import { sha256Hex } from '../db/hash';
import {
  documentOf,
  getVersion,
  insertEvent,
  insertSignature,
  insertVersion,
  markSigned,
  updateDraft,
} from '../db/records-repo';
import { keyedRowFields } from '../db/keyed-tables';
import type { Handlers } from './context';
import { requireUser } from './context';
import { storeSignedSummary } from './documents';
import { pretreatmentAuditDetails, pretreatmentCheck } from './pretreatment-results';
import { examComputed, planComputed } from './record-computed';
import { reviewComputed } from './review-computed';
import { assertDraftCurrent } from './draft-conflict';
import { existingRecord, isDiscontinued, latestSigned, ownDraft, versionsOf } from './record-lookup';
import { viewOf } from './record-views';
import { recordWeightCheck, weightCheckProblems } from './record-weight-check';
import { verifyPassword } from './passwords';
import { ServiceError } from './service-error';
import { recordFailure } from './sign-in-failures';
import { checkSigner } from './signer-check';

/** Signing, and what follows a signature (amending, discontinuing): each asks the password again. */
export const recordSigningHandlers: Handlers<'records.sign' | 'records.amend' | 'records.discontinue'> = {
  'records.sign': (context, input) => {
    const { record, version } = ownDraft(context, input.versionId);
    assertDraftCurrent(context, record, version, input.expectedUpdatedAt, 'Not signed');
    const refused = checkSigner(context, input.username, input.password);
    if (refused !== null) return refused;
    const user = requireUser(context);
    let computed: JsonValue;
    let formularyVersion = version.formularyVersion;
    let problems: { path: string; message: string }[];
    const stored = JSON.parse(version.content) as ExamContent | PlanContent | ReviewContent;
    const weightCheck = recordWeightCheck(context, record, stored);
    const weightComputed = { settings: weightCheck.settings, findings: weightCheck.findings };
    if (record.type === 'exam') {
      const content = stored as ExamContent;
      problems = examSigningProblems(content);
      computed = examComputed(content, weightComputed);
      problems.push(...pretreatmentCheck(context, content).problems);
    } else if (record.type === 'review') {
      const content = stored as ReviewContent;
      problems = reviewSigningProblems(content);
      // Refuses a plan of another patient, or one never signed, even if the draft was edited to name it.
      computed = reviewComputed(context, record.patientId, content.planRecordId);
    } else {
      const content = stored as PlanContent;
      if (version.examVersionId === null) throw new Error('plan without an exam link');
      const examVersion = getVersion(context.ledger.db, version.examVersionId);
      if (examVersion?.status !== 'signed')
        throw new ServiceError('NOT_READY_TO_SIGN', 'The exam this plan rests on is not signed.');
      const evaluated = planComputed(context, content, weightComputed);
      problems = evaluated.problems;
      computed = evaluated.computed;
      formularyVersion = evaluated.formularyVersion;
    }
    const unacknowledged = weightCheckProblems(weightCheck, stored);
    const what = { exam: 'exam', plan: 'plan', review: 'course review' }[record.type];
    if (problems.length > 0) {
      const all = [...problems, ...unacknowledged];
      throw new ServiceError(
        'NOT_READY_TO_SIGN',
        `This ${what} cannot be signed yet: ${all.map((problem) => problem.message).join('; ')}.`,
        all,
      );
    }
    // Complete but for the weight check: the input (the acknowledgement) is what is wrong.
    if (unacknowledged.length > 0) {
      throw new ServiceError(
        'INVALID_INPUT',
        `This ${what} cannot be signed yet: the weight check surfaced the weight entered. ${unacknowledged.map((problem) => problem.message).join('; ')}.`,
        unacknowledged,
      );
    }
    const draft =
      formularyVersion === version.formularyVersion
        ? version
        : updateDraft(
            context.ledger.db,
            version.id,
            { content: JSON.parse(version.content) as JsonValue, formularyVersion },
            context.nowIso,
          );
    const frozen = { ...draft, updatedAt: context.nowIso };
    const recordJson = versionDocumentText(documentOf(record, frozen, computed, context.nowIso));
    const sha256 = sha256Hex(recordJson);
    markSigned(context.ledger.db, version.id, computed, sha256, context.nowIso);
    const signature = insertSignature(
      context.ledger.db,
      {
        versionId: version.id,
        signerUserId: user.id,
        printedName: formatPrintedName(user),
        meaning: input.meaning,
        contentSha256: sha256,
      },
      context.nowIso,
    );
    context.signIn.signedOnce = true;
    const content = JSON.parse(version.content) as { overrideReasons?: JsonValue };
    context.audit('record.signed', record.type, record.id, {
      versionId: version.id,
      version: version.version,
      meaning: input.meaning,
      sha256,
      ...keyedRowFields(context.ledger.raw, 'record_versions', version.id),
      ...keyedRowFields(context.ledger.raw, 'signatures', signature.id),
      ...(record.type === 'plan' ? { overrideReasons: content.overrideReasons ?? {}, formularyVersion } : {}),
      // The suicide risk flagged, with what the physician wrote was done about it.
      ...(record.type === 'exam' ? suicideRiskAuditDetails(stored as ExamContent) : {}),
      // Required pre-treatment results missing or stale, as the signer saw them, and their reason.
      ...(record.type === 'exam' ? pretreatmentAuditDetails(stored as ExamContent) : {}),
      ...(weightCheck.findings.length > 0
        ? {
            weightCheck: {
              findings: weightCheck.findings.map((finding) => finding.message),
              acknowledgedWeightKg:
                ('weightAcknowledgement' in stored ? stored.weightAcknowledgement?.acknowledgedWeightKg : null) ?? null,
              reason: ('weightAcknowledgement' in stored ? stored.weightAcknowledgement?.reason : '') ?? '',
            },
          }
        : {}),
    });
    storeSignedSummary(context, {
      view: viewOf(context, record),
      versionId: version.id,
      recordJson,
      recordSha256: sha256,
      signature,
      signer: user,
      password: input.password,
    });
    return viewOf(context, record);
  },

  'records.amend': (context, input) => {
    const user = requireUser(context);
    const record = existingRecord(context, input.recordId);
    const versions = versionsOf(context, record.id);
    const latest = versions.at(-1);
    if (latest?.status !== 'signed') {
      throw new ServiceError('CONFLICT', 'This record already has an open draft. Finish or discard it first.');
    }
    if (isDiscontinued(context, record.id))
      throw new ServiceError('FROZEN', 'This plan is discontinued and cannot be amended.');
    const draft = insertVersion(
      context.ledger.db,
      {
        recordId: record.id,
        version: latest.version + 1,
        content: JSON.parse(latest.content) as JsonValue,
        amendsVersionId: latest.id,
        amendmentReason: input.reason,
        examVersionId: latest.examVersionId,
        formularyVersion: latest.formularyVersion,
        authorUserId: user.id,
      },
      context.nowIso,
    );
    context.audit('record.amendment-started', record.type, record.id, {
      versionId: draft.id,
      amends: latest.id,
      reason: input.reason,
      ...keyedRowFields(context.ledger.raw, 'record_versions', draft.id),
    });
    return viewOf(context, record);
  },

  'records.discontinue': (context, input) => {
    const user = requireUser(context);
    const record = existingRecord(context, input.recordId, 'plan');
    const versions = versionsOf(context, record.id);
    if (latestSigned(versions) === undefined)
      throw new ServiceError('CONFLICT', 'Only a signed plan can be discontinued. Discard the draft instead.');
    if (versions.at(-1)?.status === 'draft')
      throw new ServiceError('CONFLICT', 'This plan has an open draft. Sign or discard it first.');
    if (isDiscontinued(context, record.id)) throw new ServiceError('CONFLICT', 'This plan is already discontinued.');
    if (!verifyPassword(input.password, user.passwordHash))
      return recordFailure(context, user, 'record.signing-password-wrong', 'password');
    const event = insertEvent(
      context.ledger.db,
      {
        recordId: record.id,
        kind: 'discontinued',
        reason: input.reason,
        userId: user.id,
        printedName: formatPrintedName(user),
      },
      context.nowIso,
    );
    context.audit('record.discontinued', record.type, record.id, {
      reason: input.reason,
      ...keyedRowFields(context.ledger.raw, 'record_events', event.id),
    });
    return viewOf(context, record);
  },
};
