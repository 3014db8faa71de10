import type { UseFormRegisterReturn } from 'react-hook-form';
import { describedBy } from './described-by';

export interface AnswerOption {
  value: string;
  label: string;
}

/**
 * One question answered by a row of radio buttons (yes / no / not known), laid out as a
 * line of a checklist. A labelled radiogroup rather than a fieldset, so rows line up.
 */
export function AnswerRow({
  id,
  label,
  registration,
  options,
  error,
}: {
  id: string;
  label: string;
  registration: UseFormRegisterReturn;
  options: readonly AnswerOption[];
  error?: string | undefined;
}) {
  const labelId = `${id}-label`;
  const errorId = error === undefined ? undefined : `${id}-error`;
  return (
    <div
      className={error === undefined ? 'answer-row' : 'answer-row field-invalid'}
      role="radiogroup"
      id={id}
      aria-labelledby={labelId}
      aria-describedby={describedBy(errorId)}
    >
      <span className="answer-label" id={labelId} dir="auto">
        {label}
      </span>
      <span className="answer-options">
        {options.map((option) => (
          <label className="radio" key={option.value}>
            <input type="radio" value={option.value} id={`${id}-${option.value}`} {...registration} />
            <span>{option.label}</span>
          </label>
        ))}
      </span>
      {error !== undefined && (
        <span className="field-error answer-error" id={errorId}>
          <span className="visually-hidden">Error </span>
          {error}
        </span>
      )}
    </div>
  );
}
