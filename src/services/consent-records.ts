import type { ConsentDocumentContent } from '../domain/consent';
import { consentDocumentContentSchema, coversIndication } from '../domain/consent';
import { signatureProblem, typedNameIs, typedNameMatches } from '../domain/consent-signature';
import { canonicalJson } from '../domain/canonical-json';
import { formatPatientName } from '../domain/patient';
import { formatDateTime } from '../domain/time';
import { formatPrintedName } from '../domain/user';
import {
  getConsent,
  getConsentDocumentVersion,
  insertConsent,
  insertConsentWithdrawal,
  listConsentDocumentVersions,
  listConsentWithdrawals,
  listPatientConsents,
} from '../db/consents-repo';
import { sha256Hex } from '../db/hash';
import { keyedRowFields } from '../db/keyed-tables';
import { getPatient } from '../db/patients-repo';
import { getRecord, listPatientRecords } from '../db/records-repo';
import type { Handlers, ServiceContext } from './context';
import { requireClinic, requireUser } from './context';
import { consentFacts, consentNeeds, planInForce, planIndication } from './consent-check';
import { consentDocuments } from './consent-documents';
import { storeConsentPdf } from './consent-pdf';
import { consentViews } from './consent-views';
import { secondClinician } from './second-person';
import { assertNotFuture } from './sessions-entry-rules';
import { ServiceError } from './service-error';
import { checkSigner } from './signer-check';

const refuse = (path: string, message: string, detail: string) =>
  new ServiceError('INVALID_INPUT', message, [{ path, message: detail }]);

/** The text version the patient read, refused when it is no longer the document's current text. */
function currentTextVersion(context: ServiceContext, versionId: number, textSha256: string) {
  const version = getConsentDocumentVersion(context.ledger.db, versionId);
  if (version === undefined) throw new ServiceError('NOT_FOUND', `There is no consent text version ${versionId}.`);
  const latest = listConsentDocumentVersions(context.ledger.db, version.documentId)[0];
  if (latest === undefined || latest.id !== version.id || version.textSha256 !== textSha256) {
    throw new ServiceError(
      'CONFLICT',
      `The consent text was changed while the patient was reading it (version ${latest?.version ?? '?'} is now current). Nothing was recorded: show the patient the current text, and ask them to sign again.`,
    );
  }
  return { version, content: consentDocumentContentSchema.parse(JSON.parse(version.content)) };
}

/** The series the consent is for: the patient's own plan in force, covered by the document. */
function checkSeries(
  context: ServiceContext,
  input: { patientId: number; planRecordId: number | null },
  content: ConsentDocumentContent,
): void {
  if (input.planRecordId === null) {
    if (content.renewForNewSeries) {
      throw refuse(
        'planRecordId',
        'This consent is given for one series: choose the plan it is for.',
        'Choose the plan',
      );
    }
    return;
  }
  const plan = getRecord(context.ledger.db, input.planRecordId);
  if (plan?.type !== 'plan' || plan.patientId !== input.patientId || !planInForce(context, plan.id)) {
    throw refuse('planRecordId', 'Choose one of this patient’s signed plans in force.', 'Not this patient’s plan');
  }
  const indication = planIndication(context, plan.id);
  if (!coversIndication(content, indication)) {
    throw refuse(
      'documentVersionId',
      `“${content.title}” does not cover this plan’s indication (${indication || 'none recorded'}). Choose the clinic’s consent for it.`,
      'Does not cover the indication',
    );
  }
}

export const consentRecordHandlers: Handlers<'consents.forPatient' | 'consents.record' | 'consents.withdraw'> = {
  'consents.forPatient': (context, input) => {
    if (getPatient(context.ledger.db, input.patientId) === undefined) {
      throw new ServiceError('NOT_FOUND', `There is no patient with ID ${input.patientId}.`);
    }
    const rows = listPatientConsents(context.ledger.db, input.patientId);
    const known = { facts: consentFacts(context, rows), documents: consentDocuments(context) };
    const plans = listPatientRecords(context.ledger.db, input.patientId)
      .filter((record) => record.type === 'plan' && planInForce(context, record.id))
      .map((record) => ({ planRecordId: record.id, needs: consentNeeds(context, record.id, context.nowIso, known) }));
    return { consents: consentViews(context, rows), plans };
  },

  'consents.record': (context, input) => {
    const user = requireUser(context);
    const patient = getPatient(context.ledger.db, input.patientId);
    if (patient === undefined) throw new ServiceError('NOT_FOUND', `There is no patient with ID ${input.patientId}.`);
    const { version, content } = currentTextVersion(context, input.documentVersionId, input.textSha256);
    checkSeries(context, input, content);
    const expectedName =
      input.signer.kind === 'patient'
        ? formatPatientName(patient)
        : `${input.signer.name} (${input.signer.relationship})`;
    const nameMatches =
      input.signer.kind === 'patient'
        ? typedNameMatches(input.typedName, patient)
        : typedNameIs(input.typedName, input.signer.name);
    if (!nameMatches) {
      throw refuse(
        'typedName',
        `The name typed (“${input.typedName}”) is not the signer’s: ${expectedName}. The signer types their own full name.`,
        'Not the signer’s name',
      );
    }
    const points = new Set(content.initialPoints.map((point) => point.id));
    const unknown = input.initialled.find((id) => !points.has(id));
    const missing = content.initialPoints.find((point) => !input.initialled.includes(point.id));
    if (unknown !== undefined || missing !== undefined || new Set(input.initialled).size !== input.initialled.length) {
      throw refuse(
        'initialled',
        missing === undefined
          ? 'The points initialled are not this text’s points.'
          : `The signer has not initialled “${missing.text}”: every marked point is initialled before signing.`,
        'Initial every point',
      );
    }
    const drawn = signatureProblem(input.strokes);
    if (drawn !== null) throw refuse('strokes', drawn, 'Sign again');
    assertNotFuture(context, input.patientSignedAt);
    if (input.patientSignedAt < version.createdAt) {
      throw refuse('patientSignedAt', 'The patient cannot have signed before this text was written.', 'Check the time');
    }
    const refused = checkSigner(context, input.clinician.username, input.clinician.password);
    if (refused !== null) return refused;
    if (content.witnessRequired && input.witness === undefined) {
      throw refuse(
        'witness',
        'The clinic requires a witness for this consent: the witness signs in below.',
        'Witness needed',
      );
    }
    const witness = input.witness === undefined ? null : secondClinician(context, input.witness, 'witness');
    const bound = {
      patientId: patient.id,
      documentVersionId: version.id,
      planRecordId: input.planRecordId,
      textSha256: version.textSha256,
      signerKind: input.signer.kind,
      representativeName: input.signer.kind === 'representative' ? input.signer.name : null,
      representativeRelationship: input.signer.kind === 'representative' ? input.signer.relationship : null,
      typedName: input.typedName.normalize('NFC'),
      initialled: canonicalJson(input.initialled),
      strokes: canonicalJson(input.strokes),
      patientSignedAt: input.patientSignedAt,
      clinicianUserId: user.id,
      clinicianPrintedName: formatPrintedName(user),
      witnessUserId: witness?.userId ?? null,
      witnessPrintedName: witness?.printedName ?? null,
      signedAt: context.nowIso,
    };
    const recordJson = canonicalJson({ ...bound, meaning: 'obtained consent' });
    const contentSha256 = sha256Hex(recordJson);
    const row = insertConsent(context.ledger.db, { ...bound, contentSha256 });
    context.signIn.signedOnce = true;
    context.audit('consent.recorded', 'consent', row.id, {
      patientId: patient.id,
      documentId: version.documentId,
      documentVersion: version.version,
      textSha256: version.textSha256,
      meaning: 'obtained consent',
      contentSha256,
      ...keyedRowFields(context.ledger.raw, 'consents', row.id),
    });
    storeConsentPdf(context, {
      consent: row,
      recordJson,
      version,
      content,
      patient,
      signer: user,
      password: input.clinician.password,
    });
    const [view] = consentViews(context, [row]);
    if (view === undefined) throw new Error('the consent just recorded has no view');
    return view;
  },

  'consents.withdraw': (context, input) => {
    const user = requireUser(context);
    const consent = getConsent(context.ledger.db, input.consentId);
    if (consent === undefined) throw new ServiceError('NOT_FOUND', `There is no consent ${input.consentId}.`);
    const [earlier] = listConsentWithdrawals(context.ledger.db, [consent.id]);
    if (earlier !== undefined) {
      throw new ServiceError(
        'CONFLICT',
        `Consent ${consent.id} was already withdrawn (${formatDateTime(earlier.withdrawnAt, requireClinic(context).timeZone)}, recorded by ${earlier.recordedByName}). A withdrawn consent is never used again: record a new consent if the patient consents again.`,
      );
    }
    assertNotFuture(context, input.withdrawnAt);
    if (input.withdrawnAt < consent.patientSignedAt) {
      throw refuse('withdrawnAt', 'A consent cannot be withdrawn before it was signed.', 'Before the signature');
    }
    const row = insertConsentWithdrawal(context.ledger.db, {
      consentId: consent.id,
      withdrawnAt: input.withdrawnAt,
      reason: input.reason,
      recordedBy: user.id,
      recordedByName: formatPrintedName(user),
      recordedAt: context.nowIso,
    });
    context.audit('consent.withdrawn', 'consent', consent.id, {
      withdrawnAt: input.withdrawnAt,
      ...keyedRowFields(context.ledger.raw, 'consent_withdrawals', row.id),
    });
    const [view] = consentViews(context, [consent]);
    if (view === undefined) throw new Error('the withdrawn consent has no view');
    return view;
  },
};
