import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { describedBy } from './described-by';

export interface RadioOption {
  value: string;
  label: string;
}

export interface RadioGroupProps {
  id: string;
  legend: string;
  registration: UseFormRegisterReturn;
  options: readonly RadioOption[];
  hint?: ReactNode;
  error?: string | undefined;
  inline?: boolean;
}

/** A set of radio buttons under one visible question (fieldset and legend). */
export function RadioGroup({ id, legend, registration, options, hint, error, inline = false }: RadioGroupProps) {
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  const errorId = error === undefined ? undefined : `${id}-error`;
  return (
    <fieldset
      id={id}
      className={error === undefined ? 'field radio-group' : 'field radio-group field-invalid'}
      aria-describedby={describedBy(hintId, errorId)}
    >
      <legend className="field-label">{legend}</legend>
      {hint !== undefined && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error !== undefined && (
        <p className="field-error" id={errorId}>
          <span className="visually-hidden">Error </span>
          {error}
        </p>
      )}
      <div className={inline ? 'radio-options radio-options-inline' : 'radio-options'}>
        {options.map((option) => (
          <label className="radio" key={option.value}>
            <input type="radio" value={option.value} {...registration} id={`${id}-${option.value}`} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
