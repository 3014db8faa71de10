import type { WeightCheckComputed } from '../../../domain/record-view';
import { formatQuantity } from '../../../domain/quantity';
import type { WeightAcknowledgement } from '../../../domain/weight-acknowledgement';
import { findingAsRecorded } from '../../../domain/weight-check';
import { Facts } from '../../components/Facts';
import { MessageText } from '../../components/MessageText';
import { Notice } from '../../components/Notice';

/**
 * On a signed exam or plan: what the weight check surfaced when it was signed, and the
 * physician's acknowledgement and reason. Nothing when nothing was surfaced.
 */
export function RecordedWeightCheck({
  weightCheck,
  acknowledgement,
}: {
  weightCheck: WeightCheckComputed | undefined;
  acknowledgement: WeightAcknowledgement | undefined;
}) {
  if (weightCheck === undefined || weightCheck.findings.length === 0) return null;
  const acknowledged = acknowledgement?.acknowledgedWeightKg ?? null;
  return (
    <Notice tone="warning" title="Weight check at signing">
      <ul className="findings">
        {weightCheck.findings.map((finding) => (
          <li key={finding.kind}>
            <MessageText text={findingAsRecorded(finding.message)} />
          </li>
        ))}
      </ul>
      <Facts
        facts={[
          {
            label: 'Acknowledged by the physician',
            value:
              acknowledged === null ? 'No' : `Yes, for the weight of ${formatQuantity(acknowledged, 'kg')} entered`,
          },
          { label: 'Reason', value: acknowledgement?.reason.trim() ?? '' },
        ]}
      />
    </Notice>
  );
}
