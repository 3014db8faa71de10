import type { InputHTMLAttributes, ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { describedBy } from './described-by';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'children' | 'name'> {
  id: string;
  /** Usually text; may hold a visually hidden part that completes the name for screen readers. */
  label: ReactNode;
  registration: UseFormRegisterReturn;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  /** Ids of further descriptions, e.g. the password rules list. */
  extraDescription?: string;
  /** Shown under the input, e.g. how a typed date reads. */
  after?: ReactNode;
}

/** A labelled input with its hint and its error in words, wired for screen readers. */
export function TextField({
  id,
  label,
  registration,
  hint,
  error,
  optional = false,
  extraDescription,
  after,
  className,
  ...input
}: TextFieldProps) {
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
      <input
        id={id}
        className={className === undefined ? 'input' : `input ${className}`}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy(hintId, errorId, extraDescription)}
        {...input}
        {...registration}
      />
      {after}
    </div>
  );
}
