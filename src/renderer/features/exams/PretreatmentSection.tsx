import { useState } from 'react';
import type { Control, UseFormRegister } from 'react-hook-form';
import { useFieldArray } from 'react-hook-form';
import type { ExamContent } from '../../../domain/exam';
import type { PretreatmentRequirements } from '../../../domain/pretreatment-requirements';
import { pretreatmentReasonPath, pretreatmentStatus } from '../../../domain/pretreatment-requirements';
import { pretreatmentKindLabels, pretreatmentKinds } from '../../../domain/pretreatment-results';
import { DateTextField } from '../../components/DateTextField';
import { SelectField } from '../../components/SelectField';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import type { FieldMessages } from '../../lib/field-messages';
import { fieldId } from '../../lib/focus-field';
import type { ExamFormValues } from './exam-form-values';
import { blankPretreatmentRow } from './pretreatment-form';
import { PretreatmentResultFields } from './PretreatmentResultFields';
import { PretreatmentStatusList } from './PretreatmentStatusList';

const id = (path: string) => fieldId('exam', path);

/**
 * Results checked before treatment (ECG, labs, pregnancy test, drug screen, STOP-BANG and the
 * clinic's own items), each with its date and source, and what the clinic requires for this
 * indication: current, stale or missing. Signing without a required result needs a reason.
 */
export function PretreatmentSection({
  control,
  register,
  values,
  messages,
  content,
  requirements,
}: {
  control: Control<ExamFormValues>;
  register: UseFormRegister<ExamFormValues>;
  values: ExamFormValues;
  messages: FieldMessages;
  /** The content as it reads now, for the requirements' status. */
  content: ExamContent;
  /** The clinic's requirements: undefined when none are configured, null while loading. */
  requirements: PretreatmentRequirements | undefined | null;
}) {
  const rows = useFieldArray({ control, name: 'pretreatment.results', keyName: 'key' });
  const [choice, setChoice] = useState('ecg');
  const items = requirements?.items ?? [];
  const add = () => {
    const item = items.find((candidate) => `item:${candidate.itemId}` === choice);
    const kind = item === undefined ? (choice as (typeof pretreatmentKinds)[number]) : 'clinic-item';
    rows.append(blankPretreatmentRow(kind, item), {
      focusName: `pretreatment.results.${rows.fields.length}.takenOn`,
    });
  };
  const statuses =
    content.examDate === null || requirements === null
      ? null
      : pretreatmentStatus(
          requirements,
          content.pretreatment?.results ?? [],
          content.indication.icd10,
          content.examDate,
        );
  const gaps = statuses?.some((status) => status.status !== 'current') ?? false;
  return (
    <section className="card form-card" aria-labelledby="exam-pretreatment-title" id={id('pretreatment')}>
      <h2 id="exam-pretreatment-title">Pre-treatment results</h2>
      <h3 className="form-subsection-title">Required by your clinic</h3>
      {requirements === null ? (
        <p className="hint">Loading your clinic&apos;s requirements…</p>
      ) : statuses === null ? (
        <p className="hint">Enter the exam date to see which required results are current.</p>
      ) : (
        <PretreatmentStatusList statuses={statuses} />
      )}
      {rows.fields.length === 0 && <p className="value-unknown">No results recorded.</p>}
      <ol className="pretreatment-results">
        {rows.fields.map((field, index) => {
          const row = values.pretreatment.results[index] ?? field;
          const at = (name: string) => `pretreatment.results.${index}.${name}`;
          const title = row.kind === 'clinic-item' ? (row.fields.label ?? '') : pretreatmentKindLabels[row.kind];
          return (
            <li key={field.key} className="pretreatment-result">
              <fieldset className="form-subsection" id={id(at('value'))}>
                <legend className="form-subsection-title">{title}</legend>
                <DateTextField
                  id={id(at('takenOn'))}
                  label="Taken on"
                  registration={register(`pretreatment.results.${index}.takenOn`)}
                  typed={row.takenOn}
                  error={messages.get(at('takenOn'))}
                />
                <SelectField
                  id={id(at('sourceType'))}
                  label="Source"
                  registration={register(`pretreatment.results.${index}.sourceType`)}
                >
                  <option value="in-house">In-house</option>
                  <option value="outside">Outside report</option>
                </SelectField>
                {row.sourceType === 'outside' && (
                  <TextField
                    id={id(at('reference'))}
                    label="Outside report"
                    hint="The laboratory or clinic and the report number"
                    autoComplete="off"
                    dir="auto"
                    maxLength={300}
                    registration={register(`pretreatment.results.${index}.reference`)}
                    error={messages.get(at('reference'))}
                  />
                )}
                <PretreatmentResultFields row={row} index={index} register={register} messages={messages} />
                <TextField
                  id={id(at('note'))}
                  label="Note"
                  optional
                  autoComplete="off"
                  dir="auto"
                  maxLength={2000}
                  className="input-note"
                  registration={register(`pretreatment.results.${index}.note`)}
                />
                <p className="hint">
                  {row.recordedBy === undefined
                    ? 'Entered by you when saved'
                    : `Entered by ${row.recordedBy.printedName}`}
                </p>
                <button type="button" className="button button-secondary" onClick={() => rows.remove(index)}>
                  Remove this {title} result
                </button>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="inline-add">
        <label className="field-label" htmlFor={id('pretreatment.add')}>
          Result to add
        </label>
        <select
          id={id('pretreatment.add')}
          className="input select input-medium"
          value={choice}
          onChange={(event) => setChoice(event.target.value)}
        >
          {pretreatmentKinds.map((kind) => (
            <option key={kind} value={kind}>
              {pretreatmentKindLabels[kind]}
            </option>
          ))}
          {items.map((item) => (
            <option key={item.itemId} value={`item:${item.itemId}`}>
              {item.label}
            </option>
          ))}
        </select>
        <button type="button" className="button button-secondary" onClick={add}>
          Add result
        </button>
      </div>
      {(gaps || values.pretreatment.reason !== '') && (
        <TextArea
          id={id(pretreatmentReasonPath)}
          label="Reason for signing without the missing or stale results"
          hint="Printed in the exam and kept in the audit log with the results it answers."
          maxLength={2000}
          registration={register('pretreatment.reason')}
          error={messages.get(pretreatmentReasonPath)}
        />
      )}
    </section>
  );
}
