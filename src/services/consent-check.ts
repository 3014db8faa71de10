import type { ConsentDocumentContent } from '../domain/consent';
import { coversIndication } from '../domain/consent';
import type { ConsentFacts, ConsentStanding } from '../domain/consent-status';
import { consentVerdict } from '../domain/consent-status';
import { formatDateTime } from '../domain/time';
import type { ConsentNeedView } from '../contract/consent-methods';
import type { ConsentRow } from '../db/consents-repo';
import { getConsentDocumentVersion, listConsentWithdrawals, listPatientConsents } from '../db/consents-repo';
import { getRecord, getVersion, listEvents, listVersions } from '../db/records-repo';
import type { ServiceContext } from './context';
import { requireClinic } from './context';
import { consentDocuments, currentConsentSettings } from './consent-documents';
import { ServiceError } from './service-error';

/** The exam's indication (ICD-10) behind a plan's current signed version; '' when it has none. */
export function planIndication(context: ServiceContext, planRecordId: number): string {
  const versions = listVersions(context.ledger.db, [planRecordId]);
  const current = versions.filter((version) => version.status === 'signed').at(-1) ?? versions.at(-1);
  const exam = current?.examVersionId == null ? undefined : getVersion(context.ledger.db, current.examVersionId);
  if (exam === undefined) return '';
  const content = JSON.parse(exam.content) as { indication?: { icd10?: unknown } };
  return typeof content.indication?.icd10 === 'string' ? content.indication.icd10 : '';
}

/** A recorded consent as the rules read it (the version it signed, its withdrawal). */
export function consentFacts(context: ServiceContext, rows: readonly ConsentRow[]): ConsentFacts[] {
  const withdrawals = new Map(
    listConsentWithdrawals(
      context.ledger.db,
      rows.map((row) => row.id),
    ).map((withdrawal) => [withdrawal.consentId, withdrawal]),
  );
  // A patient's consents share a few text versions: each read and parsed once.
  const versions = new Map<number, { documentId: number; version: number; validMonths: number | null } | null>();
  const versionOf = (id: number) => {
    if (!versions.has(id)) {
      const row = getConsentDocumentVersion(context.ledger.db, id);
      const content =
        row === undefined ? null : (JSON.parse(row.content) as Pick<ConsentDocumentContent, 'validMonths'>);
      versions.set(
        id,
        row === undefined || content === null
          ? null
          : { documentId: row.documentId, version: row.version, validMonths: content.validMonths },
      );
    }
    return versions.get(id) ?? null;
  };
  return rows.flatMap((row) => {
    const version = versionOf(row.documentVersionId);
    if (version === null) return [];
    return [
      {
        id: row.id,
        documentId: version.documentId,
        documentVersion: version.version,
        planRecordId: row.planRecordId,
        signedAt: row.patientSignedAt,
        validMonths: version.validMonths,
        withdrawnAt: withdrawals.get(row.id)?.withdrawnAt ?? null,
      },
    ];
  });
}

/** Why a consent does not cover the infusion, in the words the nurse reads. */
export function standingText(standing: ConsentStanding, zone: string): string {
  switch (standing.state) {
    case 'current':
      return standing.expiresAt === null ? 'Current' : `Current until ${formatDateTime(standing.expiresAt, zone)}`;
    case 'withdrawn':
      return `Withdrawn ${formatDateTime(standing.withdrawnAt, zone)}`;
    case 'expired':
      return `Expired ${formatDateTime(standing.expiredAt, zone)}`;
    case 'text-changed':
      return `Signed on version ${standing.signedVersion}; version ${standing.currentVersion} of the text needs a new consent`;
    case 'other-series':
      return 'Signed for another series: this series needs its own consent';
    case 'not-yet-signed':
      return 'Not yet signed at that time';
  }
}

/**
 * What an infusion of the plan at `at` needs: one current consent for each of the clinic's
 * documents that covers the plan's indication. None when the clinic has written no such document.
 */
/**
 * `known`: the patient's consents (`consentFacts`) and the clinic's documents already read, when
 * asked for many plans (a regular's chart has a plan for every series).
 */
export function consentNeeds(
  context: ServiceContext,
  planRecordId: number,
  at: string,
  known?: { facts: readonly ConsentFacts[]; documents: ReturnType<typeof consentDocuments> },
): ConsentNeedView[] {
  const plan = getRecord(context.ledger.db, planRecordId);
  if (plan?.type !== 'plan') return [];
  const zone = requireClinic(context).timeZone;
  const indication = planIndication(context, planRecordId);
  const documents = (known?.documents ?? consentDocuments(context)).filter(({ current }) =>
    coversIndication(current.content, indication),
  );
  if (documents.length === 0) return [];
  const facts = known?.facts ?? consentFacts(context, listPatientConsents(context.ledger.db, plan.patientId));
  return documents.map(({ current }) => {
    const verdict = consentVerdict(facts, {
      documentId: current.documentId,
      currentVersion: current.version,
      renewForNewSeries: current.content.renewForNewSeries,
      renewForNewText: current.content.renewForNewText,
      planRecordId,
      at,
      zone,
    });
    const base = { documentId: current.documentId, documentTitle: current.content.title, currentVersionId: current.id };
    if (verdict.state === 'current') {
      return {
        ...base,
        satisfied: true,
        consentId: verdict.consentId,
        text: standingText({ state: 'current', expiresAt: verdict.expiresAt }, zone),
      };
    }
    return {
      ...base,
      satisfied: false,
      consentId: verdict.latest?.consentId ?? null,
      text: verdict.latest === null ? 'No consent recorded' : standingText(verdict.latest.standing, zone),
    };
  });
}

/** Whether the plan is one an infusion may still start from (signed, not discontinued). */
export function planInForce(context: ServiceContext, planRecordId: number): boolean {
  const signed = listVersions(context.ledger.db, [planRecordId]).some((version) => version.status === 'signed');
  return signed && !listEvents(context.ledger.db, [planRecordId]).some((event) => event.kind === 'discontinued');
}

/**
 * Before an infusion starts: every consent the plan needs must be current. Refused where the
 * clinic requires consent (the message names each one missing and why); where the clinic set
 * it to a warning, the nurse's acknowledgement is needed, and returned for the audit entry.
 */
export function checkConsentBeforeInfusion(
  context: ServiceContext,
  planRecordId: number,
  at: string,
  acknowledgement: string | undefined,
): { missing: string[]; acknowledgement: string } | null {
  // Start times are charted to the minute: a consent signed within the minute charted counts
  // (at 10:30 the nurse cannot say whether it was 10:30:05 or 10:30:55).
  const endOfMinute = new Date(Math.floor(Date.parse(at) / 60_000) * 60_000 + 59_999).toISOString();
  const missing = consentNeeds(context, planRecordId, endOfMinute)
    .filter((need) => !need.satisfied)
    .map((need) => `“${need.documentTitle}”: ${need.text}`);
  if (missing.length === 0) return null;
  const list = missing.join('; ');
  if (currentConsentSettings(context).settings.requirement === 'required') {
    throw new ServiceError(
      'CONSENT_REQUIRED',
      `No current informed consent for this series — ${list}. Record the patient’s consent first; nothing was charted.`,
    );
  }
  if (acknowledgement === undefined || acknowledgement.trim() === '') {
    throw new ServiceError(
      'INVALID_INPUT',
      `No current informed consent for this series — ${list}. Say why the infusion goes ahead without it.`,
      [{ path: 'consentAcknowledgement', message: 'Give the reason for going ahead without a current consent' }],
    );
  }
  return { missing, acknowledgement };
}
