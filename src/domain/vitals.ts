import { z } from 'zod';
import { decimalSchema, wholeNumberSchema } from './quantity';

/** Vital signs; every field may be left empty in a draft. Ranges catch typing slips only. */
export const vitalsSchema = z.object({
  systolicMmHg: wholeNumberSchema('systolic pressure (mmHg)', 40, 300).nullable(),
  diastolicMmHg: wholeNumberSchema('diastolic pressure (mmHg)', 20, 200).nullable(),
  heartRateBpm: wholeNumberSchema('heart rate (beats/min)', 20, 250).nullable(),
  spo2Percent: wholeNumberSchema('SpO2 (%)', 50, 100).nullable(),
  respiratoryRatePerMin: wholeNumberSchema('respiratory rate (breaths/min)', 4, 60).nullable(),
  temperatureC: decimalSchema('temperature (°C)')
    .refine((value) => Number(value) >= 30 && Number(value) <= 45, 'The temperature must be 30–45 °C')
    .nullable(),
});
export type Vitals = z.infer<typeof vitalsSchema>;

export const emptyVitals: Vitals = {
  systolicMmHg: null,
  diastolicMmHg: null,
  heartRateBpm: null,
  spo2Percent: null,
  respiratoryRatePerMin: null,
  temperatureC: null,
};

export function vitalsComplete(vitals: Vitals): boolean {
  return Object.values(vitals).every((value) => value !== null);
}
