import type { Patient } from '../../domain/patient';
import type { ExportIndex } from '../snapshot-index';
import { concept, systems } from './code-systems';
import type { CodeableConcept, FhirResource, Reference } from './datatypes';
import { ids } from './ids';
import type { FhirMapper } from './mapper';
import { patientReference } from './references';

export interface AllergyIntolerance extends FhirResource {
  resourceType: 'AllergyIntolerance';
  clinicalStatus: CodeableConcept;
  code: CodeableConcept;
  patient: Reference;
}

const active = concept(systems.allergyClinical, 'active', 'Active');

/**
 * One AllergyIntolerance per allergy as typed (free text: the ledger does not code allergens).
 * "No known allergies" is a positive statement, so it is recorded too, with SNOMED CT
 * 716186003 "No known allergy". "Not recorded" produces nothing: absence means unknown.
 */
function allergies(index: ExportIndex, patient: Patient): AllergyIntolerance[] {
  const subject = patientReference(index, patient.id);
  switch (patient.allergies.status) {
    case 'not-recorded':
      return [];
    case 'none-known':
      return [
        {
          resourceType: 'AllergyIntolerance',
          id: ids.noKnownAllergy(patient.id),
          clinicalStatus: active,
          code: concept(systems.snomed, '716186003', 'No known allergy', 'No known allergies'),
          patient: subject,
        },
      ];
    case 'recorded':
      return patient.allergies.items.map((item, position) => ({
        resourceType: 'AllergyIntolerance',
        id: ids.allergy(patient.id, position),
        clinicalStatus: active,
        code: { text: item },
        patient: subject,
      }));
  }
}

export const allergyMapper: FhirMapper = {
  name: 'allergy',
  scope: 'patient',
  types: ['AllergyIntolerance'],
  map({ index }) {
    return index.snapshot.patients.flatMap((patient) => allergies(index, patient));
  },
};
