import type { Drug } from '../../../domain/formulary';
import { formatQuantity } from '../../../domain/quantity';
import { Notice } from '../../components/Notice';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { fieldId } from '../../lib/focus-field';
import type { PlanSectionProps } from './plan-form-types';

const id = (path: string) => fieldId('plan', path);

/** The drug and concentration from the clinic's list, and what it is diluted in. */
export function DrugSection({
  register,
  values,
  messages,
  setValue,
  drugs,
}: PlanSectionProps & { drugs: readonly Drug[] }) {
  const drug = drugs.find((candidate) => candidate.id === values.drugId);
  const concentrations = drug?.concentrationsMgPerMl ?? [];
  const drugRegistration = register('drugId', {
    onChange: (event: { target: { value: string } }) => {
      const next = drugs.find((candidate) => candidate.id === event.target.value);
      // A concentration the new drug is not stocked in would be a silent mismatch.
      if (next?.concentrationsMgPerMl.includes(values.concentrationMgPerMl) !== true)
        setValue('concentrationMgPerMl', '', { shouldDirty: true });
    },
  });
  return (
    <section className="card form-card" aria-labelledby="plan-drug-title">
      <h2 id="plan-drug-title">Drug and preparation</h2>
      {drugs.length === 0 && (
        <Notice tone="warning" title="No drugs configured">
          Your clinic&apos;s formulary has no drugs yet, so no plan can be completed. An administrator adds them under
          Formulary.
        </Notice>
      )}
      <div className="form-grid">
        <SelectField id={id('drugId')} label="Drug" registration={drugRegistration} error={messages.get('drugId')}>
          <option value="">Choose the drug</option>
          {drugs.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
          {values.drugId !== '' && drug === undefined && (
            <option value={values.drugId}>{values.drugId} (no longer on the clinic list)</option>
          )}
        </SelectField>
        <SelectField
          id={id('concentrationMgPerMl')}
          label="Concentration (mg/mL)"
          registration={register('concentrationMgPerMl')}
          error={messages.get('concentrationMgPerMl')}
        >
          <option value="">{drug === undefined ? 'Choose the drug first' : 'Choose the concentration'}</option>
          {concentrations.map((value) => (
            <option key={value} value={value}>
              {formatQuantity(value, 'mg/mL')}
            </option>
          ))}
          {values.concentrationMgPerMl !== '' && !concentrations.includes(values.concentrationMgPerMl) && (
            <option value={values.concentrationMgPerMl}>
              {formatQuantity(values.concentrationMgPerMl, 'mg/mL')} (not on the list for this drug)
            </option>
          )}
        </SelectField>
        <TextField
          id={id('diluent')}
          label="Diluent"
          hint="e.g. 0.9% sodium chloride"
          autoComplete="off"
          dir="auto"
          maxLength={200}
          registration={register('diluent')}
          error={messages.get('diluent')}
        />
        <TextField
          id={id('diluentVolumeMl')}
          label="Diluent volume (mL)"
          hint="The bag volume before the drug is added."
          inputMode="decimal"
          autoComplete="off"
          className="input-short"
          registration={register('diluentVolumeMl')}
          error={messages.get('diluentVolumeMl')}
        />
      </div>
    </section>
  );
}
