import type { ConsentDocumentContent } from '../domain/consent';
import type { Patient } from '../domain/patient';
import { consentSignerSchema } from '../domain/consent';
import { signatureStrokesSchema } from '../domain/consent-signature';
import { renderConsentDocumentSync } from '../pdf/consent-document';
import { signPdf } from '../signing/sign-pdf';
import type { ConsentDocumentVersionRow, ConsentRow } from '../db/consents-repo';
import { consentPdfFor, getConsent, insertConsentPdf } from '../db/consents-repo';
import { keyedRowFields, sha256HexBytes } from '../db/keyed-tables';
import type { UserRow } from '../db/users-repo';
import type { Handlers, ServiceContext } from './context';
import { requireClinic } from './context';
import { checkpointAtSignature } from './checkpoints';
import { signingIdentityFor } from './identities';
import { ServiceError } from './service-error';

/**
 * Makes the signed PDF of a consent just recorded, in the recording transaction: rendered
 * from the stored row and text version, signed with the clinician's own key (unlocked by the
 * password they just gave), stored, audited, and never regenerated.
 */
export function storeConsentPdf(
  context: ServiceContext,
  input: {
    consent: ConsentRow;
    /** The canonical JSON its contentSha256 was computed from, embedded as record.json. */
    recordJson: string;
    version: ConsentDocumentVersionRow;
    content: ConsentDocumentContent;
    patient: Patient;
    signer: UserRow;
    password: string;
  },
): void {
  const { consent, version, content } = input;
  const clinic = requireClinic(context);
  const unsigned = renderConsentDocumentSync({
    clinic: { name: clinic.name, address: clinic.address, timeZone: clinic.timeZone },
    patient: input.patient,
    consent: {
      id: consent.id,
      documentId: version.documentId,
      documentVersion: version.version,
      planRecordId: consent.planRecordId,
      textSha256: consent.textSha256,
      signer: consentSignerSchema.parse(
        consent.signerKind === 'representative'
          ? {
              kind: 'representative',
              name: consent.representativeName,
              relationship: consent.representativeRelationship,
            }
          : { kind: 'patient' },
      ),
      typedName: consent.typedName,
      initialled: JSON.parse(consent.initialled) as string[],
      strokes: signatureStrokesSchema.parse(JSON.parse(consent.strokes)),
      patientSignedAt: consent.patientSignedAt,
      clinicianPrintedName: consent.clinicianPrintedName,
      witnessPrintedName: consent.witnessPrintedName,
      signedAt: consent.signedAt,
      contentSha256: consent.contentSha256,
    },
    text: content,
    recordJson: input.recordJson,
  });
  const identity = signingIdentityFor(context, input.signer, input.password);
  const pdf = signPdf(unsigned, { ...identity, signingTime: context.now });
  const stored = insertConsentPdf(context.ledger.db, {
    consentId: consent.id,
    fileName: `consent-${consent.id}.pdf`,
    pdf,
    sha256: sha256HexBytes(pdf),
    createdAt: context.nowIso,
  });
  context.audit('consent.pdf-stored', 'consent', consent.id, {
    sha256: stored.sha256,
    ...keyedRowFields(context.ledger.raw, 'consent_pdfs', stored.id),
  });
  checkpointAtSignature(context, input.signer, identity.privateKeyPem);
}

export const consentPdfHandlers: Handlers<'consents.pdf'> = {
  'consents.pdf': (context, input) => {
    if (getConsent(context.ledger.db, input.consentId) === undefined) {
      throw new ServiceError('NOT_FOUND', `There is no consent ${input.consentId}.`);
    }
    const stored = consentPdfFor(context.ledger.db, input.consentId);
    if (stored === undefined) {
      throw new ServiceError('NOT_FOUND', `No signed PDF is stored for consent ${input.consentId}.`);
    }
    context.audit('document.viewed', 'consent', input.consentId, { pdfId: stored.id });
    return { fileName: stored.fileName, pdfBase64: stored.pdf.toString('base64'), sha256: stored.sha256 };
  },
};
