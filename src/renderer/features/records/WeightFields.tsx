import type { UseFormRegisterReturn } from 'react-hook-form';
import { weightSchema, formatWeight } from '../../../domain/weight';
import { DateTextField } from '../../components/DateTextField';
import { RadioGroup } from '../../components/RadioGroup';
import { TextField } from '../../components/TextField';
import type { WeightFormValues } from '../../lib/weight-form';

type Part = keyof WeightFormValues;

const unitOptions = [
  { value: 'kg', label: 'kg' },
  { value: 'lb', label: 'lb' },
] as const;
const sourceOptions = [
  { value: 'measured', label: 'Measured here' },
  { value: 'stated', label: 'Stated by the patient' },
] as const;

/** "Reads as 160 lb = 72.5747792 kg": pounds always show the exact kilograms used. */
function readback(values: WeightFormValues): string {
  const parsed = weightSchema.shape.value.safeParse(values.value);
  if (!parsed.success) return '';
  return `Reads as ${formatWeight({ value: parsed.data, unit: values.unit })}`;
}

/** A weight with its unit, the date it was taken and whether it was measured or stated. */
export function WeightFields({
  id,
  legend,
  values,
  registrations,
  errors,
}: {
  /** Id of the group; each part adds its name ("exam-weight-value"). */
  id: string;
  legend: string;
  values: WeightFormValues;
  registrations: Record<Part, UseFormRegisterReturn>;
  errors: Partial<Record<Part, string | undefined>>;
}) {
  const readbackId = `${id}-value-readback`;
  return (
    <fieldset className="weight-fields" id={id}>
      <legend className="form-subsection-title">{legend}</legend>
      <div className="weight-grid">
        <TextField
          id={`${id}-value`}
          label={`Weight (${values.unit})`}
          inputMode="decimal"
          autoComplete="off"
          className="input-short"
          registration={registrations.value}
          error={errors.value}
          extraDescription={readbackId}
          after={
            <p className="readback" id={readbackId} aria-live="polite">
              {readback(values)}
            </p>
          }
        />
        <RadioGroup id={`${id}-unit`} legend="Unit" inline registration={registrations.unit} options={unitOptions} />
        <DateTextField
          id={`${id}-measuredOn`}
          label="Date taken"
          typed={values.measuredOn}
          registration={registrations.measuredOn}
          error={errors.measuredOn}
        />
        <RadioGroup
          id={`${id}-source`}
          legend="Source"
          registration={registrations.source}
          options={sourceOptions}
          error={errors.source}
        />
      </div>
    </fieldset>
  );
}
