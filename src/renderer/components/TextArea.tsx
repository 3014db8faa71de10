import type { ReactNode, TextareaHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { describedBy } from './described-by';

export interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'children' | 'name'> {
  id: string;
  label: string;
  registration: UseFormRegisterReturn;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
}

/** A labelled multi-line text box with its hint and its error in words. */
export function TextArea({
  id,
  label,
  registration,
  hint,
  error,
  optional = false,
  className,
  rows = 3,
  ...textarea
}: TextAreaProps) {
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  const errorId = error === undefined ? undefined : `${id}-error`;
  return (
    <div className={error === undefined ? 'field' : 'field field-invalid'}>
      <label className="field-label" htmlFor={id}>
        {label}
        {optional && <span className="optional"> (optional)</span>}
      </label>
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
      <textarea
        id={id}
        rows={rows}
        className={className === undefined ? 'input textarea' : `input textarea ${className}`}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy(hintId, errorId)}
        dir="auto"
        {...textarea}
        {...registration}
      />
    </div>
  );
}
