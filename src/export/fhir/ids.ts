import type { Reference } from './datatypes';

/**
 * Resource ids are built from the ledger's own ids, so the same record gets the same id in
 * every export and a reader can match a FHIR resource with its CSV row and PDF. FHIR ids
 * allow [A-Za-z0-9-.]{1,64}; every id below stays well inside that.
 */
export const ids = {
  organization: () => 'clinic',
  device: () => 'dosing-ledger',
  practitioner: (userId: number) => `user-${userId}`,
  practitionerRole: (userId: number) => `user-${userId}-role`,
  patient: (patientId: number) => `patient-${patientId}`,
  allergy: (patientId: number, index: number) => `patient-${patientId}-allergy-${index + 1}`,
  noKnownAllergy: (patientId: number) => `patient-${patientId}-no-known-allergy`,
  /** One Encounter per exam record: the visit happened once, however often it was amended. */
  encounter: (examRecordId: number) => `exam-${examRecordId}`,
  indication: (examRecordId: number) => `exam-${examRecordId}-indication`,
  observation: (examRecordId: number, kind: string) => `exam-${examRecordId}-${kind}`,
  /** One MedicationRequest per signed plan version: FHIR changes an order by replacing it. */
  medicationRequest: (planRecordId: number, version: number) => `plan-${planRecordId}-v${version}`,
  signatureProvenance: (signatureId: number) => `signature-${signatureId}`,
  amendmentProvenance: (recordType: string, recordId: number, version: number) =>
    `${recordType}-${recordId}-v${version}-amendment`,
  discontinuationProvenance: (planRecordId: number) => `plan-${planRecordId}-discontinued`,
  auditEvent: (seq: number) => `audit-${seq}`,
  /** One Encounter per infusion session: the chairside visit. */
  sessionEncounter: (sessionId: number) => `session-${sessionId}`,
  /** The infusion as a whole: one MedicationAdministration per session. */
  infusion: (sessionId: number) => `session-${sessionId}-infusion`,
  /** One MedicationAdministration per rate, named after the event that set it (its first version). */
  rateSegment: (sessionId: number, rootEntryId: number) => `session-${sessionId}-infusion-${rootEntryId}`,
  /** Observations of one charted entry, named after its first version so corrections keep the id. */
  sessionObservation: (sessionId: number, rootEntryId: number, kind: string) =>
    `session-${sessionId}-entry-${rootEntryId}-${kind}`,
  adverseEvent: (sessionId: number, rootEntryId: number) => `session-${sessionId}-entry-${rootEntryId}`,
  /** Session signatures are numbered apart from record signatures, hence the prefix. */
  sessionSignatureProvenance: (signatureId: number) => `session-signature-${signatureId}`,
  /** One Consent per recorded consent; its representative, signatures and withdrawal are named after it. */
  consent: (consentId: number) => `consent-${consentId}`,
  consentRepresentative: (consentId: number) => `consent-${consentId}-representative`,
  consentSignatureProvenance: (consentId: number) => `consent-${consentId}-signed`,
  consentWithdrawalProvenance: (consentId: number) => `consent-${consentId}-withdrawn`,
} as const;

export function reference(resourceType: string, id: string, display?: string): Reference {
  return { reference: `${resourceType}/${id}`, display };
}

/** A reference to one version of a resource, as Provenance targets should be. */
export function versionedReference(resourceType: string, id: string, versionId: string): Reference {
  return { reference: `${resourceType}/${id}/_history/${versionId}` };
}

/** "Type/id" of a resource, the key references and the bundle use. */
export function resourceKey(resource: { resourceType: string; id: string }): string {
  return `${resource.resourceType}/${resource.id}`;
}
