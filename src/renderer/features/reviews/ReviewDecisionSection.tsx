import type { UseFormRegister } from 'react-hook-form';
import {
  reviewDecisionLabels,
  reviewDecisions,
  reviewOutcomeLabels,
  reviewOutcomes,
} from '../../../domain/course-review';
import { DateTextField } from '../../components/DateTextField';
import { RadioGroup } from '../../components/RadioGroup';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import type { FieldMessages } from '../../lib/field-messages';
import { fieldId } from '../../lib/focus-field';
import type { ReviewFormValues } from './review-form';

const id = (path: string) => fieldId('review', path);
const outcomeOptions = reviewOutcomes.map((value) => ({ value, label: reviewOutcomeLabels[value] }));
const decisionOptions = reviewDecisions.map((value) => ({ value, label: reviewDecisionLabels[value] }));

/**
 * What the physician decides: the date, the outcome, the decision (the interval only for
 * maintenance), the reason and notes. No choice is made for them: every radio starts empty.
 */
export function ReviewDecisionSection({
  register,
  values,
  messages,
}: {
  register: UseFormRegister<ReviewFormValues>;
  values: ReviewFormValues;
  messages: FieldMessages;
}) {
  return (
    <section className="card form-card" aria-labelledby="review-decision-title">
      <h2 id="review-decision-title">Outcome and decision</h2>
      <DateTextField
        id={id('reviewDate')}
        label="Review date"
        typed={values.reviewDate}
        registration={register('reviewDate')}
        error={messages.get('reviewDate')}
      />
      <RadioGroup
        id={id('outcome')}
        legend="Outcome"
        inline
        options={outcomeOptions}
        registration={register('outcome')}
        error={messages.get('outcome')}
      />
      <RadioGroup
        id={id('decision')}
        legend="Decision"
        inline
        options={decisionOptions}
        registration={register('decision')}
        error={messages.get('decision')}
      />
      {values.decision === 'maintenance' && (
        <TextField
          id={id('maintenanceIntervalDays')}
          label="Interval between maintenance infusions (days)"
          inputMode="numeric"
          autoComplete="off"
          className="input-short"
          registration={register('maintenanceIntervalDays')}
          error={messages.get('maintenanceIntervalDays')}
        />
      )}
      <TextArea
        id={id('reason')}
        label="Reason for the decision"
        maxLength={2000}
        registration={register('reason')}
        error={messages.get('reason')}
      />
      <TextArea
        id={id('notes')}
        label="Notes"
        optional
        maxLength={4000}
        registration={register('notes')}
        error={messages.get('notes')}
      />
    </section>
  );
}
