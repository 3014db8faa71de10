import type { UseFormRegisterReturn } from 'react-hook-form';
import { formatDurationMin } from '../../../domain/time';
import { useSignedIn } from '../../app/sign-in-context';
import { TextArea } from '../../components/TextArea';
import type { FieldMessages } from '../../lib/field-messages';
import { fieldId } from '../../lib/focus-field';
import { clinicDay, entryTime } from './entry-time';
import type { DischargeFormValues } from './discharge-form';

/**
 * Where the checks ran longer than the plan's interval, each stretch with a place to say why:
 * the signed record prints the explanation next to the stretch (or "not explained").
 */
export function GapExplanationFields({
  prefix,
  gaps,
  intervalMin,
  day,
  register,
  messages,
}: {
  prefix: string;
  gaps: DischargeFormValues['gapExplanations'];
  intervalMin: number | null;
  /** The session's start, for times on another day. */
  day: string;
  register: (index: number) => UseFormRegisterReturn;
  messages: FieldMessages;
}) {
  const { clinic } = useSignedIn();
  if (gaps.length === 0) return null;
  const time = (instant: string) => entryTime(instant, clinic.timeZone, clinicDay(day, clinic.timeZone));
  return (
    <fieldset className="session-fieldset" id={fieldId(prefix, 'content.gapExplanations')}>
      <legend className="form-section-title">Stretches without a check</legend>
      <p className="hint">
        The checks ran longer than the plan’s interval
        {intervalMin === null ? '' : ` (every ${formatDurationMin(intervalMin)})`} here. Say why: the signed session
        record prints it next to the stretch, or “not explained”.
      </p>
      {gaps.map((gap, index) => {
        const path = `content.gapExplanations.${index}`;
        return (
          <TextArea
            key={`${gap.fromAt}-${gap.untilAt}`}
            id={fieldId(prefix, `${path}.explanation`)}
            label={`Why no check from ${time(gap.fromAt)} to ${time(gap.untilAt)} (${formatDurationMin(gap.minutes)})`}
            optional
            registration={register(index)}
            error={messages.get(`${path}.explanation`) ?? messages.get(path)}
            rows={2}
          />
        );
      })}
    </fieldset>
  );
}
