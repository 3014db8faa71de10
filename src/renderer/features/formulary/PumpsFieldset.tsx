import type { FieldArrayWithId, UseFormRegister } from 'react-hook-form';
import { pumpKindLabels, pumpKinds, pumpRateSteps } from '../../../domain/pump';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import type { FieldMessages } from '../../lib/field-messages';
import { fieldId } from '../../lib/focus-field';
import type { FormularyFormValues } from './formulary-form-values';

/**
 * The clinic's pumps and the steps each is set in. A plan names its pump, and the rate the
 * nurse can program is the worked-out rate in that pump's steps; what that delivers is
 * shown against the signed dose.
 */
export function PumpsFieldset({
  fields,
  register,
  messages,
  onAdd,
  onRemove,
}: {
  fields: readonly FieldArrayWithId<FormularyFormValues, 'pumps'>[];
  register: UseFormRegister<FormularyFormValues>;
  messages: FieldMessages;
  onAdd: () => void;
  onRemove: (index: number) => void;
}) {
  return (
    <section className="card" aria-labelledby="pumps-title">
      <h2 id="pumps-title">Pumps</h2>
      <p className="hint">
        List each pump model the clinic infuses with and the step its rate is set in (see its manual). Once a pump of a
        kind is listed, plans given that way must name one.
      </p>
      {fields.length === 0 ? (
        <p className="value-unknown">No pumps listed: plans show the rate in mL/h to 0.01 mL/h.</p>
      ) : (
        <ol className="screening-rows">
          {fields.map((field, index) => {
            const prefix = `pumps.${index}`;
            const id = (path: string) => fieldId('formulary', `${prefix}.${path}`);
            return (
              <li key={field.id} className="screening-row" id={fieldId('formulary', prefix)}>
                <TextField
                  id={id('name')}
                  label={`Pump ${index + 1} name`}
                  autoComplete="off"
                  dir="auto"
                  registration={register(`pumps.${index}.name`)}
                  error={messages.get(`${prefix}.name`)}
                />
                <SelectField
                  id={id('kind')}
                  label={`Pump ${index + 1} kind`}
                  registration={register(`pumps.${index}.kind`)}
                  error={messages.get(`${prefix}.kind`)}
                >
                  <option value="">Choose the kind</option>
                  {pumpKinds.map((kind) => (
                    <option key={kind} value={kind}>
                      {pumpKindLabels[kind]}
                    </option>
                  ))}
                </SelectField>
                <SelectField
                  id={id('rateStepMlPerH')}
                  label={`Pump ${index + 1} rate step (mL/h)`}
                  registration={register(`pumps.${index}.rateStepMlPerH`)}
                  error={messages.get(`${prefix}.rateStepMlPerH`)}
                >
                  <option value="">Choose the step</option>
                  {pumpRateSteps.map((step) => (
                    <option key={step} value={step}>
                      {step} mL/h
                    </option>
                  ))}
                </SelectField>
                <button
                  type="button"
                  className="button button-secondary button-small screening-remove"
                  onClick={() => onRemove(index)}
                >
                  Remove<span className="visually-hidden"> pump {index + 1}</span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
      <button type="button" className="button button-secondary" onClick={onAdd}>
        Add a pump
      </button>
    </section>
  );
}
