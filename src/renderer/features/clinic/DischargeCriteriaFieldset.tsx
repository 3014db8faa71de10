import type { FieldArrayWithId, UseFormRegister } from 'react-hook-form';
import { TextField } from '../../components/TextField';
import type { FieldMessages } from '../../lib/field-messages';
import { fieldId } from '../../lib/focus-field';
import type { CriterionValues, SessionConfigurationFormValues } from './session-configuration-form-values';

export const settingsPrefix = 'session-settings';

type Row = FieldArrayWithId<SessionConfigurationFormValues, 'criteria'>;

/** Element ids of a row's buttons, so focus can follow a row that moved or changed list. */
export const rowButtonId = (row: Pick<Row, 'id'>, action: 'up' | 'down' | 'retire' | 'restore') =>
  `criterion-${row.id}-${action}`;

export interface CriteriaActions {
  move: (index: number, direction: -1 | 1) => void;
  retire: (index: number) => void;
  restore: (index: number) => void;
  remove: (index: number) => void;
  add: () => void;
}

/**
 * The discharge criteria the nurse ticks off, in the order shown. A saved criterion is
 * retired rather than removed, so its code keeps meaning what past discharges recorded; a
 * retired one can be brought back. Only a criterion added on this form, not yet saved, can
 * simply be removed.
 */
export function DischargeCriteriaFieldset({
  fields,
  criteria,
  register,
  messages,
  actions,
  announcement,
}: {
  fields: readonly Row[];
  criteria: readonly CriterionValues[];
  register: UseFormRegister<SessionConfigurationFormValues>;
  messages: FieldMessages;
  actions: CriteriaActions;
  announcement: string;
}) {
  const rows = fields.map((field, index) => ({ field, index, value: criteria[index] ?? field }));
  const inUse = rows.filter((row) => !row.value.retired);
  const retired = rows.filter((row) => row.value.retired);
  const listError = messages.get('criteria');
  return (
    <fieldset className="session-fieldset" id={fieldId(settingsPrefix, 'criteria')}>
      <legend className="form-section-title">Discharge criteria</legend>
      <p className="hint">
        The nurse ticks each one off before the patient leaves, in this order. Rewording a criterion keeps its code;
        sessions already charted keep the wording they recorded.
      </p>
      {listError !== undefined && (
        <p className="field-error" id={`${fieldId(settingsPrefix, 'criteria')}-error`}>
          <span className="visually-hidden">Error </span>
          {listError}
        </p>
      )}
      <ol className="criteria-rows" aria-label="Discharge criteria in use">
        {inUse.map(({ field, index, value }, position) => {
          const number = position + 1;
          const isNew = value.code === '';
          return (
            <li key={field.id} className="criteria-row">
              <TextField
                id={fieldId(settingsPrefix, `criteria.${index}.label`)}
                label={`Criterion ${number}`}
                hint={isNew ? 'New: saved with the settings.' : undefined}
                autoComplete="off"
                dir="auto"
                registration={register(`criteria.${index}.label`)}
                error={messages.get(`criteria.${index}.label`)}
              />
              <div className="criteria-row-actions">
                <button
                  type="button"
                  id={rowButtonId(field, 'up')}
                  className="button button-secondary button-small"
                  disabled={position === 0}
                  onClick={() => actions.move(index, -1)}
                >
                  Move up<span className="visually-hidden"> criterion {number}</span>
                </button>
                <button
                  type="button"
                  id={rowButtonId(field, 'down')}
                  className="button button-secondary button-small"
                  disabled={position === inUse.length - 1}
                  onClick={() => actions.move(index, 1)}
                >
                  Move down<span className="visually-hidden"> criterion {number}</span>
                </button>
                <button
                  type="button"
                  id={rowButtonId(field, 'retire')}
                  className="button button-secondary button-small"
                  onClick={() => (isNew ? actions.remove(index) : actions.retire(index))}
                >
                  {isNew ? 'Remove' : 'Retire'}
                  <span className="visually-hidden"> criterion {number}</span>
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" id={`${settingsPrefix}-add`} className="button button-secondary" onClick={actions.add}>
        Add a criterion
      </button>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {retired.length > 0 && (
        <div className="criteria-retired">
          <h3 className="form-section-title" id={`${settingsPrefix}-retired-title`}>
            Retired criteria
          </h3>
          <p className="hint">No longer asked at discharge. Bring one back to ask it again.</p>
          <ul className="criteria-rows" aria-labelledby={`${settingsPrefix}-retired-title`}>
            {retired.map(({ field, index, value }) => (
              <li key={field.id} className="criteria-row criteria-row-retired">
                <span dir="auto">{value.label}</span>
                <button
                  type="button"
                  id={rowButtonId(field, 'restore')}
                  className="button button-secondary button-small"
                  onClick={() => actions.restore(index)}
                >
                  Bring back<span className="visually-hidden"> “{value.label}”</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </fieldset>
  );
}
