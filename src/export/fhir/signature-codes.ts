import type { SignatureMeaning } from '../../domain/record';
import { coding, systems } from './code-systems';
import type { Coding } from './datatypes';

/**
 * How a signature's meaning (21 CFR 11.50) maps to FHIR, checked against the R4 code systems:
 *
 * | meaning  | Signature.type (ASTM E1762-95)              | agent.type (provenance-participant-type) | activity (v3-ParticipationType) |
 * |----------|---------------------------------------------|------------------------------------------|---------------------------------|
 * | authored | 1.2.840.10065.1.12.1.1 Author's Signature   | author                                   | AUT author (originator)         |
 * | reviewed | 1.2.840.10065.1.12.1.5 Verification Sig.    | verifier                                 | VRF verifier                    |
 * | approved | 1.2.840.10065.1.12.1.6 Validation Signature | attester                                 | LA legal authenticator          |
 *
 * "Reviewed" is E1762's Verification Signature (a clinician countersigning what another
 * recorded), not its Review Signature (.13), which is for clerks and gateways filtering data.
 * "Approved" is the Validation Signature (validating a document for the patient record).
 * An authored signature on an amendment also carries .15 Addendum Signature: E1762 defines it
 * as the signature on a new amended document whose original stays retrievable, which is
 * exactly how the ledger amends.
 */
const signatureTypes: Record<SignatureMeaning, Coding> = {
  authored: coding(systems.signatureType, '1.2.840.10065.1.12.1.1', "Author's Signature"),
  reviewed: coding(systems.signatureType, '1.2.840.10065.1.12.1.5', 'Verification Signature'),
  approved: coding(systems.signatureType, '1.2.840.10065.1.12.1.6', 'Validation Signature'),
};

const addendumSignature = coding(systems.signatureType, '1.2.840.10065.1.12.1.15', 'Addendum Signature');

export function signatureTypeCodings(meaning: SignatureMeaning, isAmendment: boolean): Coding[] {
  return meaning === 'authored' && isAmendment
    ? [signatureTypes.authored, addendumSignature]
    : [signatureTypes[meaning]];
}

export const agentTypes: Record<SignatureMeaning, Coding> = {
  authored: coding(systems.provenanceParticipant, 'author', 'Author'),
  reviewed: coding(systems.provenanceParticipant, 'verifier', 'Verifier'),
  approved: coding(systems.provenanceParticipant, 'attester', 'Attester'),
};

/** Provenance.activity is bound (extensibly) to a value set that includes v3-ParticipationType. */
export const signingActivities: Record<SignatureMeaning, Coding> = {
  authored: coding(systems.participationType, 'AUT', 'author (originator)'),
  reviewed: coding(systems.participationType, 'VRF', 'verifier'),
  approved: coding(systems.participationType, 'LA', 'legal authenticator'),
};
