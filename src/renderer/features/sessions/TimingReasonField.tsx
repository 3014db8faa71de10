import type { UseFormRegisterReturn } from 'react-hook-form';
import type { TimingFinding } from '../../../domain/session-timing';
import { Notice } from '../../components/Notice';
import { TextArea } from '../../components/TextArea';
import type { FieldMessages } from '../../lib/field-messages';
import { fieldId } from '../../lib/focus-field';

/**
 * A time the signed plan does not allow — before its interval, beyond its series, before its
 * signature — said in words with its dates, and the reason for going ahead, which is stored
 * with the entry and printed in the signed session record.
 */
export function TimingReasonField({
  prefix,
  findings,
  registration,
  messages,
}: {
  prefix: string;
  findings: readonly TimingFinding[];
  registration: UseFormRegisterReturn;
  messages: FieldMessages;
}) {
  return (
    <div className="timing-reason">
      <div aria-live="polite">
        {findings.length > 0 && (
          <Notice tone="warning" title="The signed plan does not allow this time">
            <ul className="timing-findings">
              {findings.map((finding) => (
                <li key={finding.code}>{finding.message}</li>
              ))}
            </ul>
            <p>Check the time. To go ahead, give the reason (a physician’s verbal order, say).</p>
          </Notice>
        )}
      </div>
      <TextArea
        id={fieldId(prefix, 'timingReason')}
        label="Reason for going ahead at this time"
        hint="Stored with the entry and printed in the signed session record."
        registration={registration}
        error={messages.get('timingReason')}
        rows={2}
      />
    </div>
  );
}
