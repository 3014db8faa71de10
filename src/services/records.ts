import { getPatient } from '../db/patients-repo';
import { checkSignedVersion, listPatientRecords, listSignatures } from '../db/records-repo';
import type { Handlers } from './context';
import { recordDraftHandlers } from './record-drafts';
import { existingRecord, versionsOf } from './record-lookup';
import { recordSigningHandlers } from './record-signing';
import { recordViews, viewOf } from './record-views';
import { ServiceError } from './service-error';

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

  // Drafts, then signing and its corrections, each in its own file; the order here is the
  // contract's.
  ...recordDraftHandlers,
  ...recordSigningHandlers,

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
