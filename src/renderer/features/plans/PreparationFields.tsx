import { administrationLabels, administrationMethods, pumpKindFor } from '../../../domain/administration';
import type { Pump } from '../../../domain/pump';
import { RadioGroup } from '../../components/RadioGroup';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { fieldId } from '../../lib/focus-field';
import type { PlanSectionProps } from './plan-form-types';

const id = (path: string) => fieldId('plan', path);

const methodOptions = administrationMethods.map((method) => ({ value: method, label: administrationLabels[method] }));

/**
 * How the drawn-up drug is given: in a bag with diluent, in a syringe made up with diluent,
 * or undiluted; and the pump it runs on, whose steps decide the rate that can be programmed.
 */
export function PreparationFields({
  register,
  values,
  messages,
  pumps,
}: Omit<PlanSectionProps, 'setValue'> & { pumps: readonly Pump[] }) {
  const method = values.administration;
  const choices = method === '' ? [] : pumps.filter((pump) => pump.kind === pumpKindFor[method]);
  const listed = choices.some((pump) => pump.id === values.pumpId);
  return (
    <>
      <RadioGroup
        id={id('administration')}
        legend="How it is given"
        options={methodOptions}
        registration={register('administration')}
        error={messages.get('administration')}
      />
      <div className="form-grid">
        {(method === 'bag' || method === 'syringe') && (
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
        )}
        {method === 'bag' && (
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
        )}
        {method === 'syringe' && (
          <TextField
            id={id('syringeVolumeMl')}
            label="Made up to (mL)"
            hint="The syringe's volume once the diluent is added to the drug."
            inputMode="decimal"
            autoComplete="off"
            className="input-short"
            registration={register('syringeVolumeMl')}
            error={messages.get('syringeVolumeMl')}
          />
        )}
        {method !== '' && (choices.length > 0 || values.pumpId !== '') && (
          <SelectField
            id={id('pumpId')}
            label={method === 'bag' ? 'Infusion pump' : 'Syringe driver'}
            hint="The pump's steps decide the rate that can be programmed."
            registration={register('pumpId')}
            error={messages.get('pumpId')}
          >
            <option value="">Choose the pump</option>
            {choices.map((pump) => (
              <option key={pump.id} value={pump.id}>
                {pump.name} (steps of {pump.rateStepMlPerH} mL/h)
              </option>
            ))}
            {values.pumpId !== '' && !listed && (
              <option value={values.pumpId}>{values.pumpId} (not on the clinic list for this method)</option>
            )}
          </SelectField>
        )}
      </div>
    </>
  );
}
