import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver, ResolverOptions } from 'react-hook-form';
import type { PatientFields, PatientInput } from '../../../domain/patient';
import { patientInputSchema } from '../../../domain/patient';
import { plainZodMessage } from '../../lib/plain-zod-messages';
import { withFieldMessages } from '../../lib/with-field-messages';
import type { PatientFormValues } from './patient-form-values';
import { toPatientInput } from './patient-form-values';

const schemaResolver = zodResolver(patientInputSchema, { error: plainZodMessage });

/**
 * Validates the form with the domain's own patient schema, the same one the back end
 * applies. The form's shape differs only where toPatientInput folds it (blank contact →
 * null, allergy items dropped unless listed); field paths are the same, so every error
 * lands on the field it is about.
 */
export const patientFormResolver: Resolver<PatientFormValues, unknown, PatientFields> = withFieldMessages(
  async (values, context, options) =>
    schemaResolver(
      toPatientInput(values) as PatientInput,
      context,
      options as unknown as ResolverOptions<PatientInput>,
    ),
  { sex: "Choose the patient's sex, or Not known" },
);
