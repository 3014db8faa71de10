import type { UseFormRegisterReturn } from 'react-hook-form';
import type { AdministrationEventType } from '../../../domain/infusion-session';
import { quantityText } from '../../../domain/quantity-text';
import { formatDate, localDate } from '../../../domain/time';
import { useSignedIn } from '../../app/sign-in-context';
import { Notice } from '../../components/Notice';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import type { FieldMessages } from '../../lib/field-messages';
import { fieldId } from '../../lib/focus-field';
import { serverNow } from '../../lib/server-clock';
import { editorPrefix } from './EntryEditorFrame';
import type { EventFormValues } from './event-form';
import { deviatesFromPlan, eventFields, volumeFarFromPlan } from './event-form';
import { volumeToleranceRule } from '../../../domain/session-volume';
import { formatLotExpiry, lastUseDay, parseLotExpiry } from '../../../domain/lot-expiry';
import { DrawFields } from './DrawFields';
import type { DrawValues } from './draw-form';
import { drawsChosen, emptyDraws } from './draw-form';

const id = (name: Exclude<keyof EventFormValues, 'draws'>) => fieldId(editorPrefix, `content.${name}`);

/** The fields an administration event asks for; a rate off the plan is said plainly as it is typed. */
export function EventFields({
  type,
  register,
  registerDraw,
  values,
  messages,
  plannedRate,
  plannedVolume,
}: {
  type: AdministrationEventType;
  register: (name: Exclude<keyof EventFormValues, 'draws'>) => UseFormRegisterReturn;
  /** The "Drawn from" rows, for a new start only (a correction does not draw again). */
  registerDraw?: (index: number, name: keyof DrawValues) => UseFormRegisterReturn;
  values: EventFormValues;
  messages: FieldMessages;
  plannedRate: string | null;
  /** The volume the end is compared with; null when there is none (or after an early stop). */
  plannedVolume: string | null;
}) {
  const { clinic } = useSignedIn();
  const fields = eventFields[type];
  const message = (name: Exclude<keyof EventFormValues, 'draws'>) => messages.get(`content.${name}`);
  const deviates = fields.rate && deviatesFromPlan(values.rateMlPerH, plannedRate);
  const far = type === 'end' && volumeFarFromPlan(values.volumeInfusedMl, plannedVolume);
  const expiry = parseLotExpiry(values.lotExpiry);
  const expired = expiry !== null && lastUseDay(expiry) < localDate(serverNow(), clinic.timeZone);
  const planned =
    plannedRate === null ? 'The plan gives no pump rate.' : `The plan: ${quantityText(plannedRate, 'mL/h')}.`;
  return (
    <div className="event-fields">
      {fields.rate && (
        <>
          <TextField
            id={id('rateMlPerH')}
            label="Pump rate (mL/h)"
            hint={`As set on the pump. ${planned}`}
            inputMode="decimal"
            autoComplete="off"
            className="input-short input-large-text"
            registration={register('rateMlPerH')}
            error={message('rateMlPerH')}
          />
          <div aria-live="polite">
            {deviates && plannedRate !== null && (
              <Notice tone="warning" title="This rate differs from the plan">
                The plan says {quantityText(plannedRate, 'mL/h')}; you entered{' '}
                {quantityText(values.rateMlPerH.trim(), 'mL/h')}. Give the reason for the deviation below.
              </Notice>
            )}
          </div>
        </>
      )}
      {fields.lot && registerDraw !== undefined && (
        <DrawFields draws={values.draws ?? emptyDraws} register={registerDraw} messages={messages} />
      )}
      {fields.lot && !drawsChosen(values.draws) && (
        <div className="form-grid">
          <TextField
            id={id('lotNumber')}
            label="Lot number"
            hint="As printed on the vial."
            autoComplete="off"
            spellCheck={false}
            className="input-medium"
            registration={register('lotNumber')}
            error={message('lotNumber')}
          />
          <TextField
            id={id('lotExpiry')}
            label="Lot expiry"
            hint="As printed on the vial: Jun-2027 or 30-Jun-2027."
            autoComplete="off"
            className="input-medium"
            registration={register('lotExpiry')}
            error={message('lotExpiry')}
            after={
              <p className="readback" aria-live="polite">
                {expiry === null || formatLotExpiry(expiry) === values.lotExpiry.trim()
                  ? ''
                  : `Reads as ${formatLotExpiry(expiry)}`}
                {expired && ` Expired: this lot could be used until ${formatDate(lastUseDay(expiry))} only.`}
              </p>
            }
          />
        </div>
      )}
      {fields.volume !== 'none' && (
        <TextField
          id={id('volumeInfusedMl')}
          label="Volume infused (mL)"
          hint="As the pump shows it."
          optional={fields.volume === 'optional'}
          inputMode="decimal"
          autoComplete="off"
          className="input-short"
          registration={register('volumeInfusedMl')}
          error={message('volumeInfusedMl')}
          after={
            <div aria-live="polite">
              {far && plannedVolume !== null && (
                <Notice tone="warning" title="This volume is far from the plan">
                  The plan delivers {quantityText(plannedVolume, 'mL')}; you entered{' '}
                  {quantityText(values.volumeInfusedMl.trim(), 'mL')}. That is not {volumeToleranceRule}: give the
                  reason below, as for an early stop.
                </Notice>
              )}
            </div>
          }
        />
      )}
      {fields.waste && (
        <TextField
          id={id('wasteMg')}
          label="Drug discarded (mg)"
          hint="What was left and discarded. Enter 0 if none; more than 0 needs a witness."
          optional
          inputMode="decimal"
          autoComplete="off"
          className="input-short"
          registration={register('wasteMg')}
          error={message('wasteMg')}
        />
      )}
      <TextArea
        id={id('reason')}
        label={far ? 'Reason the volume differs from the plan' : reasonLabel(type, deviates)}
        optional={!fields.reasonRequired && !deviates && !far}
        registration={register('reason')}
        error={message('reason')}
        rows={2}
      />
    </div>
  );
}

function reasonLabel(type: AdministrationEventType, deviates: boolean): string {
  if (deviates) return 'Reason for the deviation from the plan';
  if (type === 'rate-change') return 'Reason for the rate change';
  if (type === 'stop') return 'Reason for stopping';
  if (type === 'pause') return 'Reason for the pause';
  return 'Reason or note';
}
