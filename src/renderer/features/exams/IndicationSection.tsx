import { commonIndications } from '../../../domain/exam';
import { DateTextField } from '../../components/DateTextField';
import { TextField } from '../../components/TextField';
import { fieldId } from '../../lib/focus-field';
import type { ExamSectionWithSetProps } from './exam-form-types';

const id = (path: string) => fieldId('exam', path);

/** The exam date and the indication: one of the common ones, or any other typed in. */
export function IndicationSection({ register, values, messages, setValue }: ExamSectionWithSetProps) {
  const chosen = commonIndications.findIndex(
    (indication) => indication.text === values.indication.text && indication.icd10 === values.indication.icd10,
  );
  const choose = (index: number) => {
    const indication = commonIndications[index];
    if (indication === undefined) return;
    const options = { shouldDirty: true, shouldTouch: true };
    setValue('indication.text', indication.text, options);
    setValue('indication.icd10', indication.icd10, options);
  };
  return (
    <section className="card form-card" aria-labelledby="exam-basics-title">
      <h2 id="exam-basics-title">Exam and indication</h2>
      <DateTextField
        id={id('examDate')}
        label="Exam date"
        typed={values.examDate}
        registration={register('examDate')}
        error={messages.get('examDate')}
      />
      <div className="field">
        <label className="field-label" htmlFor="exam-indication-common">
          Common indication <span className="optional">(optional)</span>
        </label>
        <p className="hint" id="exam-indication-common-hint">
          Choosing one fills in the indication and its ICD-10 code; any other may be typed below.
        </p>
        <select
          id="exam-indication-common"
          className="input select input-long"
          aria-describedby="exam-indication-common-hint"
          value={chosen === -1 ? '' : String(chosen)}
          onChange={(event) => choose(Number(event.target.value))}
        >
          <option value="">Other, or not chosen</option>
          {commonIndications.map((indication, index) => (
            <option key={indication.icd10} value={index}>
              {indication.text} ({indication.icd10})
            </option>
          ))}
        </select>
      </div>
      <div className="form-grid">
        <TextField
          id={id('indication.text')}
          label="Indication"
          autoComplete="off"
          dir="auto"
          maxLength={300}
          registration={register('indication.text')}
          error={messages.get('indication.text')}
        />
        <TextField
          id={id('indication.icd10')}
          label="ICD-10 code"
          optional
          hint="e.g. M79.7"
          autoComplete="off"
          spellCheck={false}
          className="input-short"
          registration={register('indication.icd10')}
          error={messages.get('indication.icd10')}
        />
      </div>
    </section>
  );
}
