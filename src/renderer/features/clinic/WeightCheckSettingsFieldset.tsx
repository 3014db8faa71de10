import type { UseFormRegisterReturn } from 'react-hook-form';
import type { WeightCheckSettings } from '../../../domain/weight-check';
import { TextField } from '../../components/TextField';

type Setting = keyof WeightCheckSettings;

const fields: readonly { name: Setting; id: string; label: string; hint: string; min: number; max: number }[] = [
  {
    name: 'weightChangePercent',
    id: 'clinic-weight-change-percent',
    label: 'Weight change to surface (%)',
    hint: 'A new weight that differs from a previous one by more than this percentage… From 1 to 100.',
    min: 1,
    max: 100,
  },
  {
    name: 'weightChangeDays',
    id: 'clinic-weight-change-days',
    label: 'Within (days)',
    hint: '…when the two were taken at most this many days apart. From 1 to 3650.',
    min: 1,
    max: 3650,
  },
  {
    name: 'weightPlausibleMinKg',
    id: 'clinic-weight-min-kg',
    label: 'Lowest plausible adult weight (kg)',
    hint: "A patient's first weight below this is surfaced.",
    min: 1,
    max: 1000,
  },
  {
    name: 'weightPlausibleMaxKg',
    id: 'clinic-weight-max-kg',
    label: 'Highest plausible adult weight (kg)',
    hint: "A patient's first weight above this is surfaced.",
    min: 1,
    max: 1000,
  },
];

/**
 * The clinic's weight check: what a newly entered weight is compared against before a
 * physician signs. A weight near 2.2046 times (or 1/2.2046 of) a previous one, the mark of
 * pounds entered as kilograms, is always surfaced.
 */
export function WeightCheckSettingsFieldset({
  register,
  errors,
}: {
  register: (name: Setting) => UseFormRegisterReturn;
  errors: Partial<Record<Setting, string | undefined>>;
}) {
  return (
    <fieldset className="session-fieldset" id="clinic-weight-check">
      <legend className="form-section-title">Weight check</legend>
      <p className="hint">
        Each weight entered in an exam or plan is compared with the patient&apos;s previous weights. What is surfaced
        needs the physician&apos;s acknowledgement and reason before signing. A weight near 2.2046 times (or 1/2.2046
        of) a previous one, the mark of pounds entered as kilograms or the reverse, is always surfaced.
      </p>
      {fields.map((field) => (
        <TextField
          key={field.name}
          id={field.id}
          label={field.label}
          hint={field.hint}
          type="number"
          inputMode="numeric"
          min={field.min}
          max={field.max}
          step={1}
          className="input-short"
          registration={register(field.name)}
          error={errors[field.name]}
        />
      ))}
    </fieldset>
  );
}
