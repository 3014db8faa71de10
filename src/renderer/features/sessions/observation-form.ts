import type { FieldIssue } from '../../../contract/errors';
import type { Observation } from '../../../domain/infusion-session';
import { cadss6Items } from '../../../domain/infusion-session';
import type { VitalsFormValues } from './vitals-form';
import { vitalsFormValues, vitalsFrom } from './vitals-form';

/** A timed check as typed; choices not made are "". */
export interface ObservationFormValues {
  vitals: VitalsFormValues;
  sedation: string;
  cadss6: string[];
  painNrs: string;
  nausea: '' | NonNullable<Observation['nausea']>;
  notes: string;
}

const text = (value: number | null) => (value === null ? '' : String(value));
const score = (value: string) => (value === '' ? null : Number(value));

export function observationFormValues(observation: Observation | null): ObservationFormValues {
  return {
    vitals: vitalsFormValues(observation?.vitals ?? null),
    sedation: text(observation?.sedation ?? null),
    cadss6: (observation?.cadss6 ?? cadss6Items.map(() => null)).map(text),
    painNrs: text(observation?.painNrs ?? null),
    nausea: observation?.nausea ?? '',
    notes: observation?.notes ?? '',
  };
}

/** The check to chart: the key safety signs (blood pressure, heart rate, SpO2, sedation) are required. */
export function observationFrom(values: ObservationFormValues, issues: FieldIssue[]): Observation | null {
  const before = issues.length;
  const vitals = vitalsFrom(values.vitals, 'vitals', issues, [
    'systolicMmHg',
    'diastolicMmHg',
    'heartRateBpm',
    'spo2Percent',
  ]);
  if (values.sedation === '') issues.push({ path: 'sedation', message: 'Choose the sedation level (MOAA/S)' });
  const cadss6 = values.cadss6.map(score);
  return issues.length > before
    ? null
    : {
        vitals,
        sedation: score(values.sedation),
        cadss6: cadss6.every((item) => item === null) ? null : cadss6,
        painNrs: score(values.painNrs),
        nausea: values.nausea === '' ? null : values.nausea,
        notes: values.notes.trim(),
      };
}
