import type { ExamContent } from '../domain/exam';
import type { RecordType } from '../domain/record';
import type { RecordRow, VersionRow } from '../db/records-repo';
import { getRecord, getVersion, listEvents, listVersions } from '../db/records-repo';
import type { ServiceContext } from './context';
import { requireUser } from './context';
import { ServiceError } from './service-error';

export function existingRecord(context: ServiceContext, recordId: number, type?: RecordType): RecordRow {
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
export function ownDraft(context: ServiceContext, versionId: number): { record: RecordRow; version: VersionRow } {
  const found = existingVersion(context, versionId);
  if (found.version.status !== 'draft') {
    throw new ServiceError('FROZEN', 'This version is signed and can no longer change. Amend it to make a correction.');
  }
  if (found.version.authorUserId !== requireUser(context).id) {
    throw new ServiceError('FORBIDDEN', 'Only the physician who started this draft can change or sign it.');
  }
  return found;
}

export function versionsOf(context: ServiceContext, recordId: number): VersionRow[] {
  return listVersions(context.ledger.db, [recordId]);
}

export function latestSigned(versions: VersionRow[]): VersionRow | undefined {
  return versions.filter((version) => version.status === 'signed').at(-1);
}

export function isDiscontinued(context: ServiceContext, recordId: number): boolean {
  return listEvents(context.ledger.db, [recordId]).some((event) => event.kind === 'discontinued');
}

/** The signed exam a plan rests on: it must be this patient's and say "candidate". */
export function signedCandidateExam(
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
