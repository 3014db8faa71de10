import type { ReactNode, TextareaHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FieldFrame } from './FieldFrame';

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
  optional,
  className,
  rows = 3,
  ...textarea
}: TextAreaProps) {
  return (
    <FieldFrame {...{ id, label, hint, error, optional }}>
      {(control) => (
        <textarea
          {...control}
          rows={rows}
          className={className === undefined ? 'input textarea' : `input textarea ${className}`}
          dir="auto"
          {...textarea}
          {...registration}
        />
      )}
    </FieldFrame>
  );
}
