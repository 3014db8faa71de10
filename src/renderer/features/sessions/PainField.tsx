import type { UseFormRegisterReturn } from 'react-hook-form';
import { SelectField } from '../../components/SelectField';
import { painLabel } from '../../../domain/scale-text';

const scores = Array.from({ length: 11 }, (_, score) => score);

/** Pain now on the numeric rating scale, 0–10. */
export function PainField({
  id,
  label = 'Pain now (numeric rating scale 0–10)',
  registration,
  error,
}: {
  id: string;
  label?: string;
  registration: UseFormRegisterReturn;
  error?: string | undefined;
}) {
  return (
    <SelectField id={id} label={label} registration={registration} error={error} className="input select input-medium">
      <option value="">Not recorded</option>
      {scores.map((score) => (
        <option key={score} value={String(score)}>
          {painLabel(score)}
        </option>
      ))}
    </SelectField>
  );
}
