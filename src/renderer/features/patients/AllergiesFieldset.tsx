import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { useController, useWatch } from 'react-hook-form';
import { RadioGroup } from '../../components/RadioGroup';
import type { PatientFormControl, PatientFormValues } from './patient-form-values';

const statusOptions = [
  { value: 'not-recorded', label: 'Not recorded yet' },
  { value: 'none-known', label: 'No known allergies' },
  { value: 'recorded', label: 'Has allergies (list them)' },
] as const;

/** Id of an allergy row's input; the error summary leads there. */
export function allergyRowId(index: number): string {
  return `patient-allergy-${index}`;
}

/** The error of one row; react-hook-form types an array of strings' errors loosely. */
function rowMessage(errors: unknown, index: number): string | undefined {
  if (!Array.isArray(errors)) return undefined;
  const entry: unknown = errors[index];
  return typeof entry === 'object' && entry !== null && 'message' in entry && typeof entry.message === 'string'
    ? entry.message
    : undefined;
}

export interface AllergiesFieldsetProps {
  control: PatientFormControl;
  register: UseFormRegister<PatientFormValues>;
  errors: FieldErrors<PatientFormValues>;
}

/**
 * Allergies as a three-way answer: not recorded, none known, or a list. Unknown and
 * "none" are different facts and must never look alike. The list is one controlled
 * value, so adding and removing rows never leaves a stale input behind.
 */
export function AllergiesFieldset({ control, register, errors }: AllergiesFieldsetProps) {
  const status = useWatch({ control, name: 'allergies.status' });
  const {
    field: { value: items, onChange, onBlur, ref },
  } = useController({ control, name: 'allergies.items' });
  const itemErrors = errors.allergies?.items;
  const listError = itemErrors?.message;

  const focusRow = (index: number) =>
    window.requestAnimationFrame(() => document.getElementById(allergyRowId(index))?.focus());

  const statusRegistration = register('allergies.status', {
    onChange: (event: { target: { value: string } }) => {
      // Choosing "has allergies" opens a first row to type into.
      if (event.target.value === 'recorded' && items.length === 0) onChange(['']);
    },
  });

  const change = (index: number, text: string) => onChange(items.map((item, at) => (at === index ? text : item)));
  const add = () => {
    onChange([...items, '']);
    focusRow(items.length);
  };
  const remove = (index: number) => {
    onChange(items.filter((_, at) => at !== index));
    if (items.length > 1) focusRow(Math.max(0, index - 1));
  };

  return (
    <div className="form-section">
      <h2 className="form-section-title">Allergies</h2>
      <RadioGroup
        id="patient-allergies-status"
        legend="Allergy status"
        registration={statusRegistration}
        options={statusOptions}
      />
      {status === 'recorded' && (
        <fieldset
          className={listError === undefined ? 'allergy-list field' : 'allergy-list field field-invalid'}
          aria-describedby={listError === undefined ? undefined : 'allergy-list-error'}
        >
          <legend className="field-label">Allergy list</legend>
          <p className="hint">One allergy per row: the substance, and the reaction if known.</p>
          {listError !== undefined && (
            <p className="field-error" id="allergy-list-error">
              <span className="visually-hidden">Error </span>
              {listError}
            </p>
          )}
          {items.length > 0 && (
            <ol className="allergy-rows">
              {items.map((item, index) => {
                const error = rowMessage(itemErrors, index);
                const id = allergyRowId(index);
                return (
                  // Rows have no identity beyond their position in the list.
                  <li key={index} className={error === undefined ? 'allergy-row' : 'allergy-row field-invalid'}>
                    <label className="field-label" htmlFor={id}>
                      Allergy {index + 1}
                    </label>
                    {error !== undefined && (
                      <p className="field-error" id={`${id}-error`}>
                        <span className="visually-hidden">Error </span>
                        {error}
                      </p>
                    )}
                    <div className="allergy-row-controls">
                      <input
                        id={id}
                        className="input"
                        dir="auto"
                        autoComplete="off"
                        value={item}
                        onChange={(event) => change(index, event.target.value)}
                        onBlur={onBlur}
                        aria-invalid={error === undefined ? undefined : true}
                        aria-describedby={error === undefined ? undefined : `${id}-error`}
                      />
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        onClick={() => remove(index)}
                      >
                        Remove<span className="visually-hidden"> allergy {index + 1}</span>
                      </button>
                    </div>
                  </li>
                );
              })}
            </ol>
          )}
          <button type="button" className="button button-secondary" onClick={add} ref={ref}>
            Add an allergy
          </button>
        </fieldset>
      )}
    </div>
  );
}
