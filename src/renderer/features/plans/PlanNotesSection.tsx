import { TextArea } from '../../components/TextArea';
import { fieldId } from '../../lib/focus-field';
import type { PlanSectionProps } from './plan-form-types';

/** Premedication and rescue medication as the physician ordered them, and free notes. */
export function PlanNotesSection({ register, messages }: Pick<PlanSectionProps, 'register' | 'messages'>) {
  return (
    <section className="card form-card" aria-labelledby="plan-notes-title">
      <h2 id="plan-notes-title">Medication notes</h2>
      <TextArea
        id={fieldId('plan', 'premedication')}
        label="Premedication"
        optional
        maxLength={2000}
        registration={register('premedication')}
        error={messages.get('premedication')}
      />
      <TextArea
        id={fieldId('plan', 'rescueMedication')}
        label="Rescue medication"
        optional
        maxLength={2000}
        registration={register('rescueMedication')}
        error={messages.get('rescueMedication')}
      />
      <TextArea
        id={fieldId('plan', 'notes')}
        label="Notes"
        optional
        maxLength={4000}
        registration={register('notes')}
        error={messages.get('notes')}
      />
    </section>
  );
}
