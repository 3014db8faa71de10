import { z } from 'zod';
import { clinicTimeZoneSchema, storedTimeZoneSchema } from './clinic-time-zone';
import { weightCheckSettingsSchema, weightRangeIssues } from './weight-check';

export const defaultAutoLockMinutes = 10;

export const clinicSettingsSchema = z.object({
  name: z.string().trim().min(1, 'Enter the clinic name').max(200, 'Use at most 200 characters'),
  address: z.string().trim().max(500, 'Use at most 500 characters'),
  timeZone: clinicTimeZoneSchema,
  /** Minutes without activity before a session locks. */
  autoLockMinutes: z
    .number()
    .int('Use whole minutes')
    .min(1, 'Use at least 1 minute')
    .max(60, 'Use at most 60 minutes'),
});
export type ClinicSettings = z.infer<typeof clinicSettingsSchema>;

export const clinicSchema = clinicSettingsSchema.extend({
  ...weightCheckSettingsSchema.shape,
  // A clinic set up under a legacy zone name still loads (see clinic-time-zone.ts).
  timeZone: storedTimeZoneSchema,
  updatedAt: z.string(),
});
export type Clinic = z.infer<typeof clinicSchema>;

/** What `clinic.update` takes: the settings, and each weight-check setting (kept as it is when left out). */
export const clinicUpdateSchema = clinicSettingsSchema.extend(weightCheckSettingsSchema.partial().shape);
export type ClinicUpdate = z.infer<typeof clinicUpdateSchema>;

/** The administrator's settings form: every setting, the weight check's range rising. */
export const clinicSettingsFormSchema = clinicSettingsSchema
  .extend(weightCheckSettingsSchema.shape)
  .superRefine((settings, context) => {
    for (const issue of weightRangeIssues(settings)) {
      context.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
    }
  });
