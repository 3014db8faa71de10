import { candidacyDecisions, candidacyLabels } from '../../../domain/exam';
import { RadioGroup } from '../../components/RadioGroup';
import { TextArea } from '../../components/TextArea';
import { fieldId } from '../../lib/focus-field';
import type { ExamSectionProps } from './exam-form-types';

const decisionOptions = candidacyDecisions.map((decision) => ({ value: decision, label: candidacyLabels[decision] }));

/** What the physician found, and their decision on candidacy with its rationale. */
export function FindingsSection({ register, messages }: Omit<ExamSectionProps, 'values'>) {
  return (
    <section className="card form-card" aria-labelledby="exam-findings-title">
      <h2 id="exam-findings-title">Findings and candidacy</h2>
      <TextArea
        id={fieldId('exam', 'findings')}
        label="Findings"
        rows={5}
        maxLength={20000}
        registration={register('findings')}
        error={messages.get('findings')}
      />
      <RadioGroup
        id={fieldId('exam', 'candidacy.decision')}
        legend="Candidacy decision"
        inline
        options={decisionOptions}
        registration={register('candidacy.decision')}
        error={messages.get('candidacy.decision')}
      />
      <TextArea
        id={fieldId('exam', 'candidacy.rationale')}
        label="Rationale for the decision"
        maxLength={4000}
        registration={register('candidacy.rationale')}
        error={messages.get('candidacy.rationale')}
      />
    </section>
  );
}
