import type { CodeableConcept, Coding } from './datatypes';

/** Code system URIs, as R4 and terminology.hl7.org name them. */
export const systems = {
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  ucum: 'http://unitsofmeasure.org',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  allergyClinical: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  participationType: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
  dataOperation: 'http://terminology.hl7.org/CodeSystem/v3-DataOperation',
  identifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  contactRelationship: 'http://terminology.hl7.org/CodeSystem/v2-0131',
  practitionerRole: 'http://terminology.hl7.org/CodeSystem/practitioner-role',
  provenanceParticipant: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type',
  signatureType: 'urn:iso-astm:E1762-95:2013',
  doseRateType: 'http://terminology.hl7.org/CodeSystem/dose-rate-type',
  dicom: 'http://dicom.nema.org/resources/ontology/DCM',
  auditEntityType: 'http://terminology.hl7.org/CodeSystem/audit-entity-type',
  securitySourceType: 'http://terminology.hl7.org/CodeSystem/security-source-type',
  objectRole: 'http://terminology.hl7.org/CodeSystem/object-role',
  adverseEventSeverity: 'http://terminology.hl7.org/CodeSystem/adverse-event-severity',
  adverseEventSeriousness: 'http://terminology.hl7.org/CodeSystem/adverse-event-seriousness',
  consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
} as const;

/**
 * Dosing Ledger's own identifier systems and extension URLs. URNs rather than web addresses:
 * the app is offline and owns no domain, and a URN cannot be mistaken for something to fetch.
 */
export const ledgerSystems = {
  mrn: 'urn:dosing-ledger:mrn',
  username: 'urn:dosing-ledger:username',
  recordVersion: 'urn:dosing-ledger:record-version',
  record: 'urn:dosing-ledger:record',
  auditAction: 'urn:dosing-ledger:audit-action',
  auditEntity: 'urn:dosing-ledger:audit-entity',
  session: 'urn:dosing-ledger:infusion-session',
  sessionEntry: 'urn:dosing-ledger:session-entry',
  /** A container of the controlled-substance register, by its label ("R4-2"). */
  registerContainer: 'urn:dosing-ledger:register-container',
  /** A recorded consent, by its ledger id. */
  consent: 'urn:dosing-ledger:consent',
  /** A consent text version, by the SHA-256 (hex) of the canonical JSON of what the patient read. */
  consentTextSha256: 'urn:dosing-ledger:consent-text-sha256',
  /** Codes of what sessions chart and neither LOINC nor SNOMED gives us with certainty. */
  observationCode: 'urn:dosing-ledger:observation-code',
  /** Extension on Provenance.signature: SHA-256 (hex) of the signed version's canonical JSON. */
  contentSha256: 'urn:dosing-ledger:fhir:extension:content-sha256',
  /** Extension on a session's Provenance.signature: the last entry id the signature covers. */
  lastEntryId: 'urn:dosing-ledger:fhir:extension:last-entry-id',
  /** Extension on MedicationAdministration.dosage: the volume infused, as read from the pump. */
  volumeInfused: 'urn:dosing-ledger:fhir:extension:volume-infused',
  /** Extensions on AdverseEvent for what R4 AdverseEvent has no element for (it has no note). */
  adverseEventAction: 'urn:dosing-ledger:fhir:extension:adverse-event-action',
  adverseEventRescueMedication: 'urn:dosing-ledger:fhir:extension:adverse-event-rescue-medication',
  adverseEventOutcome: 'urn:dosing-ledger:fhir:extension:adverse-event-outcome',
  adverseEventPhysicianNotified: 'urn:dosing-ledger:fhir:extension:adverse-event-physician-notified',
} as const;

export function coding(system: string, code: string, display?: string): Coding {
  return { system, code, display };
}

export function concept(system: string, code: string, display?: string, text?: string): CodeableConcept {
  return { coding: [coding(system, code, display)], text };
}
