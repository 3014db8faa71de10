import { z } from 'zod';
import { isCalendarDate } from './time';

export const sexes = ['female', 'male', 'other', 'unknown'] as const;
export const sexSchema = z.enum(sexes);
export type Sex = z.infer<typeof sexSchema>;
export const sexLabels: Record<Sex, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unknown: 'Not known',
};

/** Text a person typed: trimmed, no control characters, NFC so "Zoë" is stored one way. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters`)
    .refine((value) => !/\p{Cc}/u.test(value), 'Remove control characters')
    .transform((value) => value.normalize('NFC'));

const requiredText = (max: number, what: string) => text(max).refine((value) => value.length > 0, `Enter the ${what}`);

export const mrnSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{0,31}$/, 'Use 1–32 letters, digits or hyphens for the MRN');

export const isoDateSchema = z.string().refine(isCalendarDate, 'Enter a real date as yyyy-mm-dd');

export const allergiesSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('not-recorded') }),
  z.object({ status: z.literal('none-known') }),
  z.object({
    status: z.literal('recorded'),
    items: z.array(requiredText(200, 'allergy')).min(1, 'List at least one allergy').max(50),
  }),
]);
export type Allergies = z.infer<typeof allergiesSchema>;

export const emergencyContactSchema = z.object({
  name: requiredText(200, 'contact name'),
  relationship: text(100),
  phone: requiredText(50, 'contact phone number'),
});

export const patientInputSchema = z.object({
  mrn: mrnSchema,
  familyName: requiredText(200, 'family name'),
  givenNames: requiredText(200, 'given names'),
  preferredName: text(200),
  dateOfBirth: isoDateSchema,
  sex: sexSchema,
  phone: text(50),
  emergencyContact: emergencyContactSchema.nullable(),
  allergies: allergiesSchema,
});
export type PatientInput = z.input<typeof patientInputSchema>;
export type PatientFields = z.output<typeof patientInputSchema>;

/**
 * A stored patient, as the back end returns it. Its text was checked on the way in; the
 * output check is about shape only, so it does not re-run every input rule on every read.
 */
export const patientSchema = z.object({
  id: z.number().int().positive(),
  version: z.number().int().positive(),
  createdAt: z.string(),
  updatedAt: z.string(),
  mrn: z.string(),
  familyName: z.string(),
  givenNames: z.string(),
  preferredName: z.string(),
  dateOfBirth: z.string(),
  sex: sexSchema,
  phone: z.string(),
  emergencyContact: z.object({ name: z.string(), relationship: z.string(), phone: z.string() }).nullable(),
  allergies: z.discriminatedUnion('status', [
    z.object({ status: z.literal('not-recorded') }),
    z.object({ status: z.literal('none-known') }),
    z.object({ status: z.literal('recorded'), items: z.array(z.string()) }),
  ]),
});
export type Patient = z.infer<typeof patientSchema>;

export const patientSummarySchema = patientSchema.pick({
  id: true,
  mrn: true,
  familyName: true,
  givenNames: true,
  preferredName: true,
  dateOfBirth: true,
  sex: true,
});
export type PatientSummary = z.infer<typeof patientSummarySchema>;

/** "RUIZ, Ana María": family name in capitals first, as on every wristband and banner. */
export function formatPatientName(patient: Pick<Patient, 'familyName' | 'givenNames'>): string {
  return `${patient.familyName.toUpperCase()}, ${patient.givenNames}`;
}

export function formatAllergies(allergies: Allergies): string {
  switch (allergies.status) {
    case 'not-recorded':
      return 'Allergies not recorded';
    case 'none-known':
      return 'No known allergies';
    case 'recorded':
      return allergies.items.join(', ');
  }
}
