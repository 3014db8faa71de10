import type { Patient as LedgerPatient } from '../../domain/patient';
import { coding, concept, ledgerSystems, systems } from './code-systems';
import type { CodeableConcept, ContactPoint, FhirResource, HumanName, Identifier, Meta, Reference } from './datatypes';
import { fhirInstant } from './instant';
import { ids } from './ids';
import type { FhirMapper } from './mapper';
import { organizationReference } from './references';

export interface Patient extends FhirResource {
  resourceType: 'Patient';
  meta: Meta;
  identifier: Identifier[];
  name: HumanName[];
  telecom?: ContactPoint[];
  gender: 'male' | 'female' | 'other' | 'unknown';
  birthDate: string;
  contact?: { relationship: CodeableConcept[]; name: HumanName; telecom: ContactPoint[] }[];
  managingOrganization: Reference;
}

/**
 * Given names are split on spaces because FHIR wants one name per `given` entry; the text
 * keeps the name exactly as typed ("Ruiz, Ana María"), so nothing is lost if the split is
 * not how the patient would split it.
 */
function officialName(patient: LedgerPatient): HumanName {
  return {
    use: 'official',
    text: `${patient.familyName}, ${patient.givenNames}`,
    family: patient.familyName,
    given: patient.givenNames.split(/\s+/u).filter((name) => name !== ''),
  };
}

export function patientResource(patient: LedgerPatient, managingOrganization: Reference): Patient {
  const contact = patient.emergencyContact;
  return {
    resourceType: 'Patient',
    id: ids.patient(patient.id),
    // The ledger versions patient demographics; the FHIR version is the same number.
    meta: { versionId: String(patient.version), lastUpdated: fhirInstant(patient.updatedAt) },
    identifier: [
      {
        use: 'usual',
        type: concept(systems.identifierType, 'MR', 'Medical record number'),
        system: ledgerSystems.mrn,
        value: patient.mrn,
        // MRNs are unique within one clinic only: the assigner says which.
        assigner: managingOrganization,
      },
    ],
    name: [
      officialName(patient),
      ...(patient.preferredName === ''
        ? []
        : [{ use: 'usual' as const, text: patient.preferredName, given: [patient.preferredName] }]),
    ],
    telecom: patient.phone === '' ? undefined : [{ system: 'phone', value: patient.phone }],
    // The ledger's sexes are exactly FHIR's AdministrativeGender codes.
    gender: patient.sex,
    birthDate: patient.dateOfBirth,
    contact:
      contact === null
        ? undefined
        : [
            {
              relationship: [
                { coding: [coding(systems.contactRelationship, 'C', 'Emergency Contact')] },
                { text: contact.relationship },
              ],
              name: { text: contact.name },
              telecom: [{ system: 'phone', value: contact.phone }],
            },
          ],
    managingOrganization,
  };
}

export const patientMapper: FhirMapper = {
  name: 'patient',
  scope: 'patient',
  types: ['Patient'],
  map({ index }) {
    const organization = organizationReference(index);
    return index.snapshot.patients.map((patient) => patientResource(patient, organization));
  },
};
