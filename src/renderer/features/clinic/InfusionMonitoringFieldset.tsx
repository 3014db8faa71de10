import type { UseFormRegister } from 'react-hook-form';
import { maxDischargeInstructionsChars } from '../../../domain/discharge-instructions';
import { monitoringItems, monitoringLabels } from '../../../domain/session-monitoring';
import { CheckboxField } from '../../components/CheckboxField';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import type { FieldMessages } from '../../lib/field-messages';
import { fieldId } from '../../lib/focus-field';
import { settingsPrefix } from './DischargeCriteriaFieldset';
import type { SessionConfigurationFormValues } from './session-configuration-form-values';

/**
 * Supervision and monitoring at each infusion: which monitoring the clinic requires in use
 * (the nurse gives a reason to go without), how often recovery checks are due after the
 * infusion stops, and the written instructions given at discharge. All the clinic's own.
 */
export function InfusionMonitoringFieldset({
  register,
  messages,
}: {
  register: UseFormRegister<SessionConfigurationFormValues>;
  messages: FieldMessages;
}) {
  const id = (path: string) => fieldId(settingsPrefix, `infusionMonitoring.${path}`);
  return (
    <fieldset className="session-fieldset" id={id('required')}>
      <legend className="form-section-title">Monitoring, recovery checks and discharge instructions</legend>
      <p className="hint">
        Monitoring your clinic requires in use at each infusion. None is required until you tick it: a start without a
        required item needs the nurse’s reason, which is stored and printed.
      </p>
      {monitoringItems.map((item) => (
        <CheckboxField
          key={item}
          id={id(`required.${item}`)}
          label={monitoringLabels[item]}
          registration={register(`infusionMonitoring.required.${item}`)}
        />
      ))}
      <TextField
        id={id('recoveryIntervalMin')}
        label="Recovery checks every (min)"
        hint="After the infusion stops, until the discharge. Leave empty for no recovery countdown."
        optional
        inputMode="numeric"
        registration={register('infusionMonitoring.recoveryIntervalMin')}
        error={messages.get('infusionMonitoring.recoveryIntervalMin')}
      />
      <TextArea
        id={id('instructionsText')}
        label="Written discharge instructions"
        hint={`Given to the patient at discharge and printed in the session record as given. Separate paragraphs with a blank line; at most ${maxDischargeInstructionsChars.toLocaleString('en-US')} characters.`}
        optional
        rows={6}
        registration={register('infusionMonitoring.instructionsText')}
        error={messages.get('infusionMonitoring.instructionsText')}
      />
      <TextField
        id={id('instructionsVersion')}
        label="Your label for this revision of the instructions"
        hint="For example “Rev. 3, March 2026”. The session settings version is recorded too."
        optional
        registration={register('infusionMonitoring.instructionsVersion')}
        error={messages.get('infusionMonitoring.instructionsVersion')}
      />
    </fieldset>
  );
}
