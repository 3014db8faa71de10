import type { FieldIssue } from '../../../contract/errors';
import type { Vitals } from '../../../domain/vitals';
import { vitalsSchema } from '../../../domain/vitals';
import { parseDecimal, parseWhole } from '../../lib/parse-fields';

export const vitalNames = [
  'systolicMmHg',
  'diastolicMmHg',
  'heartRateBpm',
  'spo2Percent',
  'respiratoryRatePerMin',
  'temperatureC',
] as const;
export type VitalName = (typeof vitalNames)[number];

/** Vital signs as typed, one text per field. */
export type VitalsFormValues = Record<VitalName, string>;

export const vitalLabels: Record<VitalName, string> = {
  systolicMmHg: 'Systolic BP (mmHg)',
  diastolicMmHg: 'Diastolic BP (mmHg)',
  heartRateBpm: 'Heart rate (beats/min)',
  spo2Percent: 'SpO2 (%)',
  respiratoryRatePerMin: 'Respiratory rate (breaths/min)',
  temperatureC: 'Temperature (°C)',
};

const missing: Record<VitalName, string> = {
  systolicMmHg: 'Enter the systolic blood pressure',
  diastolicMmHg: 'Enter the diastolic blood pressure',
  heartRateBpm: 'Enter the heart rate',
  spo2Percent: 'Enter the SpO2',
  respiratoryRatePerMin: 'Enter the respiratory rate',
  temperatureC: 'Enter the temperature',
};

/** Baseline and discharge need these; a timed check records what was measured. */
export const coreVitals: readonly VitalName[] = [
  'systolicMmHg',
  'diastolicMmHg',
  'heartRateBpm',
  'spo2Percent',
  'respiratoryRatePerMin',
];

export function vitalsFormValues(vitals: Vitals | null): VitalsFormValues {
  const text = (name: VitalName) => {
    const value = vitals?.[name] ?? null;
    return value === null ? '' : String(value);
  };
  return Object.fromEntries(vitalNames.map((name) => [name, text(name)])) as VitalsFormValues;
}

/** The vitals to store; each field that does not read is left empty and noted under `path.name`. */
export function vitalsFrom(
  values: VitalsFormValues,
  path: string,
  issues: FieldIssue[],
  required: readonly VitalName[] = [],
): Vitals {
  for (const name of required) {
    if (values[name].trim() === '') issues.push({ path: `${path}.${name}`, message: missing[name] });
  }
  const whole = (name: Exclude<VitalName, 'temperatureC'>) =>
    parseWhole(values[name], vitalsSchema.shape[name], `${path}.${name}`, issues);
  return {
    systolicMmHg: whole('systolicMmHg'),
    diastolicMmHg: whole('diastolicMmHg'),
    heartRateBpm: whole('heartRateBpm'),
    spo2Percent: whole('spo2Percent'),
    respiratoryRatePerMin: whole('respiratoryRatePerMin'),
    temperatureC: parseDecimal(values.temperatureC, vitalsSchema.shape.temperatureC, `${path}.temperatureC`, issues),
  };
}
