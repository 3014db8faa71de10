import type { UseFormRegisterReturn } from 'react-hook-form';
import type { ContainerView } from '../../../domain/register';
import { formatLotExpiry } from '../../../domain/lot-expiry';
import { quantityText } from '../../../domain/quantity-text';
import { useCall } from '../../app/use-call';
import { Notice } from '../../components/Notice';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import type { FieldMessages } from '../../lib/field-messages';
import { fieldId } from '../../lib/focus-field';
import { editorPrefix } from './EntryEditorFrame';
import type { DrawValues } from './draw-form';

function containerText(container: ContainerView): string {
  return `${container.label} · ${container.drugName} ${quantityText(container.concentrationMgPerMl, 'mg/mL')} · lot ${container.lotNumber} · ${quantityText(container.balance.ml, 'mL')} left`;
}

/**
 * "Drawn from": the register's containers on hand, and how much was drawn from each, at the
 * start of an infusion. Their lot and expiry become the start's, so nothing is typed twice.
 * Shown only when the register holds containers (a clinic not keeping it here sees nothing).
 */
export function DrawFields({
  draws,
  register,
  messages,
}: {
  draws: readonly DrawValues[];
  register: (index: number, name: keyof DrawValues) => UseFormRegisterReturn;
  messages: FieldMessages;
}) {
  const { loaded } = useCall('register.overview', {});
  if (loaded.status !== 'ready' || loaded.value.onHand.length === 0) return null;
  const containers = loaded.value.onHand;
  const chosen = draws.flatMap((row) => containers.filter((container) => String(container.id) === row.containerId));
  return (
    <fieldset className="draw-fields">
      <legend className="field-label">Drawn from (controlled-substance register)</legend>
      <p className="hint">Choose the vial the dose was drawn from; its lot and expiry are recorded with the start.</p>
      {draws.map((row, index) => (
        <div className="form-grid" key={index}>
          <SelectField
            id={fieldId(editorPrefix, `content.draws.${index}.containerId`)}
            label={index === 0 ? 'Container' : 'Second container (if any)'}
            registration={register(index, 'containerId')}
            error={messages.get(`content.draws.${index}.containerId`)}
          >
            <option value="">{index === 0 ? 'Not from the register' : 'None'}</option>
            {containers.map((container) => (
              <option key={container.id} value={container.id}>
                {containerText(container)}
              </option>
            ))}
          </SelectField>
          {row.containerId !== '' && (
            <TextField
              id={fieldId(editorPrefix, `content.draws.${index}.volumeMl`)}
              label="Volume drawn (mL)"
              inputMode="decimal"
              autoComplete="off"
              className="input-short"
              registration={register(index, 'volumeMl')}
              error={messages.get(`content.draws.${index}.volumeMl`)}
            />
          )}
        </div>
      ))}
      <div aria-live="polite">
        {chosen.map((container) => (
          <p key={container.id} className="readback">
            {container.label}: lot {container.lotNumber}, expiry {formatLotExpiry(container.lotExpiry)}
          </p>
        ))}
        {chosen
          .filter((container) => container.warnings.length > 0)
          .map((container) => (
            <Notice key={container.id} tone="warning" title={`Check container ${container.label} before use`}>
              {container.warnings.join('. ')}.
            </Notice>
          ))}
      </div>
    </fieldset>
  );
}
