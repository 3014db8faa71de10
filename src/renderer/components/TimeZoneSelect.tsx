import { useMemo } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { timeZoneOptions } from '../lib/time-zones';
import { SelectField } from './SelectField';

/** The clinic's IANA time zone, as a list a keyboard user can type into to jump. */
export function TimeZoneSelect({
  id,
  registration,
  error,
  current,
}: {
  id: string;
  registration: UseFormRegisterReturn;
  error?: string | undefined;
  /** The zone saved or proposed, kept in the list even if this runtime does not list it. */
  current: string;
}) {
  const options = useMemo(() => timeZoneOptions(current), [current]);
  return (
    <SelectField
      id={id}
      label="Time zone"
      hint="Every time in the records is shown in this zone, with its UTC offset."
      registration={registration}
      error={error}
    >
      {options.map((option) => (
        <option key={option.zone} value={option.zone}>
          {option.label}
        </option>
      ))}
    </SelectField>
  );
}
