import type { UseFormRegisterReturn } from 'react-hook-form';
import { formatDate, parseDateQuery } from '../../domain/time';
import { TextField } from './TextField';

/**
 * A date typed as text (a date picker shows the computer's locale layout, such as
 * 07/03/2026, which reads two ways). What was typed is read back as dd-Mmm-yyyy.
 */
export function DateTextField({
  id,
  label,
  registration,
  typed,
  error,
  hint = 'As dd-Mmm-yyyy or yyyy-mm-dd, e.g. 23-Nov-2026.',
}: {
  id: string;
  label: string;
  registration: UseFormRegisterReturn;
  /** The text in the field now, for the read-back. */
  typed: string;
  error?: string | undefined;
  hint?: string;
}) {
  const date = parseDateQuery(typed);
  const readbackId = `${id}-readback`;
  return (
    <TextField
      id={id}
      label={label}
      hint={hint}
      autoComplete="off"
      className="input-medium"
      registration={registration}
      error={error}
      extraDescription={readbackId}
      after={
        <p className="readback" id={readbackId} aria-live="polite">
          {date === null ? '' : `Reads as ${formatDate(date)}`}
        </p>
      }
    />
  );
}
