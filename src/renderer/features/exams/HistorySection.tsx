import type { HistoryItem } from '../../../domain/exam';
import { historyItemNames, historyItems, psychiatricItems } from '../../../domain/exam';
import type { Allergies } from '../../../domain/patient';
import { formatAllergies } from '../../../domain/patient';
import { AnswerRow } from '../../components/AnswerRow';
import { CheckboxField } from '../../components/CheckboxField';
import { TextArea } from '../../components/TextArea';
import { fieldId } from '../../lib/focus-field';
import type { ExamSectionProps } from './exam-form-types';

export const historyAnswerOptions = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'unknown', label: 'Not known' },
] as const;

const id = (path: string) => fieldId('exam', path);
const medicalItems = historyItemNames.filter((name) => !psychiatricItems.includes(name));

function Group({
  title,
  items,
  register,
  messages,
}: { title: string; items: readonly HistoryItem[] } & Omit<ExamSectionProps, 'values'>) {
  const titleId = id(`history-${title.toLowerCase()}`);
  return (
    <div className="answer-group" role="group" aria-labelledby={titleId}>
      <h3 className="form-subsection-title" id={titleId}>
        {title}
      </h3>
      {items.map((name) => (
        <AnswerRow
          key={name}
          id={id(`history.answers.${name}`)}
          label={historyItems[name]}
          options={historyAnswerOptions}
          registration={register(`history.answers.${name}`)}
          error={messages.get(`history.answers.${name}`)}
        />
      ))}
    </div>
  );
}

/** The history review: psychiatric and medical questions, medicines, allergies, reactions. */
export function HistorySection({ register, messages, allergies }: ExamSectionProps & { allergies: Allergies }) {
  return (
    <section className="card form-card" aria-labelledby="exam-history-title" id={id('history')}>
      <h2 id="exam-history-title">History review</h2>
      <div className="answer-groups">
        <Group title="Psychiatric" items={psychiatricItems} register={register} messages={messages} />
        <Group title="Medical" items={medicalItems} register={register} messages={messages} />
      </div>
      <TextArea
        id={id('history.notes')}
        label="History notes"
        optional
        maxLength={4000}
        registration={register('history.notes')}
        error={messages.get('history.notes')}
      />
      <TextArea
        id={id('history.currentMedications')}
        label="Current medications"
        optional
        maxLength={4000}
        registration={register('history.currentMedications')}
        error={messages.get('history.currentMedications')}
      />
      <CheckboxField
        id={id('history.allergiesReviewed')}
        label="Allergies reviewed with the patient"
        hint={`On the chart: ${formatAllergies(allergies)}. Correct the chart's allergy list if it is wrong.`}
        registration={register('history.allergiesReviewed')}
        error={messages.get('history.allergiesReviewed')}
      />
      <TextArea
        id={id('history.priorReactions')}
        label="Prior ketamine or anaesthesia reactions"
        optional
        maxLength={2000}
        registration={register('history.priorReactions')}
        error={messages.get('history.priorReactions')}
      />
    </section>
  );
}
