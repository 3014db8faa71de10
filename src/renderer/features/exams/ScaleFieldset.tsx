import type { UseFormRegister, UseFormSetValue } from 'react-hook-form';
import type { ScaleId } from '../../../domain/scales';
import { scaleDefinitions, scaleTotal } from '../../../domain/scales';
import { fieldId } from '../../lib/focus-field';
import type { ExamFormValues } from './exam-form-values';

/** "Total 8 of 27", or how many items are still unanswered: a partial total would mislead. */
export function scaleSummary(scale: ScaleId, items: readonly string[]): string {
  const { items: count, maxItemScore } = scaleDefinitions[scale];
  const answered = items.filter((item) => item !== '').length;
  if (answered === 0) return 'Not recorded';
  const total = scaleTotal(items.map((item) => (item === '' ? null : Number(item))));
  if (total === null) return `Total shown when all ${count} items are answered (${answered} answered)`;
  return `Total ${total} of ${count * maxItemScore}`;
}

/** One questionnaire: an answer (0 to the item maximum) per item, with its live total. */
export function ScaleFieldset({
  scale,
  items,
  register,
  setValue,
  error,
}: {
  scale: ScaleId;
  items: readonly string[];
  register: UseFormRegister<ExamFormValues>;
  setValue: UseFormSetValue<ExamFormValues>;
  error?: string | undefined;
}) {
  const { name, maxItemScore } = scaleDefinitions[scale];
  const id = fieldId('exam', `scales.${scale}`);
  const scores = Array.from({ length: maxItemScore + 1 }, (_, score) => score);
  const clear = () =>
    setValue(
      `scales.${scale}`,
      items.map(() => ''),
      { shouldDirty: true },
    );
  return (
    <fieldset className={error === undefined ? 'scale' : 'scale field-invalid'} id={id}>
      <legend className="form-subsection-title">{name}</legend>
      <p className="hint">Each item scored 0–{maxItemScore} as the patient answered. Leave all empty if not done.</p>
      {error !== undefined && (
        <p className="field-error">
          <span className="visually-hidden">Error </span>
          {error}
        </p>
      )}
      <div className="scale-items">
        {items.map((_, index) => (
          <div className="scale-item" key={index}>
            <label className="field-label" htmlFor={`${id}-${index}`}>
              Item {index + 1}
            </label>
            <select id={`${id}-${index}`} className="input select" {...register(`scales.${scale}.${index}`)}>
              <option value="">–</option>
              {scores.map((score) => (
                <option key={score} value={String(score)}>
                  {score}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      <div className="scale-footer">
        <p className="scale-total" aria-live="polite">
          {name}: {scaleSummary(scale, items)}
        </p>
        <button type="button" className="button button-secondary button-small" onClick={clear}>
          Clear {name}
        </button>
      </div>
    </fieldset>
  );
}
