import type { UseFormRegister } from 'react-hook-form';
import { suicideRiskFlagText } from '../../../domain/suicide-risk';
import { AnswerRow } from '../../components/AnswerRow';
import { Notice } from '../../components/Notice';
import { TextArea } from '../../components/TextArea';
import type { FieldMessages } from '../../lib/field-messages';
import { fieldId } from '../../lib/focus-field';
import type { ExamFormValues } from './exam-form-values';

const yesNo = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
] as const;

/** The flag in words, for the alert and the signing summary: never colour alone. */
export function SuicideRiskAlert({
  flags,
  live = 'alert',
}: {
  flags: readonly string[];
  /** An alert while it is being written; a signed record's view does not interrupt the reader. */
  live?: 'alert' | 'none';
}) {
  if (flags.length === 0) return null;
  return (
    <Notice tone="error" live={live}>
      <p className="suicide-risk-flag">
        <strong>Suicide risk flagged:</strong> {suicideRiskFlagText(flags)}
      </p>
    </Notice>
  );
}

/**
 * The clinic's risk screen, and, when PHQ-9 item 9 or a screen answer flags a suicide risk,
 * the alert with what the physician did about it. The app says what was answered, never what
 * to do: the words are the physician's.
 */
export function SuicideRiskSection({
  register,
  values,
  messages,
  flags,
}: {
  register: UseFormRegister<ExamFormValues>;
  values: Pick<ExamFormValues, 'riskScreen'>;
  messages: FieldMessages;
  /** Why the risk is flagged now (suicideRiskFlags of the content as typed). */
  flags: readonly string[];
}) {
  return (
    <section className="card form-card" aria-labelledby="exam-suicide-risk-title" id={fieldId('exam', 'riskScreen')}>
      <h2 id="exam-suicide-risk-title">Suicide risk</h2>
      <SuicideRiskAlert flags={flags} />
      {values.riskScreen.length === 0 ? (
        <p className="hint">
          Your clinic has no risk screen configured: PHQ-9 item 9 (in the baseline scales) is what flags a risk here.
        </p>
      ) : (
        <ol className="screening-answers">
          {values.riskScreen.map((item, index) => (
            <li key={item.itemId} className="screening-answer">
              <AnswerRow
                id={fieldId('exam', `riskScreen.${index}.answer`)}
                label={item.label}
                options={yesNo}
                registration={register(`riskScreen.${index}.answer`)}
                error={messages.get(`riskScreen.${index}.answer`)}
              />
            </li>
          ))}
        </ol>
      )}
      {flags.length > 0 ? (
        <TextArea
          id={fieldId('exam', 'riskAcknowledgement.actionTaken')}
          label="What was done about it"
          hint="In your own words. Needed before the exam can be signed; it is printed with the exam and kept in the audit trail."
          rows={4}
          maxLength={4000}
          registration={register('riskAcknowledgement.actionTaken')}
          error={messages.get('riskAcknowledgement.actionTaken')}
        />
      ) : (
        <p className="value-unknown">No suicide risk flagged by the answers recorded.</p>
      )}
    </section>
  );
}
