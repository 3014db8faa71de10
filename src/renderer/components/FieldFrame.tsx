import type { ReactNode } from 'react';
import { describedBy } from './described-by';
import { FieldError } from './FieldError';

/** What a framed control needs to be tied to its label, hint and error. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export interface FieldFrameProps {
  id: string;
  /** Usually text; may hold a visually hidden part that completes the name for screen readers. */
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  /** Ids of further descriptions, e.g. the password rules list. */
  extraDescription?: string | undefined;
  /** Shown under the control, e.g. how a typed date reads. */
  after?: ReactNode;
  /** Draws the control with the ids and states that wire it to the frame. */
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * The one frame of every form field: a visible label, the hint, the error in words (read out
 * by screen readers through aria-describedby), then the control.
 */
export function FieldFrame({
  id,
  label,
  hint,
  error,
  optional = false,
  extraDescription,
  after,
  children,
}: FieldFrameProps) {
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
      <FieldError id={errorId} error={error} />
      {children({
        id,
        'aria-invalid': error === undefined ? undefined : true,
        'aria-describedby': describedBy(hintId, errorId, extraDescription),
      })}
      {after}
    </div>
  );
}
