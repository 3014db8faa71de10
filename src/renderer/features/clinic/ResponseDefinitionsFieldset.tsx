import type { Control, UseFormRegister } from 'react-hook-form';
import { useFieldArray, useWatch } from 'react-hook-form';
import { responseScaleIds, responseScales } from '../../../domain/response-definitions';
import { CheckboxField } from '../../components/CheckboxField';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import type { FieldMessages } from '../../lib/field-messages';
import { fieldId } from '../../lib/focus-field';
import { settingsPrefix } from './DischargeCriteriaFieldset';
import { blankResponseDefinition } from './response-definitions-form';
import type { SessionConfigurationFormValues } from './session-configuration-form-values';

const ruleLabels: Record<string, string> = {
  'percent-drop': 'Down at least this per cent from baseline',
  'points-drop': 'Down at least this many points from baseline',
  below: 'Below this score',
};
const amountLabels: Record<string, string> = {
  'percent-drop': 'Per cent (%)',
  'points-drop': 'Points',
  below: 'Score',
};

/**
 * How the clinic judges response to a series, chosen by the physician when a plan starts one.
 * The clinic writes every definition itself: the app ships none and proposes no threshold.
 * A definition in use by a plan is retired rather than removed, so its code stays taken.
 */
export function ResponseDefinitionsFieldset({
  control,
  register,
  messages,
}: {
  control: Control<SessionConfigurationFormValues>;
  register: UseFormRegister<SessionConfigurationFormValues>;
  messages: FieldMessages;
}) {
  const rows = useFieldArray({ control, name: 'responseDefinitions' });
  const values = useWatch({ control, name: 'responseDefinitions' });
  const path = (index: number, field: string) => `responseDefinitions.${index}.${field}`;
  return (
    <fieldset className="session-fieldset" id={fieldId(settingsPrefix, 'responseDefinitions')}>
      <legend className="form-section-title">Response definitions</legend>
      <p className="hint">
        How response to a series is judged, for the physician to choose from when a plan starts a series. The course
        view then shows which definitions each session’s score meets. For example: “Response”, PHQ-9, down at least 50%
        from baseline; “Remission”, PHQ-9, below 5. Plans already signed keep the definitions as they were worded.
      </p>
      {rows.fields.length === 0 && <p className="value-unknown">No response definitions.</p>}
      <ol className="criteria-rows" aria-label="Response definitions">
        {rows.fields.map((field, index) => {
          const row = values[index] ?? blankResponseDefinition;
          const number = index + 1;
          return (
            <li key={field.id} className="criteria-row">
              <TextField
                id={fieldId(settingsPrefix, path(index, 'label'))}
                label={`Definition ${number}: name`}
                autoComplete="off"
                dir="auto"
                maxLength={100}
                registration={register(`responseDefinitions.${index}.label`)}
                error={messages.get(path(index, 'label'))}
              />
              <SelectField
                id={fieldId(settingsPrefix, path(index, 'scale'))}
                label={`Definition ${number}: scale`}
                registration={register(`responseDefinitions.${index}.scale`)}
                error={messages.get(path(index, 'scale'))}
              >
                <option value="">Choose…</option>
                {responseScaleIds.map((scale) => (
                  <option key={scale} value={scale}>
                    {responseScales[scale].name} (0–{responseScales[scale].max})
                  </option>
                ))}
              </SelectField>
              <SelectField
                id={fieldId(settingsPrefix, path(index, 'ruleType'))}
                label={`Definition ${number}: rule`}
                registration={register(`responseDefinitions.${index}.ruleType`)}
                error={messages.get(path(index, 'ruleType'))}
              >
                <option value="">Choose…</option>
                {Object.entries(ruleLabels).map(([type, label]) => (
                  <option key={type} value={type}>
                    {label}
                  </option>
                ))}
              </SelectField>
              <TextField
                id={fieldId(settingsPrefix, path(index, 'amount'))}
                label={`Definition ${number}: ${amountLabels[row.ruleType] ?? 'figure'}`}
                inputMode="decimal"
                autoComplete="off"
                className="input-short"
                registration={register(`responseDefinitions.${index}.amount`)}
                error={messages.get(path(index, 'amount'))}
              />
              <CheckboxField
                id={fieldId(settingsPrefix, path(index, 'retired'))}
                label={`Retired: definition ${number} is no longer offered for new plans`}
                registration={register(`responseDefinitions.${index}.retired`)}
              />
              {row.code === '' && (
                <div className="criteria-row-actions">
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => rows.remove(index)}
                  >
                    Remove<span className="visually-hidden"> definition {number}</span>
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button button-secondary"
        disabled={rows.fields.length >= 100}
        onClick={() =>
          rows.append(blankResponseDefinition, { focusName: `responseDefinitions.${rows.fields.length}.label` })
        }
      >
        Add a response definition
      </button>
    </fieldset>
  );
}
