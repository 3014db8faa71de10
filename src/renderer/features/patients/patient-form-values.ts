import type { Control } from 'react-hook-form';
import { z } from 'zod';
import type { Patient, PatientFields, PatientInput } from '../../../domain/patient';
import { sexSchema } from '../../../domain/patient';
import { parseDateQuery } from '../../../domain/time';

/**
 * What the patient form holds while being typed: every field a string, the emergency
 * contact always present (blank means none), and the allergy list kept while another
 * allergy answer is chosen, so switching back does not lose it. Drafts are checked
 * against this schema before they are restored.
 */
export const patientFormValuesSchema = z.object({
  mrn: z.string(),
  familyName: z.string(),
  givenNames: z.string(),
  preferredName: z.string(),
  dateOfBirth: z.string(),
  sex: z.union([sexSchema, z.literal('')]),
  phone: z.string(),
  emergencyContact: z.object({ name: z.string(), relationship: z.string(), phone: z.string() }),
  allergies: z.object({
    status: z.enum(['not-recorded', 'none-known', 'recorded']),
    items: z.array(z.string()),
  }),
});
export type PatientFormValues = z.infer<typeof patientFormValuesSchema>;

/** The form's control: typed values in, the domain's validated patient fields out. */
export type PatientFormControl = Control<PatientFormValues, unknown, PatientFields>;

/** Top-level field names, for placing the server's issues ("patient.mrn") on fields. */
export const patientFieldNames = Object.keys(patientFormValuesSchema.shape);

export const emptyPatientForm: PatientFormValues = {
  mrn: '',
  familyName: '',
  givenNames: '',
  preferredName: '',
  dateOfBirth: '',
  sex: '',
  phone: '',
  emergencyContact: { name: '', relationship: '', phone: '' },
  allergies: { status: 'not-recorded', items: [] },
};

export function formValuesFromPatient(patient: Patient): PatientFormValues {
  return {
    mrn: patient.mrn,
    familyName: patient.familyName,
    givenNames: patient.givenNames,
    preferredName: patient.preferredName,
    dateOfBirth: patient.dateOfBirth,
    sex: patient.sex,
    phone: patient.phone,
    emergencyContact: patient.emergencyContact ?? { name: '', relationship: '', phone: '' },
    allergies: {
      status: patient.allergies.status,
      items: patient.allergies.status === 'recorded' ? [...patient.allergies.items] : [],
    },
  };
}

/** The typed form as the contract's patient input (still unvalidated: sex may be unchosen). */
export function toPatientInput(
  values: PatientFormValues,
): Omit<PatientInput, 'sex'> & { sex: PatientFormValues['sex'] } {
  const contact = values.emergencyContact;
  const hasContact = [contact.name, contact.relationship, contact.phone].some((value) => value.trim() !== '');
  return {
    ...values,
    // Accepts 14-Jul-1945 as well as 1945-07-14; anything else goes on as typed and is refused in words.
    dateOfBirth: parseDateQuery(values.dateOfBirth) ?? values.dateOfBirth.trim(),
    emergencyContact: hasContact ? contact : null,
    allergies:
      values.allergies.status === 'recorded'
        ? { status: 'recorded', items: values.allergies.items }
        : { status: values.allergies.status },
  };
}
