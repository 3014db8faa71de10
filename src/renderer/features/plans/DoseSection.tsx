import type { Weight } from '../../../domain/weight';
import { weightKg } from '../../../domain/weight';
import type { WeightFinding } from '../../../domain/weight-check';
import { RadioGroup } from '../../components/RadioGroup';
import { TextField } from '../../components/TextField';
import { fieldId } from '../../lib/focus-field';
import { weightText } from '../../lib/weight-text';
import { WeightCheckPanel } from '../records/WeightCheckPanel';
import { ticksWeight } from '../records/weight-check-form';
import { WeightFields } from '../records/WeightFields';
import type { PlanSectionProps } from './plan-form-types';

const id = (path: string) => fieldId('plan', path);

const basisOptions = [
  { value: 'mg/kg', label: 'Per kg of body weight (mg/kg)' },
  { value: 'fixed', label: 'Fixed amount (mg)' },
] as const;

/**
 * The dose the physician chose, on its basis, and the weight it is worked out from, with
 * what the weight check surfaced on a weight entered for the plan.
 */
export function DoseSection({
  register,
  values,
  messages,
  setValue,
  examWeight,
  entered,
  weightFindings,
}: PlanSectionProps & {
  examWeight: Weight | null;
  /** The weight entered for the plan, as read now (null when copied from the exam). */
  entered: Weight | null;
  weightFindings: readonly WeightFinding[];
}) {
  const tick = (ticked: boolean) =>
    setValue(
      'weightAcknowledgement.acknowledgedWeightKg',
      ticked && entered !== null ? weightKg(entered).toString() : '',
      { shouldDirty: true, shouldTouch: true },
    );
  const weightOptions = [
    ...(examWeight === null ? [] : [{ value: 'exam', label: `From the exam: ${weightText(examWeight)}` }]),
    { value: 'entered', label: 'Entered for this plan' },
  ];
  return (
    <section className="card form-card" aria-labelledby="plan-dose-title">
      <h2 id="plan-dose-title">Dose</h2>
      <RadioGroup
        id={id('doseBasis')}
        legend="Dose basis"
        inline
        options={basisOptions}
        registration={register('doseBasis')}
        error={messages.get('doseBasis')}
      />
      {values.doseBasis === 'mg/kg' && (
        <TextField
          id={id('doseMgPerKg')}
          label="Dose (mg/kg)"
          inputMode="decimal"
          autoComplete="off"
          className="input-short"
          registration={register('doseMgPerKg')}
          error={messages.get('doseMgPerKg')}
        />
      )}
      {values.doseBasis === 'fixed' && (
        <TextField
          id={id('doseMg')}
          label="Dose (mg)"
          inputMode="decimal"
          autoComplete="off"
          className="input-short"
          registration={register('doseMg')}
          error={messages.get('doseMg')}
        />
      )}
      <RadioGroup
        id={id('weightFrom')}
        legend="Weight used"
        hint={
          examWeight === null
            ? 'The exam recorded no weight: enter the weight used, with its date and source.'
            : values.doseBasis === 'fixed'
              ? 'For a fixed dose the weight is used only for the rate per kg.'
              : undefined
        }
        options={weightOptions}
        registration={register('weightFrom')}
        error={messages.get('weightFrom')}
      />
      {values.weightFrom === 'entered' && (
        <WeightFields
          id={id('weight')}
          legend="Weight entered for this plan"
          values={values.weight}
          registrations={{
            value: register('weight.value'),
            unit: register('weight.unit'),
            measuredOn: register('weight.measuredOn'),
            source: register('weight.source'),
          }}
          errors={{
            value: messages.get('weight.value') ?? messages.get('weight'),
            measuredOn: messages.get('weight.measuredOn'),
            source: messages.get('weight.source'),
          }}
        />
      )}
      <WeightCheckPanel
        prefix="plan"
        findings={weightFindings}
        ticked={ticksWeight(values.weightAcknowledgement, entered)}
        onTick={tick}
        reason={register('weightAcknowledgement.reason')}
        messages={messages}
      />
    </section>
  );
}
