import { formatQuantity } from '../domain/quantity';
import type { WeightCheckComputed } from '../domain/record-view';
import type { WeightAcknowledgement } from '../domain/weight-acknowledgement';
import { findingAsRecorded, weightCheckSettingsText } from '../domain/weight-check';
import type { DocumentFlow } from './document-flow';
import { text } from './document-flow';
import { orNone } from './summary-wording';
import { styles } from './summary-theme';

/**
 * What the weight check surfaced at signing, each finding with both weights, their dates and
 * sources, and the physician's acknowledgement and reason. Nothing when nothing was surfaced
 * (or the record was signed before the check existed).
 */
export function writeWeightCheck(
  flow: DocumentFlow,
  weightCheck: WeightCheckComputed | undefined,
  acknowledgement: WeightAcknowledgement | undefined,
): void {
  if (weightCheck === undefined || weightCheck.findings.length === 0) return;
  flow.subheading('Weight check');
  flow.paragraph([text(weightCheckSettingsText(weightCheck.settings), styles.small)]);
  for (const finding of weightCheck.findings) {
    flow.paragraph(
      [text('Weight check: ', styles.alertLabel), text(findingAsRecorded(finding.message), styles.alert)],
      {
        gapAfterPt: 1,
      },
    );
  }
  const acknowledged = acknowledgement?.acknowledgedWeightKg ?? null;
  flow.paragraph(
    [
      text('Acknowledged by the physician: ', styles.label),
      text(
        acknowledged === null ? 'No' : `Yes, for the weight of ${formatQuantity(acknowledged, 'kg')} entered`,
        styles.bodyBold,
      ),
    ],
    { indentPt: 12, gapAfterPt: 1 },
  );
  flow.paragraph(
    [
      text('Reason given by the physician: ', styles.label),
      text(orNone(acknowledgement?.reason ?? '', 'None'), styles.bodyBold),
    ],
    { indentPt: 12, gapAfterPt: 5 },
  );
}
