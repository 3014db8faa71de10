import { scaleIds } from '../../../domain/scales';
import { fieldId } from '../../lib/focus-field';
import type { ExamSectionWithSetProps } from './exam-form-types';
import { ScaleFieldset } from './ScaleFieldset';

const painChoices = Array.from({ length: 11 }, (_, score) => score);

function painLabel(score: number): string {
  if (score === 0) return '0 (no pain)';
  if (score === 10) return '10 (worst pain imaginable)';
  return String(score);
}

/** PHQ-9, GAD-7, PCL-5 item answers with live totals, and pain now on a 0–10 scale. */
export function ScalesSection({ register, values, messages, setValue }: ExamSectionWithSetProps) {
  const painId = fieldId('exam', 'scales.painNrs');
  const painError = messages.get('scales.painNrs');
  return (
    <section className="card form-card" aria-labelledby="exam-scales-title">
      <h2 id="exam-scales-title">Baseline scales</h2>
      {scaleIds.map((scale) => (
        <ScaleFieldset
          key={scale}
          scale={scale}
          items={values.scales[scale]}
          register={register}
          setValue={setValue}
          error={messages.get(`scales.${scale}`)}
        />
      ))}
      <div className={painError === undefined ? 'field' : 'field field-invalid'}>
        <label className="field-label" htmlFor={painId}>
          Pain now (numeric rating scale, 0–10) <span className="optional">(optional)</span>
        </label>
        <select id={painId} className="input select input-medium" {...register('scales.painNrs')}>
          <option value="">Not recorded</option>
          {painChoices.map((score) => (
            <option key={score} value={String(score)}>
              {painLabel(score)}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}
