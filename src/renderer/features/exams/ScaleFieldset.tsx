import type { UseFormRegister, UseFormSetValue } from 'react-hook-form';
import { scaleAnswerText, scaleItemName, scaleItemText, scaleWording } from '../../../domain/scale-items';
import type { ScaleId } from '../../../domain/scales';
import { scaleDefinitions, scaleTotal } from '../../../domain/scales';
import { fieldId } from '../../lib/focus-field';
import '../../styles/exam-scales.css';
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

/**
 * One questionnaire as published: its question, each item's text and each answer's words,
 * with the live total. Each select is named after its questionnaire and item ("PHQ-9 item
 * 1: Little interest or pleasure in doing things"), so no two on the page share a name.
 */
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
      <p className="scale-stem">{scaleWording[scale].stem}</p>
      <p className="hint">Record each answer as the patient gave it. Leave all empty if not done.</p>
      {error !== undefined && (
        <p className="field-error">
          <span className="visually-hidden">Error </span>
          {error}
        </p>
      )}
      <ol className="scale-questions">
        {items.map((_, index) => (
          <li className="scale-question" key={index}>
            {/* The name in one piece for screen readers (spans would be read with gaps); the eye gets number and text. */}
            <label className="scale-question-text" htmlFor={`${id}-${index}`}>
              <span className="visually-hidden">{scaleItemName(scale, index)}</span>
              <span className="scale-question-number" aria-hidden="true">
                {index + 1}
              </span>
              <span aria-hidden="true">{scaleItemText(scale, index)}</span>
            </label>
            <select
              id={`${id}-${index}`}
              className="input select scale-answer"
              {...register(`scales.${scale}.${index}`)}
            >
              <option value="">Not answered</option>
              {scores.map((score) => (
                <option key={score} value={String(score)}>
                  {scaleAnswerText(scale, score)}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ol>
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
