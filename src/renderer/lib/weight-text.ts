import type { Weight } from '../../domain/weight';
import { formatWeight } from '../../domain/weight';
import { formatDate } from '../../domain/time';

export const weightSourceLabels: Record<Weight['source'], string> = {
  measured: 'measured',
  stated: 'stated by the patient',
};

/** "72.4 kg, measured on 23-Nov-2026": a weight always with its date and source. */
export function weightText(weight: Weight): string {
  return `${formatWeight(weight)}, ${weightSourceLabels[weight.source]} on ${formatDate(weight.measuredOn)}`;
}
