import type { PlanContent } from '../../../domain/plan';
import { administrationLabels, administrationOf, preparationText } from '../../../domain/administration';
import { formatQuantity } from '../../../domain/quantity';
import { formatDurationMin } from '../../../domain/time';

/** "Series of 6 infusions, every 7 days". */
export function seriesText(series: PlanContent['series']): string {
  const { infusions, intervalDays } = series;
  if (infusions === null) return '';
  if (infusions === 1) return 'A single infusion';
  const every =
    intervalDays === null
      ? ', interval not recorded'
      : `, every ${intervalDays} ${intervalDays === 1 ? 'day' : 'days'}`;
  return `Series of ${infusions} infusions${every}`;
}

/** "0.5 mg/kg" or "36 mg (fixed)": the dose as the physician chose it. */
export function doseText(content: PlanContent): string {
  if (content.doseBasis === 'mg/kg' && content.doseMgPerKg !== null)
    return formatQuantity(content.doseMgPerKg, 'mg/kg');
  if (content.doseBasis === 'fixed' && content.doseMg !== null)
    return `${formatQuantity(content.doseMg, 'mg')} (fixed)`;
  return '';
}

export function durationText(minutes: number | null): string {
  return minutes === null ? '' : formatDurationMin(minutes);
}

export function monitoringText(minutes: number | null): string {
  return minutes === null ? '' : `Every ${formatDurationMin(minutes)}`;
}

/** "In an infusion bag with diluent (infusion pump). In 100 mL of 0.9% sodium chloride". */
export function preparationWords(content: PlanContent): string {
  const method = administrationOf(content);
  return method === null ? '' : `${administrationLabels[method]}. ${preparationText(content)}`;
}
