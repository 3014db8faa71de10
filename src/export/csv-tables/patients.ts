import type { Patient } from '../../domain/patient';
import { formatAllergies, sexLabels } from '../../domain/patient';
import type { CsvColumn } from '../csv';
import type { CsvTableDefinition } from './table';
import { patientTable } from './table';

const columns: CsvColumn<Patient>[] = [
  { header: 'patient_id', value: (patient) => patient.id },
  { header: 'mrn', value: (patient) => patient.mrn },
  { header: 'family_name', value: (patient) => patient.familyName },
  { header: 'given_names', value: (patient) => patient.givenNames },
  { header: 'preferred_name', value: (patient) => patient.preferredName },
  { header: 'date_of_birth', value: (patient) => patient.dateOfBirth },
  { header: 'sex', value: (patient) => sexLabels[patient.sex] },
  { header: 'phone', value: (patient) => patient.phone },
  { header: 'emergency_contact_name', value: (patient) => patient.emergencyContact?.name ?? null },
  { header: 'emergency_contact_relationship', value: (patient) => patient.emergencyContact?.relationship ?? null },
  { header: 'emergency_contact_phone', value: (patient) => patient.emergencyContact?.phone ?? null },
  { header: 'allergy_status', value: (patient) => patient.allergies.status },
  // "No known allergies" / "Allergies not recorded" in words, as on the patient banner.
  {
    header: 'allergies',
    value: (patient) =>
      patient.allergies.status === 'recorded' ? patient.allergies.items.join('; ') : formatAllergies(patient.allergies),
  },
  { header: 'record_version', value: (patient) => patient.version },
  { header: 'created_at_utc', value: (patient) => patient.createdAt },
  { header: 'updated_at_utc', value: (patient) => patient.updatedAt },
];

export const patientsTable: CsvTableDefinition = patientTable(
  'patients.csv',
  columns,
  (part) => part.snapshot.patients,
);
