import type { Weight } from '../../../domain/weight';
import { weightKg } from '../../../domain/weight';
import type { WeightFinding } from '../../../domain/weight-check';
import { TextField } from '../../components/TextField';
import { fieldId } from '../../lib/focus-field';
import { WeightCheckPanel } from '../records/WeightCheckPanel';
import { ticksWeight } from '../records/weight-check-form';
import { WeightFields } from '../records/WeightFields';
import type { ExamSectionWithSetProps } from './exam-form-types';

const id = (path: string) => fieldId('exam', path);

/**
 * Weight (with unit, date and source: every dose worked out from it says so), what the
 * weight check surfaced on it with the acknowledgement, and height.
 */
export function BodySection({
  register,
  values,
  messages,
  setValue,
  weight,
  weightFindings,
}: ExamSectionWithSetProps & { weight: Weight | null; weightFindings: readonly WeightFinding[] }) {
  const weightError = messages.get('weight');
  const tick = (ticked: boolean) =>
    setValue(
      'weightAcknowledgement.acknowledgedWeightKg',
      ticked && weight !== null ? weightKg(weight).toString() : '',
      { shouldDirty: true, shouldTouch: true },
    );
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
      <WeightCheckPanel
        prefix="exam"
        findings={weightFindings}
        ticked={ticksWeight(values.weightAcknowledgement, weight)}
        onTick={tick}
        reason={register('weightAcknowledgement.reason')}
        messages={messages}
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
