import type { FieldArrayWithId, UseFormRegister } from 'react-hook-form';
import { TextField } from '../../components/TextField';
import type { FieldMessages } from '../../lib/field-messages';
import { fieldId } from '../../lib/focus-field';
import type { FormularyFormValues } from './formulary-form-values';

/** The contraindication screening questions every new exam asks, in order. */
export function ScreeningItemsFieldset({
  fields,
  register,
  messages,
  onAdd,
  onRemove,
}: {
  fields: readonly FieldArrayWithId<FormularyFormValues, 'screeningItems'>[];
  register: UseFormRegister<FormularyFormValues>;
  messages: FieldMessages;
  onAdd: () => void;
  onRemove: (index: number) => void;
}) {
  return (
    <section className="card" aria-labelledby="screening-title">
      <h2 id="screening-title">Screening checklist</h2>
      <p className="hint">
        Asked at every new exam, each answered yes or no with an optional note. They ask about the patient; they decide
        nothing. Exams already written keep the questions as they were worded then.
      </p>
      {fields.length === 0 ? (
        <p className="value-unknown">No screening questions.</p>
      ) : (
        <ol className="screening-rows">
          {fields.map((field, index) => {
            const prefix = `screeningItems.${index}`;
            return (
              <li key={field.id} className="screening-row" id={fieldId('formulary', prefix)}>
                <TextField
                  id={fieldId('formulary', `${prefix}.label`)}
                  label={`Question ${index + 1}`}
                  autoComplete="off"
                  dir="auto"
                  registration={register(`screeningItems.${index}.label`)}
                  error={messages.get(`${prefix}.label`)}
                />
                <TextField
                  id={fieldId('formulary', `${prefix}.code`)}
                  label={`Code of question ${index + 1}`}
                  optional
                  autoComplete="off"
                  spellCheck={false}
                  registration={register(`screeningItems.${index}.code`)}
                  error={messages.get(`${prefix}.code`)}
                />
                <button
                  type="button"
                  className="button button-secondary button-small screening-remove"
                  onClick={() => onRemove(index)}
                >
                  Remove<span className="visually-hidden"> question {index + 1}</span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
      <button type="button" className="button button-secondary" onClick={onAdd}>
        Add a question
      </button>
    </section>
  );
}
