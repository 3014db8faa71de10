import type { PatientInput } from '../../src/domain/patient';

/** A valid patient as a form would send it; override the fields a test is about. */
export function patientInput(overrides: Partial<PatientInput> = {}): PatientInput {
  return {
    mrn: 'MRN-0001',
    familyName: 'Ruiz',
    givenNames: 'Ana María',
    preferredName: '',
    dateOfBirth: '1945-07-14',
    sex: 'female',
    phone: '+1 555 0100',
    emergencyContact: { name: 'Luis Ruiz', relationship: 'Son', phone: '+1 555 0101' },
    allergies: { status: 'recorded', items: ['Penicillin'] },
    ...overrides,
  };
}
