import type { Drug } from '../../../domain/formulary';
import type { Pump } from '../../../domain/pump';
import { formatQuantity } from '../../../domain/quantity';
import { Notice } from '../../components/Notice';
import { SelectField } from '../../components/SelectField';
import { fieldId } from '../../lib/focus-field';
import type { PlanSectionProps } from './plan-form-types';
import { PreparationFields } from './PreparationFields';

const id = (path: string) => fieldId('plan', path);

/** The drug and concentration from the clinic's list, and how it is prepared and given. */
export function DrugSection({
  register,
  values,
  messages,
  setValue,
  drugs,
  pumps,
}: PlanSectionProps & { drugs: readonly Drug[]; pumps: readonly Pump[] }) {
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
      </div>
      <PreparationFields register={register} values={values} messages={messages} pumps={pumps} />
    </section>
  );
}
