import { createHash } from 'node:crypto';
import type { RecordView } from '../domain/record-view';
import type { SessionView } from '../domain/session-view';
import type { SignatureMeaning } from '../domain/record';
import { renderRecordSummarySync } from '../pdf/record-summary';
import { renderSessionRecordSync } from '../pdf/session-record';
import { signPdf } from '../signing/sign-pdf';
import { verifyPdf } from '../signing/verify-pdf';
import type { SignedDocumentRow } from '../db/identities-repo';
import {
  documentForSessionSignature,
  documentForVersion,
  insertSignedDocument,
  rootIdentity,
} from '../db/identities-repo';
import { getPatient } from '../db/patients-repo';
import { getRecord, getVersion } from '../db/records-repo';
import type { UserRow } from '../db/users-repo';
import { keyedRowFields } from '../db/keyed-tables';
import type { Handlers, ServiceContext } from './context';
import { requireClinic } from './context';
import { checkpointAtSignature } from './checkpoints';
import { certificateFacts, signingIdentityFor, storeImportedIdentity } from './identities';
import { recordFailure } from './sign-in-failures';
import { requireUser } from './context';
import { verifyPassword } from './passwords';
import { importPkcs12 } from '../signing/pkcs12-import';
import { ServiceError } from './service-error';
import { recordViews } from './record-views';

/**
 * Makes the signed PDF summary of a version that was just signed, in the same transaction:
 * rendered from the stored record, signed with the signer's own key (unlocked by the
 * password they just gave), stored, and never regenerated.
 */
export function storeSignedSummary(
  context: ServiceContext,
  input: {
    view: RecordView;
    versionId: number;
    recordJson: string;
    recordSha256: string;
    signature: { printedName: string; meaning: SignatureMeaning; signedAt: string };
    signer: UserRow;
    password: string;
  },
): void {
  const patient = getPatient(context.ledger.db, input.view.patientId);
  if (patient === undefined) throw new Error('the signed record has no patient');
  const version = input.view.versions.find((candidate) => candidate.id === input.versionId);
  if (version === undefined) throw new Error('the signed version is missing from its record');
  let examVersion = null;
  if (version.recordType === 'plan' && version.examVersionId !== null) {
    const examVersionId = version.examVersionId;
    const examRecordId = getVersion(context.ledger.db, examVersionId)?.recordId;
    const examRecord = examRecordId === undefined ? undefined : getRecord(context.ledger.db, examRecordId);
    examVersion =
      examRecord === undefined
        ? null
        : (recordViews(context, [examRecord])[0]?.versions.find((candidate) => candidate.id === examVersionId) ?? null);
  }
  const clinic = requireClinic(context);
  const unsigned = renderRecordSummarySync({
    clinic: { name: clinic.name, address: clinic.address, timeZone: clinic.timeZone },
    patient,
    record: input.view,
    versionId: input.versionId,
    examVersion,
    signature: input.signature,
    recordJson: input.recordJson,
    recordSha256: input.recordSha256,
  });
  const identity = signingIdentityFor(context, input.signer, input.password);
  const pdf = signPdf(unsigned, { ...identity, signingTime: context.now });
  const stored = insertSignedDocument(context.ledger.db, {
    versionId: input.versionId,
    sessionSignatureId: null,
    fileName: `${version.recordType}-${input.view.id}-v${version.version}.pdf`,
    pdf,
    sha256: createHash('sha256').update(pdf).digest('hex'),
    createdAt: context.nowIso,
  });
  context.audit('document.signed-pdf-stored', version.recordType, input.view.id, {
    versionId: input.versionId,
    documentId: stored.id,
    sha256: stored.sha256,
    ...keyedRowFields(context.ledger.raw, 'signed_documents', stored.id),
  });
  checkpointAtSignature(context, input.signer, identity.privateKeyPem);
}

/**
 * Makes the signed record of an infusion session at each of its signatures, in the signing
 * transaction: the session as the signature covers it, the plan version it was charted
 * against, every signature so far; signed with the signer's own key, stored, never regenerated.
 */
export function storeSignedSessionRecord(
  context: ServiceContext,
  input: {
    view: SessionView;
    signatureId: number;
    recordJson: string;
    recordSha256: string;
    signer: UserRow;
    password: string;
  },
): void {
  const { view } = input;
  const patient = getPatient(context.ledger.db, view.patientId);
  const planRecord = getRecord(context.ledger.db, view.planRecordId);
  const plan =
    planRecord === undefined
      ? undefined
      : recordViews(context, [planRecord])[0]?.versions.find((version) => version.id === view.planVersionId);
  if (patient === undefined || plan?.recordType !== 'plan' || plan.computed === null) {
    throw new Error('the signed session has no patient or no signed plan version');
  }
  const signatureIndex = view.signatures.findIndex((signature) => signature.id === input.signatureId);
  if (signatureIndex === -1) throw new Error('the session signature is missing from its session');
  const clinic = requireClinic(context);
  const unsigned = renderSessionRecordSync({
    clinic: { name: clinic.name, address: clinic.address, timeZone: clinic.timeZone },
    patient,
    session: view,
    plan: {
      recordId: plan.recordId,
      version: plan.version,
      versionId: plan.id,
      content: plan.content,
      computed: plan.computed,
      signatures: plan.signatures,
    },
    signatures: view.signatures.slice(0, signatureIndex + 1),
    recordJson: input.recordJson,
    recordSha256: input.recordSha256,
  });
  const identity = signingIdentityFor(context, input.signer, input.password);
  const pdf = signPdf(unsigned, { ...identity, signingTime: context.now });
  const stored = insertSignedDocument(context.ledger.db, {
    versionId: null,
    sessionSignatureId: input.signatureId,
    fileName: `session-${view.id}-signature-${input.signatureId}.pdf`,
    pdf,
    sha256: createHash('sha256').update(pdf).digest('hex'),
    createdAt: context.nowIso,
  });
  context.audit('document.signed-pdf-stored', 'session', view.id, {
    sessionSignatureId: input.signatureId,
    documentId: stored.id,
    sha256: stored.sha256,
    ...keyedRowFields(context.ledger.raw, 'signed_documents', stored.id),
  });
  checkpointAtSignature(context, input.signer, identity.privateKeyPem);
}

function storedPdf(document: SignedDocumentRow) {
  return {
    fileName: document.fileName,
    sha256: document.sha256,
    createdAt: document.createdAt,
    pdfBase64: document.pdf.toString('base64'),
  };
}

/**
 * Checks any PDF the user opens, trusting the clinic's own root (and nothing else); times in
 * the findings are in clinic time, like every other screen.
 */
export function verifyAnyPdf(context: ServiceContext, bytes: Uint8Array) {
  const root = rootIdentity(context.ledger.db);
  return verifyPdf(bytes, {
    trustedRootPems: root === undefined ? [] : [root.certificatePem],
    ...(context.clinic === undefined ? {} : { timeZone: context.clinic.timeZone }),
  });
}

export const documentHandlers: Handlers<
  | 'documents.forVersion'
  | 'documents.forSessionSignature'
  | 'documents.verify'
  | 'identity.rootCertificate'
  | 'identity.importPkcs12'
> = {
  'identity.importPkcs12': (context, input) => {
    const user = requireUser(context);
    if (!verifyPassword(input.password, user.passwordHash))
      return recordFailure(context, user, 'identity.import-password-wrong', 'password');
    let imported;
    try {
      imported = importPkcs12(Buffer.from(input.p12Base64, 'base64'), input.p12Password);
    } catch (error) {
      throw new ServiceError(
        'INVALID_INPUT',
        `The PKCS#12 file could not be read: ${error instanceof Error ? error.message : String(error)}`,
        [{ path: 'p12Base64', message: 'Not a PKCS#12 file this password opens' }],
      );
    }
    storeImportedIdentity(context, user, imported, input.password);
    const facts = certificateFacts(imported.certificatePem);
    return {
      subject: facts.subject,
      issuer: facts.issuer,
      notAfter: facts.notAfter,
      fingerprintSha256: facts.fingerprintSha256,
    };
  },
  'documents.forVersion': (context, input) => {
    const document = documentForVersion(context.ledger.db, input.versionId);
    if (document === undefined) throw new ServiceError('NOT_FOUND', 'No signed PDF is stored for this version.');
    context.audit('document.viewed', 'document', document.id, { versionId: input.versionId });
    return storedPdf(document);
  },
  'documents.forSessionSignature': (context, input) => {
    const document = documentForSessionSignature(context.ledger.db, input.sessionSignatureId);
    if (document === undefined) throw new ServiceError('NOT_FOUND', 'No signed PDF is stored for this signature.');
    context.audit('document.viewed', 'document', document.id, { sessionSignatureId: input.sessionSignatureId });
    return storedPdf(document);
  },
  'documents.verify': (context, input) => {
    const result = verifyAnyPdf(context, Buffer.from(input.pdfBase64, 'base64'));
    return {
      valid: result.valid,
      checks: result.checks.map((check) => ({ name: check.name, ok: check.ok, detail: check.detail })),
    };
  },
  'identity.rootCertificate': (context) => {
    const root = rootIdentity(context.ledger.db);
    if (root === undefined) throw new ServiceError('NOT_FOUND', 'This clinic has no signing root yet.');
    return { pem: root.certificatePem, ...certificateFacts(root.certificatePem) };
  },
};
