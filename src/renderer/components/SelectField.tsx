import type { ReactNode, SelectHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FieldFrame } from './FieldFrame';

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'name'> {
  id: string;
  label: string;
  registration: UseFormRegisterReturn;
  hint?: ReactNode;
  error?: string | undefined;
  children: ReactNode;
}

/** A labelled drop-down list with its hint and its error in words. */
export function SelectField({ id, label, registration, hint, error, children, ...select }: SelectFieldProps) {
  return (
    <FieldFrame {...{ id, label, hint, error }}>
      {(control) => (
        <select {...control} className="input select" {...select} {...registration}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}
