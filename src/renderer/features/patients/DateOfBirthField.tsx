import type { UseFormRegisterReturn } from 'react-hook-form';
import { useWatch } from 'react-hook-form';
import { parseDateQuery } from '../../../domain/time';
import { TextField } from '../../components/TextField';
import { formatBorn } from '../../lib/born';
import type { PatientFormControl } from './patient-form-values';

/**
 * Date of birth typed as text (a date picker would show the computer's locale layout,
 * such as 07/03/1945, which reads two ways). What was typed is read back unambiguously.
 */
export function DateOfBirthField({
  control,
  registration,
  error,
  clinicTimeZone,
}: {
  control: PatientFormControl;
  registration: UseFormRegisterReturn;
  error?: string | undefined;
  clinicTimeZone: string;
}) {
  const typed = useWatch({ control, name: 'dateOfBirth' });
  const date = parseDateQuery(typed);
  return (
    <TextField
      id="patient-dateOfBirth"
      label="Date of birth"
      hint="As yyyy-mm-dd or dd-Mmm-yyyy, e.g. 1945-07-14 or 14-Jul-1945."
      autoComplete="off"
      inputMode="text"
      className="input-medium"
      registration={registration}
      error={error}
      extraDescription="patient-dateOfBirth-readback"
      after={
        <p className="readback" id="patient-dateOfBirth-readback" aria-live="polite">
          {date === null ? '' : `Reads as ${formatBorn(date, clinicTimeZone)}`}
        </p>
      }
    />
  );
}
