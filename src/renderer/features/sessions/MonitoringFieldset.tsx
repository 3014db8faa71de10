import type { UseFormRegisterReturn } from 'react-hook-form';
import type { MonitoringItem } from '../../../domain/session-monitoring';
import { monitoringItems, monitoringLabels } from '../../../domain/session-monitoring';
import { CheckboxField } from '../../components/CheckboxField';
import { fieldId } from '../../lib/focus-field';

/**
 * The monitoring in use at the start, one box each; those the clinic requires say so in words.
 * A required one left unticked asks for the reason at the start (the server checks it too).
 */
export function MonitoringFieldset({
  prefix,
  register,
  required,
}: {
  prefix: string;
  register: (item: MonitoringItem) => UseFormRegisterReturn;
  required: readonly MonitoringItem[];
}) {
  return (
    <fieldset className="field" id={fieldId(prefix, 'content.monitoring')}>
      <legend className="field-label">Monitoring in use</legend>
      <p className="hint">
        {required.length === 0
          ? 'Your clinic requires none of these: tick what is in use.'
          : `Your clinic requires: ${required.map((item) => monitoringLabels[item]).join(', ')}.`}
      </p>
      {monitoringItems.map((item) => (
        <CheckboxField
          key={item}
          id={fieldId(prefix, `content.monitoring.${item}`)}
          label={
            required.includes(item) ? `${monitoringLabels[item]} (required by your clinic)` : monitoringLabels[item]
          }
          registration={register(item)}
        />
      ))}
    </fieldset>
  );
}
