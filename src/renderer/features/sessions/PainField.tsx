import type { UseFormRegisterReturn } from 'react-hook-form';
import { SelectField } from '../../components/SelectField';
import { painLabel } from '../../../domain/scale-text';

const scores = Array.from({ length: 11 }, (_, score) => score);

/**
 * Pain now on the numeric rating scale, 0–10. Where a score is required the list starts
 * empty, asking for a choice: "Not recorded" there would read as an answer already given.
 */
export function PainField({
  id,
  label = 'Pain now (numeric rating scale 0–10)',
  required = false,
  registration,
  error,
}: {
  id: string;
  label?: string;
  required?: boolean;
  registration: UseFormRegisterReturn;
  error?: string | undefined;
}) {
  return (
    <SelectField id={id} label={label} registration={registration} error={error} className="input select input-medium">
      <option value="">{required ? 'Choose a score' : 'Not recorded'}</option>
      {scores.map((score) => (
        <option key={score} value={String(score)}>
          {painLabel(score)}
        </option>
      ))}
    </SelectField>
  );
}
