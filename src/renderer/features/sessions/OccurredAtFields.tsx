import type { UseFormRegisterReturn } from 'react-hook-form';
import { formatDate, parseDateQuery } from '../../../domain/time';
import { useSignedIn } from '../../app/sign-in-context';
import { TextField } from '../../components/TextField';
import { fieldId } from '../../lib/focus-field';
import type { FieldMessages } from '../../lib/field-messages';
import { serverNow } from '../../lib/server-clock';
import { zoneOffsetText } from './entry-time';

/**
 * A clinic date and a 24-hour time, typed (a browser time picker may show AM/PM or the
 * computer's zone). The zone and its offset are said once, in the hint.
 */
export function OccurredAtFields({
  prefix,
  path,
  legend,
  what,
  date,
  time,
  typedDate,
  messages,
  onNow,
}: {
  prefix: string;
  /** Form path of the pair, e.g. "when" or "content.onset". */
  path: string;
  legend: string;
  /** Label words, e.g. "it happened" gives "Date it happened" and "Time it happened". */
  what: string;
  date: UseFormRegisterReturn;
  time: UseFormRegisterReturn;
  typedDate: string;
  messages: FieldMessages;
  onNow: () => void;
}) {
  const { clinic } = useSignedIn();
  const hintId = fieldId(prefix, `${path}.hint`);
  const parsed = parseDateQuery(typedDate);
  const offset = zoneOffsetText(serverNow().toISOString(), clinic.timeZone);
  return (
    <fieldset className="occurred-at" aria-describedby={hintId}>
      <legend className="field-label">{legend}</legend>
      <p className="hint" id={hintId}>
        Clinic time ({clinic.timeZone.replaceAll('_', ' ')}, {offset}), 24-hour clock. Change it if you chart this later
        than it happened.
      </p>
      <div className="occurred-at-fields">
        <TextField
          id={fieldId(prefix, `${path}.date`)}
          label={`Date ${what}`}
          autoComplete="off"
          className="input-date"
          registration={date}
          error={messages.get(`${path}.date`)}
          after={
            <p className="readback" aria-live="polite">
              {parsed === null || formatDate(parsed) === typedDate.trim() ? '' : `Reads as ${formatDate(parsed)}`}
            </p>
          }
        />
        <TextField
          id={fieldId(prefix, `${path}.time`)}
          label={`Time ${what} (HH:mm)`}
          autoComplete="off"
          inputMode="numeric"
          className="input-time"
          registration={time}
          error={messages.get(`${path}.time`)}
        />
        <button type="button" className="button button-secondary button-small occurred-at-now" onClick={onNow}>
          Set to now
        </button>
      </div>
    </fieldset>
  );
}
