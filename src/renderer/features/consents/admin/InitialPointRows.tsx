import type { FieldArrayWithId, UseFormRegister } from 'react-hook-form';
import { TextArea } from '../../../components/TextArea';
import { TextField } from '../../../components/TextField';
import type { FieldMessages } from '../../../lib/field-messages';
import { fieldId } from '../../../lib/focus-field';
import type { ConsentDocumentValues } from './consent-document-values';

/** The points of the text the patient confirms one by one with their initials. */
export function InitialPointRows({
  fields,
  register,
  messages,
  onAdd,
  onRemove,
}: {
  fields: readonly FieldArrayWithId<ConsentDocumentValues, 'initialPoints'>[];
  register: UseFormRegister<ConsentDocumentValues>;
  messages: FieldMessages;
  onAdd: () => void;
  onRemove: (index: number) => void;
}) {
  const problem = messages.get('initialPoints');
  return (
    <fieldset className="field" id={fieldId('consent', 'initialPoints')}>
      <legend className="field-label">Points the patient initials</legend>
      <p className="hint">
        Each point is shown on its own and the patient confirms it with their initials, for example that they will not
        drive until the next day. The ID is how the record names the point; left empty, it is made from the text.
      </p>
      {problem !== undefined && <p className="field-error">{problem}</p>}
      {fields.length === 0 ? (
        <p className="value-unknown">No points to initial.</p>
      ) : (
        <ol className="screening-rows">
          {fields.map((field, index) => {
            const prefix = `initialPoints.${index}`;
            return (
              <li key={field.id} className="screening-row" id={fieldId('consent', prefix)}>
                <TextArea
                  id={fieldId('consent', `${prefix}.text`)}
                  label={`Point ${index + 1}`}
                  rows={2}
                  maxLength={500}
                  registration={register(`initialPoints.${index}.text`)}
                  error={messages.get(`${prefix}.text`)}
                />
                <TextField
                  id={fieldId('consent', `${prefix}.id`)}
                  label={`ID of point ${index + 1}`}
                  optional
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={40}
                  registration={register(`initialPoints.${index}.id`)}
                  error={messages.get(`${prefix}.id`)}
                />
                <button
                  type="button"
                  className="button button-secondary button-small screening-remove"
                  onClick={() => onRemove(index)}
                >
                  Remove<span className="visually-hidden"> point {index + 1}</span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
      <button type="button" className="button button-secondary" onClick={onAdd}>
        Add a point to initial
      </button>
    </fieldset>
  );
}
