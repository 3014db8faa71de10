import type { UseFormRegister } from 'react-hook-form';
import {
  drugClassIds,
  drugClasses,
  ecgInterpretationLabels,
  ecgInterpretations,
} from '../../../domain/pretreatment-results';
import { stopBangQuestionIds, stopBangQuestions, stopBangScore } from '../../../domain/stop-bang';
import type { StopBangAnswers } from '../../../domain/stop-bang';
import { AnswerRow } from '../../components/AnswerRow';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import type { FieldMessages } from '../../lib/field-messages';
import { fieldId } from '../../lib/focus-field';
import type { ExamFormValues } from './exam-form-values';
import type { PretreatmentRow } from './pretreatment-form';

const yesNo = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
] as const;

/** The fields of one result's kind, each labelled with its unit. */
export function PretreatmentResultFields({
  row,
  index,
  register,
  messages,
}: {
  row: PretreatmentRow;
  index: number;
  register: UseFormRegister<ExamFormValues>;
  messages: FieldMessages;
}) {
  const at = (key: string) => `pretreatment.results.${index}.value.${key}`;
  const registration = (key: string) => register(`pretreatment.results.${index}.fields.${key}`);
  const text = (key: string, label: string, className = 'input-medium') => (
    <TextField
      id={fieldId('exam', at(key))}
      label={label}
      optional
      autoComplete="off"
      inputMode={className === 'input-short' ? 'decimal' : undefined}
      className={className}
      registration={registration(key)}
      error={messages.get(at(key))}
    />
  );
  switch (row.kind) {
    case 'ecg':
      return (
        <>
          {text('rhythm', 'Rhythm')}
          {text('rateBpm', 'Rate (beats/min)', 'input-short')}
          {text('qtcMs', 'QTc (ms)', 'input-short')}
          <SelectField
            id={fieldId('exam', at('interpretation'))}
            label="Interpretation"
            registration={registration('interpretation')}
          >
            <option value="">Not recorded</option>
            {ecgInterpretations.map((value) => (
              <option key={value} value={value}>
                {ecgInterpretationLabels[value]}
              </option>
            ))}
          </SelectField>
          {text('text', 'Report text', 'input-note')}
        </>
      );
    case 'liver':
      return (
        <>
          {text('altUPerL', 'ALT (U/L)', 'input-short')}
          {text('astUPerL', 'AST (U/L)', 'input-short')}
          {text('bilirubinMgPerDl', 'Total bilirubin (mg/dL)', 'input-short')}
        </>
      );
    case 'kidney':
      return (
        <>
          {text('creatinineMgPerDl', 'Creatinine (mg/dL)', 'input-short')}
          {text('egfrMlMin173m2', 'eGFR (mL/min/1.73 m²)', 'input-short')}
        </>
      );
    case 'pregnancy':
      return (
        <>
          <SelectField id={fieldId('exam', at('result'))} label="Result" registration={registration('result')}>
            <option value="">Not recorded</option>
            <option value="negative">Negative</option>
            <option value="positive">Positive</option>
            <option value="not-applicable">Not applicable</option>
          </SelectField>
          <SelectField id={fieldId('exam', at('method'))} label="Sample" registration={registration('method')}>
            <option value="">Not recorded</option>
            <option value="urine">Urine</option>
            <option value="serum">Serum</option>
          </SelectField>
        </>
      );
    case 'urine-drug-screen':
      return (
        <div className="pretreatment-drug-classes">
          {drugClassIds.map((id) => (
            <SelectField
              key={id}
              id={fieldId('exam', at(`classes.${id}`))}
              label={drugClasses[id]}
              registration={registration(id)}
            >
              <option value="not-tested">Not tested</option>
              <option value="negative">Negative</option>
              <option value="positive">Positive</option>
            </SelectField>
          ))}
        </div>
      );
    case 'stop-bang': {
      const answers = Object.fromEntries(
        stopBangQuestionIds.map((id) => [
          id,
          row.fields[id] === 'yes' || row.fields[id] === 'no' ? row.fields[id] : null,
        ]),
      ) as StopBangAnswers;
      // Counted from the answers as they are typed; never stored.
      const score = stopBangScore(answers);
      return (
        <>
          {stopBangQuestionIds.map((id) => (
            <AnswerRow
              key={id}
              id={fieldId('exam', at(`answers.${id}`))}
              label={stopBangQuestions[id]}
              options={yesNo}
              registration={registration(id)}
            />
          ))}
          <p className="value" aria-live="polite">
            STOP-BANG score {score === null ? 'when all eight are answered' : `${score} of 8`}
          </p>
        </>
      );
    }
    case 'clinic-item':
      return text('result', `Result: ${row.fields.label ?? ''}`, 'input-note');
  }
}
