import { consentDocumentContentSchema } from '../domain/consent';
import { signatureStrokesSchema } from '../domain/consent-signature';
import { consentStanding } from '../domain/consent-status';
import { formatDateTime } from '../domain/time';
import type { ConsentView } from '../contract/consent-methods';
import type { ConsentRow } from '../db/consents-repo';
import { getConsentDocumentVersion, listConsentDocumentVersions, listConsentWithdrawals } from '../db/consents-repo';
import type { ServiceContext } from './context';
import { requireClinic } from './context';
import { consentFacts, standingText } from './consent-check';

/** A consent as read everywhere: what was signed, by whom, and where it stands now. */
export function consentViews(context: ServiceContext, rows: readonly ConsentRow[]): ConsentView[] {
  const zone = requireClinic(context).timeZone;
  const facts = new Map(consentFacts(context, rows).map((fact) => [fact.id, fact]));
  const withdrawals = new Map(
    listConsentWithdrawals(
      context.ledger.db,
      rows.map((row) => row.id),
    ).map((row) => [row.consentId, row]),
  );
  // A patient's consents share a few text versions: each read and parsed once.
  const texts = new Map<number, ReturnType<typeof signedText>>();
  const textOf = (versionId: number) => {
    if (!texts.has(versionId)) texts.set(versionId, signedText(context, versionId));
    return texts.get(versionId);
  };
  return rows.flatMap((row) => {
    const fact = facts.get(row.id);
    const text = textOf(row.documentVersionId);
    if (fact === undefined || text === undefined) return [];
    const { version, content, current, currentContent } = text;
    const standing = consentStanding(fact, {
      documentId: version.documentId,
      currentVersion: current?.version ?? version.version,
      renewForNewSeries: false,
      renewForNewText: currentContent.renewForNewText,
      planRecordId: row.planRecordId ?? 0,
      at: context.nowIso,
      zone,
    });
    const withdrawal = withdrawals.get(row.id);
    const state = standing.state === 'not-yet-signed' ? 'current' : standing.state;
    return [
      {
        id: row.id,
        patientId: row.patientId,
        planRecordId: row.planRecordId,
        documentId: version.documentId,
        documentVersion: version.version,
        documentTitle: content.title,
        textSha256: row.textSha256,
        signer:
          row.signerKind === 'representative'
            ? {
                kind: 'representative' as const,
                name: row.representativeName ?? '',
                relationship: row.representativeRelationship ?? '',
              }
            : { kind: 'patient' as const },
        typedName: row.typedName,
        initialled: JSON.parse(row.initialled) as string[],
        strokes: signatureStrokesSchema.parse(JSON.parse(row.strokes)),
        patientSignedAt: row.patientSignedAt,
        clinicianPrintedName: row.clinicianPrintedName,
        witnessPrintedName: row.witnessPrintedName,
        signedAt: row.signedAt,
        contentSha256: row.contentSha256,
        expiresAt: standing.state === 'current' ? standing.expiresAt : null,
        withdrawal:
          withdrawal === undefined
            ? null
            : {
                withdrawnAt: withdrawal.withdrawnAt,
                reason: withdrawal.reason,
                recordedByName: withdrawal.recordedByName,
                recordedAt: withdrawal.recordedAt,
              },
        state,
        stateText:
          withdrawal !== undefined && state === 'withdrawn'
            ? `Withdrawn ${formatDateTime(withdrawal.withdrawnAt, zone)}: ${withdrawal.reason}`
            : standingText(
                standing.state === 'not-yet-signed' ? { state: 'current', expiresAt: null } : standing,
                zone,
              ),
      },
    ];
  });
}

/** A signed text version with its content, and the document's current version (the highest). */
function signedText(context: ServiceContext, versionId: number) {
  const version = getConsentDocumentVersion(context.ledger.db, versionId);
  if (version === undefined) return undefined;
  const content = consentDocumentContentSchema.parse(JSON.parse(version.content));
  const current = listConsentDocumentVersions(context.ledger.db, version.documentId)[0];
  const currentContent =
    current === undefined ? content : consentDocumentContentSchema.parse(JSON.parse(current.content));
  return { version, content, current, currentContent };
}
