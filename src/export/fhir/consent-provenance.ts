import type { ConsentRecord } from '../consent-snapshot';
import { consentsOf } from '../consent-snapshot';
import type { ExportIndex } from '../snapshot-index';
import { coding, ledgerSystems, systems } from './code-systems';
import type { Coding, Reference } from './datatypes';
import { consentSignerReference } from './consent';
import { fhirInstant } from './instant';
import { ids, reference } from './ids';
import type { FhirMapper } from './mapper';
import type { Provenance, Signature } from './provenance';
import { practitionerReference } from './references';

/** A Provenance that happened at one instant (a withdrawal) rather than over a period. */
type ConsentProvenance = Provenance & { occurredDateTime?: string };

/**
 * ASTM E1762 signature types for a consent: the patient's (or representative's) Consent
 * Signature, the consenting clinician's Verification Signature (they verified the patient read
 * and understood the text, meaning "obtained consent"), and the Consent Witness Signature.
 */
const signatureTypes = {
  consent: coding(systems.signatureType, '1.2.840.10065.1.12.1.7', 'Consent Signature'),
  clinician: coding(systems.signatureType, '1.2.840.10065.1.12.1.5', 'Verification Signature'),
  witness: coding(systems.signatureType, '1.2.840.10065.1.12.1.11', 'Consent Witness Signature'),
} as const;

const agentType = (code: 'author' | 'performer' | 'attester', display: string): { coding: Coding[] } => ({
  coding: [coding(systems.provenanceParticipant, code, display)],
});

/**
 * Who signed the consent and when. As for records, `Signature.data` is absent (the drawn
 * strokes are in the ledger and on the PDF); what the clinician's signature binds, the
 * consent's SHA-256, travels in the content-sha256 extension, as in consents.csv.
 */
function signedProvenance(index: ExportIndex, consent: ConsentRecord, target: Reference): ConsentProvenance {
  const signer = consentSignerReference(index, consent);
  const clinician = { ...practitionerReference(index, consent.clinicianUserId), display: consent.clinicianPrintedName };
  const witness =
    consent.witnessUserId === null
      ? null
      : {
          ...practitionerReference(index, consent.witnessUserId),
          display: consent.witnessPrintedName ?? undefined,
        };
  const signedAt = fhirInstant(consent.signedAt);
  const signatures: Signature[] = [
    { extension: [], type: [signatureTypes.consent], when: fhirInstant(consent.patientSignedAt), who: signer },
    {
      extension: [{ url: ledgerSystems.contentSha256, valueString: consent.contentSha256 }],
      type: [signatureTypes.clinician],
      when: signedAt,
      who: clinician,
    },
    ...(witness === null ? [] : [{ extension: [], type: [signatureTypes.witness], when: signedAt, who: witness }]),
  ];
  return {
    resourceType: 'Provenance',
    id: ids.consentSignatureProvenance(consent.id),
    target: [target],
    occurredPeriod: { start: fhirInstant(consent.patientSignedAt), end: signedAt },
    recorded: signedAt,
    activity: {
      coding: [coding(systems.dataOperation, 'CREATE', 'create')],
      text: 'Consent signed (obtained consent)',
    },
    agent: [
      { type: agentType('author', 'Author'), who: signer },
      { type: agentType('performer', 'Performer'), who: clinician },
      ...(witness === null ? [] : [{ type: agentType('attester', 'Attester'), who: witness }]),
    ],
    signature: signatures,
  };
}

/** The withdrawal: when the patient withdrew, who recorded it and when, and why. */
function withdrawalProvenance(index: ExportIndex, consent: ConsentRecord, target: Reference): ConsentProvenance[] {
  const withdrawal = consent.withdrawal;
  if (withdrawal === null) return [];
  return [
    {
      resourceType: 'Provenance',
      id: ids.consentWithdrawalProvenance(consent.id),
      target: [target],
      occurredDateTime: fhirInstant(withdrawal.withdrawnAt),
      recorded: fhirInstant(withdrawal.recordedAt),
      reason: [{ text: withdrawal.reason }],
      // v3 "abort": ended before its intended end, as a discontinued plan.
      activity: { coding: [coding(systems.dataOperation, 'ABORT', 'abort')], text: 'Consent withdrawn' },
      agent: [
        {
          type: agentType('author', 'Author'),
          who: { ...practitionerReference(index, withdrawal.recordedByUserId), display: withdrawal.recordedByName },
        },
      ],
    },
  ];
}

export const consentProvenanceMapper: FhirMapper = {
  name: 'consent-provenance',
  scope: 'patient',
  types: ['Provenance'],
  map: ({ index, produced }) =>
    consentsOf(index.snapshot).flatMap((consent) => {
      const id = ids.consent(consent.id);
      if (!produced.has(`Consent/${id}`)) return [];
      const target = reference('Consent', id);
      return [signedProvenance(index, consent, target), ...withdrawalProvenance(index, consent, target)];
    }),
};
