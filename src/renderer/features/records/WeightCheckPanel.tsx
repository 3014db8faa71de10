import type { UseFormRegisterReturn } from 'react-hook-form';
import type { WeightFinding } from '../../../domain/weight-check';
import { describedBy } from '../../components/described-by';
import { Facts } from '../../components/Facts';
import { FieldError } from '../../components/FieldError';
import { MessageText } from '../../components/MessageText';
import { Notice } from '../../components/Notice';
import { TextArea } from '../../components/TextArea';
import type { FieldMessages } from '../../lib/field-messages';
import { fieldId } from '../../lib/focus-field';
import { weightText } from '../../lib/weight-text';

const titles: Record<WeightFinding['kind'], string> = {
  'unit-factor': 'Weight check: near the factor between pounds and kilograms',
  change: "Weight check: a change beyond your clinic's threshold",
  implausible: "Weight check: outside your clinic's plausible adult range",
};

const recordWords = { exam: 'exam', plan: 'infusion plan' } as const;

/** One finding, with both weights, their dates and sources, and where each was recorded. */
function FindingNotice({ finding, what }: { finding: WeightFinding; what: 'exam' | 'plan' }) {
  const previous = finding.previous;
  return (
    <Notice tone="warning" title={titles[finding.kind]}>
      <p>
        <MessageText text={finding.message} />
      </p>
      <Facts
        facts={[
          { label: 'Weight entered', value: `${weightText(finding.entered)} (this ${recordWords[what]})` },
          {
            label: 'Previous weight',
            value:
              previous === null
                ? 'None: this is the first weight recorded for this patient'
                : `${weightText(previous)} (signed ${recordWords[previous.recordType]})`,
          },
        ]}
      />
    </Notice>
  );
}

/**
 * Beside the weight: what the weight check surfaced on the weight as typed, and the
 * physician's acknowledgement with a reason, which signing needs. A check on what was
 * entered; it never proposes a weight.
 */
export function WeightCheckPanel({
  prefix,
  findings,
  ticked,
  onTick,
  reason,
  messages,
}: {
  /** The form ("exam" or "plan"), for field ids and words. */
  prefix: 'exam' | 'plan';
  findings: readonly WeightFinding[];
  /** Whether the box is ticked for the weight as it is now. */
  ticked: boolean;
  onTick: (ticked: boolean) => void;
  reason: UseFormRegisterReturn;
  messages: FieldMessages;
}) {
  const boxId = fieldId(prefix, 'weightAcknowledgement.acknowledgedWeightKg');
  const boxError = messages.get('weightAcknowledgement.acknowledgedWeightKg');
  const boxErrorId = boxError === undefined ? undefined : `${boxId}-error`;
  const hintId = `${boxId}-hint`;
  return (
    <div className="weight-check" aria-live="polite">
      {findings.length > 0 && (
        <>
          <ul className="findings">
            {findings.map((finding) => (
              <li key={finding.kind}>
                <FindingNotice finding={finding} what={prefix} />
              </li>
            ))}
          </ul>
          <div className={boxError === undefined ? 'field' : 'field field-invalid'}>
            <FieldError id={boxErrorId} error={boxError} />
            <label className="checkbox" htmlFor={boxId}>
              <input
                id={boxId}
                type="checkbox"
                checked={ticked}
                onChange={(event) => onTick(event.target.checked)}
                aria-invalid={boxError === undefined ? undefined : true}
                aria-describedby={describedBy(hintId, boxErrorId)}
              />
              <span>I have checked this weight and keep it as entered</span>
            </label>
            <p className="hint checkbox-hint" id={hintId}>
              Signing needs this and a reason. Changing the weight afterwards asks again.
            </p>
          </div>
          <TextArea
            id={fieldId(prefix, 'weightAcknowledgement.reason')}
            label="Reason for keeping this weight"
            hint={`Stored with the ${recordWords[prefix]}, printed in its signed PDF and written to the audit log.`}
            rows={2}
            maxLength={1000}
            registration={reason}
            error={messages.get('weightAcknowledgement.reason')}
          />
        </>
      )}
    </div>
  );
}
