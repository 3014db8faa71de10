import type { Control, UseFormRegister } from 'react-hook-form';
import { useFieldArray } from 'react-hook-form';
import {
  adequateTrialAnswers,
  adequateTrialLabels,
  maxPriorTreatments,
  priorTreatmentKindLabels,
  priorTreatmentKinds,
  priorTreatmentOutcomeLabels,
  priorTreatmentOutcomes,
} from '../../../domain/prior-treatments';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import type { FieldMessages } from '../../lib/field-messages';
import { fieldId } from '../../lib/focus-field';
import type { ExamFormValues } from './exam-form-values';
import { blankPriorTreatmentRow } from './prior-treatments-form';
import '../../styles/prior-treatments.css';

const id = (path: string) => fieldId('exam', path);

/**
 * Treatments tried before this course, one row each: what, the dose or details, when, and
 * how it went. A list rather than notes, so a failed trial can be read (and exported) as one.
 */
export function PriorTreatmentsSection({
  control,
  register,
  messages,
}: {
  control: Control<ExamFormValues>;
  register: UseFormRegister<ExamFormValues>;
  messages: FieldMessages;
}) {
  const rows = useFieldArray({ control, name: 'priorTreatments' });
  const add = () =>
    rows.append({ ...blankPriorTreatmentRow }, { focusName: `priorTreatments.${rows.fields.length}.name` });
  return (
    <section className="card form-card" aria-labelledby="exam-prior-treatments-title" id={id('priorTreatments')}>
      <h2 id="exam-prior-treatments-title">Prior treatments</h2>
      <p className="hint">
        Medications, procedures and therapies tried before, with their outcome. For an antidepressant, say whether the
        trial was adequate in dose and length.
      </p>
      {rows.fields.length === 0 && <p className="value-unknown">No prior treatments recorded.</p>}
      <ol className="prior-treatments">
        {rows.fields.map((field, index) => {
          const at = (name: string) => `priorTreatments.${index}.${name}`;
          const row = `Prior treatment ${index + 1}`;
          return (
            <li key={field.id} className="prior-treatment">
              <fieldset className="form-subsection" id={id(`priorTreatments.${index}`)}>
                <legend className="form-subsection-title">{row}</legend>
                <div className="prior-treatment-fields">
                  <SelectField
                    id={id(at('kind'))}
                    label="Kind"
                    registration={register(`priorTreatments.${index}.kind`)}
                    error={messages.get(at('kind'))}
                  >
                    {priorTreatmentKinds.map((kind) => (
                      <option key={kind} value={kind}>
                        {priorTreatmentKindLabels[kind]}
                      </option>
                    ))}
                  </SelectField>
                  <TextField
                    id={id(at('name'))}
                    label="Name"
                    hint="The medication, procedure or therapy, e.g. Sertraline, Stellate ganglion block"
                    autoComplete="off"
                    dir="auto"
                    maxLength={200}
                    registration={register(`priorTreatments.${index}.name`)}
                    error={messages.get(at('name'))}
                  />
                  <TextField
                    id={id(at('details'))}
                    label="Dose or details"
                    optional
                    autoComplete="off"
                    dir="auto"
                    maxLength={500}
                    registration={register(`priorTreatments.${index}.details`)}
                    error={messages.get(at('details'))}
                  />
                  <TextField
                    id={id(at('from'))}
                    label="From"
                    hint="A year (2019), a month (Mar-2019) or a date (14-Mar-2019)"
                    optional
                    autoComplete="off"
                    className="input-medium"
                    registration={register(`priorTreatments.${index}.from`)}
                    error={messages.get(at('from'))}
                  />
                  <TextField
                    id={id(at('to'))}
                    label="To"
                    hint="Leave empty while ongoing"
                    optional
                    autoComplete="off"
                    className="input-medium"
                    registration={register(`priorTreatments.${index}.to`)}
                    error={messages.get(at('to'))}
                  />
                  <SelectField
                    id={id(at('outcome'))}
                    label="Outcome"
                    registration={register(`priorTreatments.${index}.outcome`)}
                    error={messages.get(at('outcome'))}
                  >
                    {priorTreatmentOutcomes.map((outcome) => (
                      <option key={outcome} value={outcome}>
                        {priorTreatmentOutcomeLabels[outcome]}
                      </option>
                    ))}
                  </SelectField>
                  <SelectField
                    id={id(at('adequateTrial'))}
                    label="Adequate trial (dose and length)"
                    registration={register(`priorTreatments.${index}.adequateTrial`)}
                    error={messages.get(at('adequateTrial'))}
                  >
                    <option value="">Not stated</option>
                    {adequateTrialAnswers.map((answer) => (
                      <option key={answer} value={answer}>
                        {adequateTrialLabels[answer]}
                      </option>
                    ))}
                  </SelectField>
                </div>
                <TextField
                  id={id(at('note'))}
                  label="Note"
                  optional
                  autoComplete="off"
                  dir="auto"
                  maxLength={1000}
                  className="input-note"
                  registration={register(`priorTreatments.${index}.note`)}
                  error={messages.get(at('note'))}
                />
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => rows.remove(index)}
                >
                  Remove {row.toLowerCase()}
                </button>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button button-secondary"
        onClick={add}
        disabled={rows.fields.length >= maxPriorTreatments}
      >
        Add a prior treatment
      </button>
    </section>
  );
}
