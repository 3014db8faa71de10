import { TextField } from '../../components/TextField';
import { fieldId } from '../../lib/focus-field';
import type { ExamFormValues } from './exam-form-values';
import type { ExamSectionProps } from './exam-form-types';

type VitalName = keyof ExamFormValues['vitals'];

export const vitalLabels: Record<VitalName, string> = {
  systolicMmHg: 'Systolic blood pressure (mmHg)',
  diastolicMmHg: 'Diastolic blood pressure (mmHg)',
  heartRateBpm: 'Heart rate (beats/min)',
  spo2Percent: 'SpO2 (%)',
  respiratoryRatePerMin: 'Respiratory rate (breaths/min)',
  temperatureC: 'Temperature (°C)',
};

const names = Object.keys(vitalLabels) as VitalName[];

/** Baseline vital signs, each labelled with its unit. */
export function VitalsSection({ register, messages }: Omit<ExamSectionProps, 'values'>) {
  return (
    <section className="card form-card" aria-labelledby="exam-vitals-title" id={fieldId('exam', 'vitals')}>
      <h2 id="exam-vitals-title">Baseline vital signs</h2>
      {messages.get('vitals') !== undefined && (
        <p className="field-error">
          <span className="visually-hidden">Error </span>
          {messages.get('vitals')}
        </p>
      )}
      <div className="form-grid form-grid-3">
        {names.map((name) => (
          <TextField
            key={name}
            id={fieldId('exam', `vitals.${name}`)}
            label={vitalLabels[name]}
            inputMode={name === 'temperatureC' ? 'decimal' : 'numeric'}
            autoComplete="off"
            className="input-short"
            registration={register(`vitals.${name}`)}
            error={messages.get(`vitals.${name}`)}
          />
        ))}
      </div>
    </section>
  );
}
