import { TextField } from '../../components/TextField';
import { fieldId } from '../../lib/focus-field';
import { WeightFields } from '../records/WeightFields';
import type { ExamSectionProps } from './exam-form-types';

const id = (path: string) => fieldId('exam', path);

/** Weight (with unit, date and source: every dose worked out from it says so) and height. */
export function BodySection({ register, values, messages }: ExamSectionProps) {
  const weightError = messages.get('weight');
  return (
    <section className="card form-card" aria-labelledby="exam-body-title">
      <h2 id="exam-body-title">Weight and height</h2>
      {weightError !== undefined && (
        <p className="field-error">
          <span className="visually-hidden">Error </span>
          {weightError}
        </p>
      )}
      <WeightFields
        id={id('weight')}
        legend="Weight"
        values={values.weight}
        registrations={{
          value: register('weight.value'),
          unit: register('weight.unit'),
          measuredOn: register('weight.measuredOn'),
          source: register('weight.source'),
        }}
        errors={{
          value: messages.get('weight.value'),
          measuredOn: messages.get('weight.measuredOn'),
          source: messages.get('weight.source'),
        }}
      />
      <TextField
        id={id('heightCm')}
        label="Height (cm)"
        optional
        inputMode="decimal"
        autoComplete="off"
        className="input-short"
        registration={register('heightCm')}
        error={messages.get('heightCm')}
      />
    </section>
  );
}
