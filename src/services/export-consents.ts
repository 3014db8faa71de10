import { consentExpiresAt } from '../domain/consent-status';
import type { ConsentRecord } from '../export/consent-snapshot';
import { listConsentWithdrawals, listPatientConsents } from '../db/consents-repo';
import type { ServiceContext } from './context';
import { requireClinic } from './context';
import { consentFacts } from './consent-check';
import { consentViews } from './consent-views';

/**
 * Every consent of the exported patients, with its text version, its state at export time (as
 * the app shows it) and its withdrawal. The rows and views come from the consent services, so
 * the export and the chart cannot disagree about where a consent stands.
 */
export function consentRecords(context: ServiceContext, patientIds: readonly number[]): ConsentRecord[] {
  const db = context.ledger.db;
  const zone = requireClinic(context).timeZone;
  const rows = patientIds.flatMap((patientId) => listPatientConsents(db, patientId));
  const byId = new Map(rows.map((row) => [row.id, row]));
  // The expiry of an expired consent too: the view gives it only while current.
  const validMonths = new Map(consentFacts(context, rows).map((fact) => [fact.id, fact.validMonths]));
  const withdrawals = new Map(
    listConsentWithdrawals(
      db,
      rows.map((row) => row.id),
    ).map((row) => [row.consentId, row]),
  );
  return consentViews(context, rows).flatMap((view) => {
    const row = byId.get(view.id);
    if (row === undefined) return [];
    const withdrawal = withdrawals.get(view.id);
    return [
      {
        id: view.id,
        patientId: view.patientId,
        planRecordId: view.planRecordId,
        documentId: view.documentId,
        documentVersion: view.documentVersion,
        documentTitle: view.documentTitle,
        textSha256: view.textSha256,
        signerKind: view.signer.kind,
        representativeName: view.signer.kind === 'representative' ? view.signer.name : null,
        representativeRelationship: view.signer.kind === 'representative' ? view.signer.relationship : null,
        typedName: view.typedName,
        patientSignedAt: view.patientSignedAt,
        clinicianUserId: row.clinicianUserId,
        clinicianPrintedName: view.clinicianPrintedName,
        witnessUserId: row.witnessUserId,
        witnessPrintedName: view.witnessPrintedName,
        signedAt: view.signedAt,
        contentSha256: view.contentSha256,
        expiresAt: consentExpiresAt(view.patientSignedAt, validMonths.get(view.id) ?? null, zone),
        state: view.state,
        stateText: view.stateText,
        withdrawal:
          withdrawal === undefined
            ? null
            : {
                withdrawnAt: withdrawal.withdrawnAt,
                reason: withdrawal.reason,
                recordedByUserId: withdrawal.recordedBy,
                recordedByName: withdrawal.recordedByName,
                recordedAt: withdrawal.recordedAt,
              },
      },
    ];
  });
}
