import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import type { FieldPath } from 'react-hook-form';
import { useForm } from 'react-hook-form';
import type { CallResult } from '../../../contract/errors';
import type { Patient, PatientFields } from '../../../domain/patient';
import { sexes, sexLabels } from '../../../domain/patient';
import { useSignedIn } from '../../app/sign-in-context';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioGroup } from '../../components/RadioGroup';
import { TextField } from '../../components/TextField';
import { clearDraft, writeDraft } from '../../lib/drafts';
import { applyServerIssues } from '../../lib/form-errors';
import { useFormProblems } from '../../lib/use-form-problems';
import { AllergiesFieldset, allergyRowId } from './AllergiesFieldset';
import { DateOfBirthField } from './DateOfBirthField';
import type { PatientFormValues } from './patient-form-values';
import { patientFieldNames } from './patient-form-values';
import { patientFormResolver } from './patient-form-resolver';

const sexOptions = sexes.map((sex) => ({ value: sex, label: sexLabels[sex] }));

export interface PatientFormProps {
  initial: PatientFormValues;
  /** Where the unsaved input is kept while typing (sessionStorage). */
  draftKey: string;
  submitLabel: string;
  save: (fields: PatientFields) => Promise<CallResult<Patient>>;
  onSaved: (patient: Patient) => void;
  /** The secondary actions (cancel, discard), placed after the save button. */
  secondaryActions?: ReactNode;
}

/**
 * Patient demographics, for a new chart and for corrections. Validated with the domain's
 * patient schema as the back end does; a failed save keeps everything typed, and the
 * input is kept as a draft as it is typed.
 */
export function PatientForm({ initial, draftKey, submitLabel, save, onSaved, secondaryActions }: PatientFormProps) {
  const { clinic } = useSignedIn();
  const [saving, setSaving] = useState(false);
  const { register, handleSubmit, formState, setError, setFocus, control, subscribe } = useForm<
    PatientFormValues,
    unknown,
    PatientFields
  >({
    resolver: patientFormResolver,
    defaultValues: initial,
    shouldFocusError: false,
  });
  const { problems, attempt, fail } = useFormProblems(formState.errors);
  const errors = formState.errors;

  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ values }) => writeDraft(draftKey, values),
      }),
    [subscribe, draftKey],
  );

  const submit = handleSubmit(
    async (fields) => {
      setSaving(true);
      const result = await save(fields);
      setSaving(false);
      if (result.ok) {
        clearDraft(draftKey);
        onSaved(result.value);
        return;
      }
      const unmatched = applyServerIssues(result.error, setError, patientFieldNames, 'patient.');
      fail(unmatched.length > 0 || result.error.issues === undefined ? [result.error.message] : []);
    },
    () => fail(),
  );

  const focusField = (path: string) => {
    const row = /^allergies\.items\.(\d+)$/.exec(path);
    if (row?.[1] !== undefined) document.getElementById(allergyRowId(Number(row[1])))?.focus();
    else setFocus(path as FieldPath<PatientFormValues>);
  };

  return (
    <form className="card patient-form" onSubmit={(event) => void submit(event)} noValidate>
      <ErrorSummary problems={problems} attempt={attempt} onSelect={focusField} />
      <div className="form-section">
        <h2 className="form-section-title">Identification</h2>
        <div className="form-grid">
          <TextField
            id="patient-mrn"
            label="MRN"
            hint="Medical record number: letters, digits and hyphens, e.g. MRN-001."
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            className="input-medium"
            registration={register('mrn')}
            error={errors.mrn?.message}
          />
          <DateOfBirthField
            control={control}
            registration={register('dateOfBirth')}
            error={errors.dateOfBirth?.message}
            clinicTimeZone={clinic.timeZone}
          />
          <TextField
            id="patient-familyName"
            label="Family name"
            autoComplete="off"
            dir="auto"
            registration={register('familyName')}
            error={errors.familyName?.message}
          />
          <TextField
            id="patient-givenNames"
            label="Given names"
            autoComplete="off"
            dir="auto"
            registration={register('givenNames')}
            error={errors.givenNames?.message}
          />
          <TextField
            id="patient-preferredName"
            label="Preferred name"
            optional
            autoComplete="off"
            dir="auto"
            registration={register('preferredName')}
            error={errors.preferredName?.message}
          />
          <TextField
            id="patient-phone"
            label="Phone"
            optional
            type="tel"
            autoComplete="off"
            registration={register('phone')}
            error={errors.phone?.message}
          />
        </div>
        <RadioGroup
          id="patient-sex"
          legend="Sex"
          inline
          registration={register('sex')}
          options={sexOptions}
          error={errors.sex?.message}
        />
      </div>
      <div className="form-section">
        <fieldset>
          <legend className="form-section-title">
            Emergency contact <span className="optional">(optional)</span>
          </legend>
          <p className="hint">Leave all three blank if there is none. With a name, a phone number is needed too.</p>
          <div className="form-grid form-grid-3">
            <TextField
              id="patient-emergencyContact-name"
              label="Contact name"
              autoComplete="off"
              dir="auto"
              registration={register('emergencyContact.name')}
              error={errors.emergencyContact?.name?.message}
            />
            <TextField
              id="patient-emergencyContact-relationship"
              label="Relationship"
              optional
              autoComplete="off"
              dir="auto"
              registration={register('emergencyContact.relationship')}
              error={errors.emergencyContact?.relationship?.message}
            />
            <TextField
              id="patient-emergencyContact-phone"
              label="Contact phone"
              type="tel"
              autoComplete="off"
              registration={register('emergencyContact.phone')}
              error={errors.emergencyContact?.phone?.message}
            />
          </div>
        </fieldset>
      </div>
      <AllergiesFieldset control={control} register={register} errors={errors} />
      <div className="actions actions-bar">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Saving…' : submitLabel}
        </button>
        {secondaryActions}
      </div>
    </form>
  );
}
