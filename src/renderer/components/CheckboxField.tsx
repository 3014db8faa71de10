import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { describedBy } from './described-by';
import { FieldError } from './FieldError';

/** One checkbox with its label beside it, and its hint and error in words. */
export function CheckboxField({
  id,
  label,
  registration,
  hint,
  error,
}: {
  id: string;
  label: ReactNode;
  registration: UseFormRegisterReturn;
  hint?: ReactNode;
  error?: string | undefined;
}) {
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  const errorId = error === undefined ? undefined : `${id}-error`;
  return (
    <div className={error === undefined ? 'field' : 'field field-invalid'}>
      <FieldError id={errorId} error={error} />
      <label className="checkbox" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          aria-invalid={error === undefined ? undefined : true}
          aria-describedby={describedBy(hintId, errorId)}
          {...registration}
        />
        <span>{label}</span>
      </label>
      {hint !== undefined && (
        <p className="hint checkbox-hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}
