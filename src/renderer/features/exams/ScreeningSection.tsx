import { AnswerRow } from '../../components/AnswerRow';
import { TextField } from '../../components/TextField';
import { fieldId } from '../../lib/focus-field';
import type { ExamSectionProps } from './exam-form-types';

const yesNo = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
] as const;

/** The clinic's contraindication screening questions, as worded when the exam was started. */
export function ScreeningSection({ register, values, messages }: ExamSectionProps) {
  return (
    <section className="card form-card" aria-labelledby="exam-screening-title" id={fieldId('exam', 'screening')}>
      <h2 id="exam-screening-title">Screening checklist</h2>
      {values.screening.length === 0 ? (
        <p className="value-unknown">Your clinic&apos;s screening checklist has no questions.</p>
      ) : (
        <ol className="screening-answers">
          {values.screening.map((item, index) => (
            <li key={item.itemId} className="screening-answer">
              <AnswerRow
                id={fieldId('exam', `screening.${index}.answer`)}
                label={item.label}
                options={yesNo}
                registration={register(`screening.${index}.answer`)}
                error={messages.get(`screening.${index}.answer`)}
              />
              <TextField
                id={fieldId('exam', `screening.${index}.note`)}
                label={
                  <>
                    Note<span className="visually-hidden"> on &quot;{item.label}&quot;</span>
                  </>
                }
                optional
                autoComplete="off"
                dir="auto"
                maxLength={1000}
                className="input-note"
                registration={register(`screening.${index}.note`)}
                error={messages.get(`screening.${index}.note`)}
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
