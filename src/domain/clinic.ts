import { z } from 'zod';
import { isValidTimeZone } from './time';

export const defaultAutoLockMinutes = 10;

export const clinicSettingsSchema = z.object({
  name: z.string().trim().min(1, 'Enter the clinic name').max(200, 'Use at most 200 characters'),
  address: z.string().trim().max(500, 'Use at most 500 characters'),
  timeZone: z.string().refine(isValidTimeZone, 'Choose a time zone from the list, e.g. America/New_York'),
  /** Minutes without activity before a session locks. */
  autoLockMinutes: z
    .number()
    .int('Use whole minutes')
    .min(1, 'Use at least 1 minute')
    .max(60, 'Use at most 60 minutes'),
});
export type ClinicSettings = z.infer<typeof clinicSettingsSchema>;

export const clinicSchema = clinicSettingsSchema.extend({
  updatedAt: z.string(),
});
export type Clinic = z.infer<typeof clinicSchema>;
