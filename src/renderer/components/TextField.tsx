import type { InputHTMLAttributes, ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FieldFrame } from './FieldFrame';

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
  optional,
  extraDescription,
  after,
  className,
  ...input
}: TextFieldProps) {
  return (
    <FieldFrame {...{ id, label, hint, error, optional, extraDescription, after }}>
      {(control) => (
        <input
          {...control}
          className={className === undefined ? 'input' : `input ${className}`}
          {...input}
          {...registration}
        />
      )}
    </FieldFrame>
  );
}
