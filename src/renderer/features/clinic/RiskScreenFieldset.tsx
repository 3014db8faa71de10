import type { Control, UseFormRegister } from 'react-hook-form';
import { useFieldArray } from 'react-hook-form';
import { maxRiskScreenItems } from '../../../domain/suicide-risk';
import { TextField } from '../../components/TextField';
import type { FieldMessages } from '../../lib/field-messages';
import { fieldId } from '../../lib/focus-field';
import { settingsPrefix } from './DischargeCriteriaFieldset';
import type { SessionConfigurationFormValues } from './session-configuration-form-values';

/**
 * The questions of the clinic's suicide risk screen, asked at every exam. A "yes" to any of
 * them, like PHQ-9 item 9 above 0, flags the risk and asks the physician what was done. The
 * clinic writes its own questions: the app proposes none.
 */
export function RiskScreenFieldset({
  control,
  register,
  messages,
}: {
  control: Control<SessionConfigurationFormValues>;
  register: UseFormRegister<SessionConfigurationFormValues>;
  messages: FieldMessages;
}) {
  const rows = useFieldArray({ control, name: 'riskScreen' });
  const listError = messages.get('riskScreen');
  return (
    <fieldset className="session-fieldset" id={fieldId(settingsPrefix, 'riskScreen')}>
      <legend className="form-section-title">Suicide risk screen at the exam</legend>
      <p className="hint">
        Yes-or-no questions asked at every new exam. A yes, or PHQ-9 item 9 above 0, flags a suicide risk that the
        physician must acknowledge with what was done before signing. With no questions, PHQ-9 item 9 alone flags it.
        Exams already started keep the questions as they were worded.
      </p>
      {listError !== undefined && (
        <p className="field-error">
          <span className="visually-hidden">Error </span>
          {listError}
        </p>
      )}
      {rows.fields.length === 0 && <p className="value-unknown">No risk screen questions.</p>}
      <ol className="criteria-rows" aria-label="Risk screen questions">
        {rows.fields.map((field, index) => (
          <li key={field.id} className="criteria-row">
            <TextField
              id={fieldId(settingsPrefix, `riskScreen.${index}.label`)}
              label={`Risk screen question ${index + 1}`}
              autoComplete="off"
              dir="auto"
              maxLength={300}
              registration={register(`riskScreen.${index}.label`)}
              error={messages.get(`riskScreen.${index}.label`)}
            />
            <div className="criteria-row-actions">
              <button type="button" className="button button-secondary button-small" onClick={() => rows.remove(index)}>
                Remove<span className="visually-hidden"> risk screen question {index + 1}</span>
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button-secondary"
        disabled={rows.fields.length >= maxRiskScreenItems}
        onClick={() => rows.append({ code: '', label: '' }, { focusName: `riskScreen.${rows.fields.length}.label` })}
      >
        Add a risk screen question
      </button>
    </fieldset>
  );
}
