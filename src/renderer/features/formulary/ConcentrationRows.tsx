import type { Control, UseFormRegister } from 'react-hook-form';
import { useFieldArray } from 'react-hook-form';
import type { FieldMessages } from '../../lib/field-messages';
import { fieldId } from '../../lib/focus-field';
import type { FormularyFormValues } from './formulary-form-values';

/** The concentrations a drug is stocked in (mg/mL), one per row. */
export function ConcentrationRows({
  index,
  control,
  register,
  messages,
}: {
  index: number;
  control: Control<FormularyFormValues>;
  register: UseFormRegister<FormularyFormValues>;
  messages: FieldMessages;
}) {
  const rows = useFieldArray({ control, name: `drugs.${index}.concentrations` });
  const prefix = `drugs.${index}.concentrations`;
  const listError = messages.get(prefix);
  return (
    <fieldset
      className={listError === undefined ? 'field concentration-list' : 'field concentration-list field-invalid'}
      id={fieldId('formulary', prefix)}
      aria-describedby={listError === undefined ? undefined : `${fieldId('formulary', prefix)}-error`}
    >
      <legend className="field-label">Concentrations (mg/mL)</legend>
      <p className="hint">The strengths your clinic stocks; a plan chooses one of them.</p>
      {listError !== undefined && (
        <p className="field-error" id={`${fieldId('formulary', prefix)}-error`}>
          <span className="visually-hidden">Error </span>
          {listError}
        </p>
      )}
      <ol className="concentration-rows">
        {rows.fields.map((field, row) => {
          const path = `${prefix}.${row}.value`;
          const id = fieldId('formulary', path);
          const error = messages.get(path);
          return (
            <li
              key={field.id}
              className={error === undefined ? 'concentration-row' : 'concentration-row field-invalid'}
            >
              <label className="field-label" htmlFor={id}>
                Concentration {row + 1} (mg/mL)
              </label>
              {error !== undefined && (
                <p className="field-error" id={`${id}-error`}>
                  <span className="visually-hidden">Error </span>
                  {error}
                </p>
              )}
              <div className="inline-controls">
                <input
                  id={id}
                  className="input input-short"
                  inputMode="decimal"
                  autoComplete="off"
                  aria-invalid={error === undefined ? undefined : true}
                  aria-describedby={error === undefined ? undefined : `${id}-error`}
                  {...register(`drugs.${index}.concentrations.${row}.value`)}
                />
                <span className="unit">mg/mL</span>
                {rows.fields.length > 1 && (
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => rows.remove(row)}
                  >
                    Remove<span className="visually-hidden"> concentration {row + 1}</span>
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() =>
          rows.append({ value: '' }, { focusName: `drugs.${index}.concentrations.${rows.fields.length}.value` })
        }
      >
        Add a concentration
      </button>
    </fieldset>
  );
}
