import type { JsonValue } from '../domain/canonical-json';
import { examSigningProblems, emptyExam } from '../domain/exam';
import type { ExamContent } from '../domain/exam';
import { emptyPlan, evaluatePlan } from '../domain/plan';
import type { PlanContent } from '../domain/plan';
import type { RecordType } from '../domain/record';
import { displayStatus } from '../domain/record';
import { diffRecords } from '../domain/record-diff';
import type { ExamComputed, PlanComputed, RecordVersionView, RecordView } from '../domain/record-view';
import { scaleTotal } from '../domain/scales';
import { localDate } from '../domain/time';
import { formatPrintedName } from '../domain/user';
import { weightKg } from '../domain/weight';
import { versionDocumentText } from '../domain/record-document';
import { sha256Hex } from '../db/hash';
import { currentFormulary } from '../db/formulary-repo';
import { getPatient } from '../db/patients-repo';
import type { RecordRow, VersionRow } from '../db/records-repo';
import {
  checkSignedVersion,
  deleteDraft,
  documentOf,
  getRecord,
  getVersion,
  insertEvent,
  insertRecord,
  insertSignature,
  insertVersion,
  listEvents,
  listPatientRecords,
  listSignatures,
  listVersions,
  markSigned,
  updateDraft,
} from '../db/records-repo';
import { findUserById, findUserByUsername } from '../db/users-repo';
import type { Handlers, ServiceContext } from './context';
import { requireClinic, requireUser } from './context';
import { recordFailure } from './auth';
import { storeSignedSummary } from './documents';
import { verifyPassword } from './passwords';
import { ServiceError } from './service-error';

function printedNameOf(context: ServiceContext, userId: number, cache: Map<number, string>): string {
  let name = cache.get(userId);
  if (name === undefined) {
    const user = findUserById(context.ledger.db, userId);
    name = user === undefined ? `User ${userId}` : formatPrintedName(user);
    cache.set(userId, name);
  }
  return name;
}

/** Builds the full view of records: every version with status, signatures and links. */
export function recordViews(context: ServiceContext, rows: RecordRow[]): RecordView[] {
  const db = context.ledger.db;
  const ids = rows.map((row) => row.id);
  const versions = listVersions(db, ids);
  const signatures = listSignatures(
    db,
    versions.map((version) => version.id),
  );
  const events = listEvents(db, ids);
  const names = new Map<number, string>();
  return rows.map((record) => {
    const own = versions.filter((version) => version.recordId === record.id);
    const discontinued = events.find((event) => event.recordId === record.id && event.kind === 'discontinued');
    const views = own.map((version): RecordVersionView => {
      const supersededBy = own.find((later) => later.version > version.version && later.status === 'signed') ?? null;
      const base = {
        id: version.id,
        recordId: record.id,
        version: version.version,
        status: version.status,
        displayStatus: displayStatus({
          status: version.status,
          version: version.version,
          supersededBy: supersededBy?.id ?? null,
          discontinued: discontinued !== undefined,
        }),
        amendsVersionId: version.amendsVersionId,
        amendmentReason: version.amendmentReason,
        supersededByVersionId: supersededBy?.id ?? null,
        examVersionId: version.examVersionId,
        formularyVersion: version.formularyVersion,
        authorUserId: version.authorUserId,
        authorPrintedName: printedNameOf(context, version.authorUserId, names),
        createdAt: version.createdAt,
        updatedAt: version.updatedAt,
        signedAt: version.signedAt,
        contentSha256: version.contentSha256,
        signatures: signatures
          .filter((signature) => signature.versionId === version.id)
          .map((signature) => ({
            id: signature.id,
            signerUserId: signature.signerUserId,
            printedName: signature.printedName,
            meaning: signature.meaning,
            signedAt: signature.signedAt,
            contentSha256: signature.contentSha256,
          })),
      };
      const content = JSON.parse(version.content) as never;
      const computed = version.computed === null ? null : (JSON.parse(version.computed) as never);
      return record.type === 'exam'
        ? { ...base, recordType: 'exam', content, computed }
        : { ...base, recordType: 'plan', content, computed };
    });
    return {
      id: record.id,
      type: record.type,
      patientId: record.patientId,
      createdAt: record.createdAt,
      discontinued:
        discontinued === undefined
          ? null
          : { at: discontinued.at, reason: discontinued.reason, printedName: discontinued.printedName },
      versions: views,
    };
  });
}

function viewOf(context: ServiceContext, record: RecordRow): RecordView {
  const [view] = recordViews(context, [record]);
  if (view === undefined) throw new Error('record view missing');
  return view;
}

function existingRecord(context: ServiceContext, recordId: number, type?: RecordType): RecordRow {
  const record = getRecord(context.ledger.db, recordId);
  if (record === undefined || (type !== undefined && record.type !== type)) {
    throw new ServiceError('NOT_FOUND', `There is no ${type ?? 'record'} with ID ${recordId}.`);
  }
  return record;
}

function existingVersion(context: ServiceContext, versionId: number): { record: RecordRow; version: VersionRow } {
  const version = getVersion(context.ledger.db, versionId);
  if (version === undefined) throw new ServiceError('NOT_FOUND', `There is no record version with ID ${versionId}.`);
  return { record: existingRecord(context, version.recordId), version };
}

/** A draft the signed-in physician may change: still a draft, and theirs. */
function ownDraft(context: ServiceContext, versionId: number): { record: RecordRow; version: VersionRow } {
  const found = existingVersion(context, versionId);
  if (found.version.status !== 'draft') {
    throw new ServiceError('FROZEN', 'This version is signed and can no longer change. Amend it to make a correction.');
  }
  if (found.version.authorUserId !== requireUser(context).id) {
    throw new ServiceError('FORBIDDEN', 'Only the physician who started this draft can change or sign it.');
  }
  return found;
}

function versionsOf(context: ServiceContext, recordId: number): VersionRow[] {
  return listVersions(context.ledger.db, [recordId]);
}

function latestSigned(versions: VersionRow[]): VersionRow | undefined {
  return versions.filter((version) => version.status === 'signed').at(-1);
}

function isDiscontinued(context: ServiceContext, recordId: number): boolean {
  return listEvents(context.ledger.db, [recordId]).some((event) => event.kind === 'discontinued');
}

/** The signed exam a plan rests on: it must be this patient's and say "candidate". */
function signedCandidateExam(
  context: ServiceContext,
  patientId: number,
  examRecordId: number,
): { version: VersionRow; content: ExamContent } {
  const exam = existingRecord(context, examRecordId, 'exam');
  if (exam.patientId !== patientId) throw new ServiceError('INVALID_INPUT', 'That exam belongs to another patient.');
  const version = latestSigned(versionsOf(context, exam.id));
  if (version === undefined)
    throw new ServiceError('NOT_READY_TO_SIGN', 'The exam must be signed before a plan can rest on it.');
  const content = JSON.parse(version.content) as ExamContent;
  if (content.candidacy.decision !== 'candidate') {
    throw new ServiceError(
      'NOT_READY_TO_SIGN',
      'The signed exam does not record the patient as a candidate, so no plan can rest on it.',
    );
  }
  return { version, content };
}

/** Re-authenticates a signer (21 CFR 11.200): user ID and password first, then password. */
export function checkSigner(context: ServiceContext, username: string | undefined, password: string) {
  const user = requireUser(context);
  if (!context.signIn.signedOnce) {
    if (username === undefined || username === '') {
      throw new ServiceError(
        'INVALID_INPUT',
        'Enter your user ID and password: the first signing in a session needs both.',
        [{ path: 'username', message: 'Enter your user ID' }],
      );
    }
    if (findUserByUsername(context.ledger.db, username)?.id !== user.id) {
      throw new ServiceError('INVALID_CREDENTIALS', 'The user ID is not the one signed in. Only you can sign as you.', [
        { path: 'username', message: 'This is not the signed-in user' },
      ]);
    }
  }
  if (!verifyPassword(password, user.passwordHash))
    return recordFailure(context, user, 'record.signing-password-wrong', 'password');
  return null;
}

function examComputed(content: ExamContent): ExamComputed {
  return {
    scaleTotals: {
      phq9: scaleTotal(content.scales.phq9),
      gad7: scaleTotal(content.scales.gad7),
      pcl5: scaleTotal(content.scales.pcl5),
    },
    weightKg: content.weight === null ? null : weightKg(content.weight).toString(),
  };
}

function planComputed(
  context: ServiceContext,
  content: PlanContent,
): { computed: PlanComputed; problems: { path: string; message: string }[]; formularyVersion: number } {
  const formulary = currentFormulary(context.ledger.db);
  const today = localDate(context.now, requireClinic(context).timeZone);
  const evaluation = evaluatePlan(content, formulary.content.drugs, today);
  const computed: PlanComputed = {
    evaluatedOn: today,
    drugName: evaluation.drug?.name ?? '',
    derived: evaluation.derivation?.rounded ?? {},
    lines: evaluation.derivation?.lines ?? [],
    findings: evaluation.findings,
    limits: evaluation.drug?.limits ?? {
      doseMgPerKg: { hardMin: null, softMin: null, softMax: null, hardMax: null },
      totalMg: { hardMin: null, softMin: null, softMax: null, hardMax: null },
      rateMgPerKgPerH: { hardMin: null, softMin: null, softMax: null, hardMax: null },
      durationMin: { hardMin: null, softMin: null, softMax: null, hardMax: null },
      concentrationMgPerMl: { hardMin: null, softMin: null, softMax: null, hardMax: null },
      weightMaxAgeDays: { soft: null, hard: null },
    },
    noLimitsConfigured: evaluation.noLimitsConfigured,
    weightAgeDays: evaluation.weightAgeDays,
    weightKg: content.weight === null ? null : weightKg(content.weight).toString(),
  };
  return { computed, problems: evaluation.signingProblems, formularyVersion: formulary.version };
}

export const recordHandlers: Handlers<
  | 'records.list'
  | 'records.get'
  | 'records.create'
  | 'records.saveDraft'
  | 'records.discardDraft'
  | 'records.sign'
  | 'records.amend'
  | 'records.discontinue'
  | 'records.verify'
> = {
  'records.list': (context, input) => {
    if (getPatient(context.ledger.db, input.patientId) === undefined) {
      throw new ServiceError('NOT_FOUND', `There is no patient with ID ${input.patientId}.`);
    }
    return { records: recordViews(context, listPatientRecords(context.ledger.db, input.patientId)) };
  },

  'records.get': (context, input) => {
    const record = existingRecord(context, input.recordId);
    context.audit('record.viewed', record.type, record.id, { patientId: record.patientId });
    return viewOf(context, record);
  },

  'records.create': (context, input) => {
    const user = requireUser(context);
    if (getPatient(context.ledger.db, input.patientId) === undefined) {
      throw new ServiceError('NOT_FOUND', `There is no patient with ID ${input.patientId}.`);
    }
    const formulary = currentFormulary(context.ledger.db);
    let content: JsonValue;
    let examVersionId: number | null = null;
    if (input.type === 'exam') {
      content = emptyExam(formulary.content.screeningItems);
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
    });
    return viewOf(context, record);
  },

  'records.saveDraft': (context, input) => {
    const { record, version } = ownDraft(context, input.versionId);
    if (record.type !== input.type)
      throw new ServiceError('INVALID_INPUT', `Version ${version.id} is not a ${input.type}.`);
    const before = JSON.parse(version.content) as JsonValue;
    const after = input.content as unknown as JsonValue;
    const changes = diffRecords(before, after);
    if (changes.length === 0) return viewOf(context, record);
    updateDraft(context.ledger.db, version.id, { content: after }, context.nowIso);
    context.audit('record.draft-saved', record.type, record.id, {
      versionId: version.id,
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
    });
    return { recordId: record.id, recordDeleted };
  },

  'records.sign': (context, input) => {
    const { record, version } = ownDraft(context, input.versionId);
    const refused = checkSigner(context, input.username, input.password);
    if (refused !== null) return refused;
    const user = requireUser(context);
    let computed: JsonValue;
    let formularyVersion = version.formularyVersion;
    let problems: { path: string; message: string }[];
    if (record.type === 'exam') {
      const content = JSON.parse(version.content) as ExamContent;
      problems = examSigningProblems(content);
      computed = examComputed(content);
    } else {
      const content = JSON.parse(version.content) as PlanContent;
      if (version.examVersionId === null) throw new Error('plan without an exam link');
      const examVersion = getVersion(context.ledger.db, version.examVersionId);
      if (examVersion?.status !== 'signed')
        throw new ServiceError('NOT_READY_TO_SIGN', 'The exam this plan rests on is not signed.');
      const evaluated = planComputed(context, content);
      problems = evaluated.problems;
      computed = evaluated.computed;
      formularyVersion = evaluated.formularyVersion;
    }
    if (problems.length > 0) {
      throw new ServiceError(
        'NOT_READY_TO_SIGN',
        `This ${record.type === 'exam' ? 'exam' : 'plan'} cannot be signed yet: ${problems.map((problem) => problem.message).join('; ')}.`,
        problems,
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
      ...(record.type === 'plan' ? { overrideReasons: content.overrideReasons ?? {}, formularyVersion } : {}),
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
    insertEvent(
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
    context.audit('record.discontinued', record.type, record.id, { reason: input.reason });
    return viewOf(context, record);
  },

  'records.verify': (context, input) => {
    const record = existingRecord(context, input.recordId);
    const versions = versionsOf(context, record.id).filter((version) => version.status === 'signed');
    const signatures = listSignatures(
      context.ledger.db,
      versions.map((version) => version.id),
    );
    const checks = versions.map((version) =>
      checkSignedVersion(
        record,
        version,
        signatures.filter((signature) => signature.versionId === version.id),
      ),
    );
    return { ok: checks.every((check) => check.ok), versions: checks };
  },
};
