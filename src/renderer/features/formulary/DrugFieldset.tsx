import type { Control, UseFormRegister } from 'react-hook-form';
import { useWatch } from 'react-hook-form';
import { TextField } from '../../components/TextField';
import type { FieldMessages } from '../../lib/field-messages';
import { fieldId } from '../../lib/focus-field';
import { ConcentrationRows } from './ConcentrationRows';
import type { FormularyFormValues } from './formulary-form-values';
import { LimitsTable } from './LimitsTable';

export interface DrugFieldsetProps {
  index: number;
  control: Control<FormularyFormValues>;
  register: UseFormRegister<FormularyFormValues>;
  messages: FieldMessages;
  onRemove: () => void;
}

/** One drug of the clinic's list: name, code, RxNorm code, concentrations and limits. */
export function DrugFieldset({ index, control, register, messages, onRemove }: DrugFieldsetProps) {
  const name = useWatch({ control, name: `drugs.${index}.name` });
  const prefix = `drugs.${index}`;
  return (
    <fieldset className="drug" id={fieldId('formulary', prefix)}>
      <legend className="drug-legend">
        Drug {index + 1}
        {name.trim() !== '' && (
          <>
            : <span dir="auto">{name}</span>
          </>
        )}
      </legend>
      <div className="form-grid">
        <TextField
          id={fieldId('formulary', `${prefix}.name`)}
          label="Drug name"
          hint="As printed on plans and at chairside, e.g. Ketamine hydrochloride."
          autoComplete="off"
          dir="auto"
          registration={register(`drugs.${index}.name`)}
          error={messages.get(`${prefix}.name`)}
        />
        <TextField
          id={fieldId('formulary', `${prefix}.code`)}
          label="Drug code"
          optional
          hint="Lower-case letters, digits and hyphens; made from the name when left empty. Plans refer to the drug by it."
          autoComplete="off"
          spellCheck={false}
          className="input-medium"
          registration={register(`drugs.${index}.code`)}
          error={messages.get(`${prefix}.code`)}
        />
        <TextField
          id={fieldId('formulary', `${prefix}.rxNormCode`)}
          label="RxNorm code"
          optional
          hint="The drug's RxCUI, digits only, so exported records name the drug in a code other systems read. Dosing Ledger does not look it up: copy it from RxNorm."
          autoComplete="off"
          inputMode="numeric"
          spellCheck={false}
          className="input-medium"
          registration={register(`drugs.${index}.rxNormCode`)}
          error={messages.get(`${prefix}.rxNormCode`)}
        />
      </div>
      <ConcentrationRows index={index} control={control} register={register} messages={messages} />
      <LimitsTable index={index} register={register} messages={messages} />
      <div className="actions">
        <button type="button" className="button button-secondary button-small" onClick={onRemove}>
          Remove drug {index + 1}
          {name.trim() !== '' && <span className="visually-hidden"> ({name})</span>}
        </button>
      </div>
    </fieldset>
  );
}
