import type { UseFormRegisterReturn } from 'react-hook-form';
import type { ScaleId } from '../../../domain/scales';
import { scaleDefinitions } from '../../../domain/scales';
import { CheckboxField } from '../../components/CheckboxField';
import type { FieldMessages } from '../../lib/field-messages';
import { fieldId } from '../../lib/focus-field';
import type { QuestionnaireValues } from './checklist-form';
import { scaleAnswerText, scaleItemName, scaleWording } from '../../../domain/scale-items';
import { questionnaireSummary } from '../../../domain/scale-text';

/** A questionnaire done before the infusion: ticked to include, then each item with its answer. */
export function QuestionnaireFieldset({
  prefix,
  scale,
  values,
  included,
  item,
  messages,
}: {
  prefix: string;
  scale: ScaleId;
  values: QuestionnaireValues;
  included: UseFormRegisterReturn;
  item: (index: number) => UseFormRegisterReturn;
  messages: FieldMessages;
}) {
  const { name } = scaleDefinitions[scale];
  const path = `content.scales.${scale}`;
  const error = messages.get(path);
  return (
    <fieldset
      className={error === undefined ? 'questionnaire' : 'questionnaire field-invalid'}
      id={fieldId(prefix, path)}
    >
      <legend className="visually-hidden">{name}</legend>
      <CheckboxField
        id={fieldId(prefix, `${path}.included`)}
        label={`Record ${name} today`}
        registration={included}
        error={error}
      />
      {values.included && (
        <>
          <p className="hint">{scaleWording[scale].stem}</p>
          <div className="questionnaire-items">
            {values.items.map((_, index) => (
              <div className="questionnaire-item" key={index}>
                <label className="field-label" htmlFor={fieldId(prefix, `${path}.${index}`)}>
                  {scaleItemName(scale, index)}
                </label>
                <select id={fieldId(prefix, `${path}.${index}`)} className="input select" {...item(index)}>
                  <option value="">Not answered</option>
                  {scaleWording[scale].answers.map((_answer, score) => (
                    <option key={score} value={String(score)}>
                      {scaleAnswerText(scale, score)}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
          <p className="session-scale-total" aria-live="polite">
            {questionnaireSummary(
              scale,
              values.items.map((value) => (value === '' ? null : Number(value))),
            )}
          </p>
        </>
      )}
    </fieldset>
  );
}
