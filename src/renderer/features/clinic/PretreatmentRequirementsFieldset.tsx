import type { Control, UseFormRegister } from 'react-hook-form';
import { useFieldArray, useWatch } from 'react-hook-form';
import { pretreatmentKindLabels, pretreatmentKinds } from '../../../domain/pretreatment-results';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import type { FieldMessages } from '../../lib/field-messages';
import { fieldId } from '../../lib/focus-field';
import { settingsPrefix } from './DischargeCriteriaFieldset';
import type { SessionConfigurationFormValues } from './session-configuration-form-values';

const id = (path: string) => fieldId(settingsPrefix, path);

/**
 * Which pre-treatment results an exam needs, for which indications, and how old each may be;
 * and the clinic's own items (a chest X-ray, a consult letter). The app proposes no limits:
 * with nothing here, nothing is required.
 */
export function PretreatmentRequirementsFieldset({
  control,
  register,
  messages,
}: {
  control: Control<SessionConfigurationFormValues>;
  register: UseFormRegister<SessionConfigurationFormValues>;
  messages: FieldMessages;
}) {
  const items = useFieldArray({ control, name: 'pretreatment.items' });
  const required = useFieldArray({ control, name: 'pretreatment.required' });
  const itemLabels = useWatch({ control, name: 'pretreatment.items' }) ?? [];
  return (
    <fieldset className="session-fieldset" id={id('pretreatment')}>
      <legend className="form-section-title">Pre-treatment results required at the exam</legend>
      <p className="hint">
        An exam shows each required result as current, stale or missing; signing without one needs the physician&apos;s
        reason, which is printed and audited. Nothing is required until you add it.
      </p>
      <h3 className="form-subsection-title">Your clinic&apos;s own items</h3>
      {items.fields.length === 0 && <p className="value-unknown">No items of your own.</p>}
      <ol>
        {items.fields.map((field, index) => (
          <li key={field.id}>
            <TextField
              id={id(`pretreatment.items.${index}.label`)}
              label={`Item ${index + 1}`}
              autoComplete="off"
              dir="auto"
              maxLength={300}
              registration={register(`pretreatment.items.${index}.label`)}
              error={messages.get(`pretreatment.items.${index}.label`)}
            />
            <button type="button" className="button button-secondary" onClick={() => items.remove(index)}>
              Remove item {index + 1}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button-secondary"
        onClick={() =>
          items.append({ code: '', label: '' }, { focusName: `pretreatment.items.${items.fields.length}.label` })
        }
      >
        Add an item
      </button>
      <h3 className="form-subsection-title">Required results</h3>
      {required.fields.length === 0 && <p className="value-unknown">No results required.</p>}
      <ol>
        {required.fields.map((field, index) => {
          const at = (name: string) => `pretreatment.required.${index}.${name}`;
          return (
            <li key={field.id}>
              <fieldset className="form-subsection">
                <legend className="form-subsection-title">Requirement {index + 1}</legend>
                <SelectField
                  id={id(at('requirement'))}
                  label="Result"
                  registration={register(`pretreatment.required.${index}.requirement`)}
                  error={messages.get(at('requirement'))}
                >
                  {pretreatmentKinds.map((kind) => (
                    <option key={kind} value={kind}>
                      {pretreatmentKindLabels[kind]}
                    </option>
                  ))}
                  {itemLabels.map((item, itemIndex) => (
                    <option key={`item:${itemIndex}`} value={`item:${itemIndex}`}>
                      {item.label.trim() === '' ? `Item ${itemIndex + 1}` : item.label}
                    </option>
                  ))}
                </SelectField>
                <TextField
                  id={id(at('indications'))}
                  label="For indications (ICD-10)"
                  hint="Codes or their start, separated by commas, e.g. F33, M79.7. Leave empty for every indication."
                  optional
                  autoComplete="off"
                  registration={register(`pretreatment.required.${index}.indications`)}
                  error={messages.get(at('indications'))}
                />
                <TextField
                  id={id(at('maxAgeDays'))}
                  label="At most (days old at the exam)"
                  inputMode="numeric"
                  autoComplete="off"
                  className="input-short"
                  registration={register(`pretreatment.required.${index}.maxAgeDays`)}
                  error={messages.get(at('maxAgeDays'))}
                />
                <button type="button" className="button button-secondary" onClick={() => required.remove(index)}>
                  Remove requirement {index + 1}
                </button>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button button-secondary"
        onClick={() =>
          required.append(
            { requirement: 'ecg', indications: '', maxAgeDays: '' },
            { focusName: `pretreatment.required.${required.fields.length}.requirement` },
          )
        }
      >
        Add a required result
      </button>
    </fieldset>
  );
}
