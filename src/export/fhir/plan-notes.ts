import type { LimitCheck } from '../../domain/limits';
import { formatRange, limitedQuantities } from '../../domain/limits';
import type { PlanComputed } from '../../domain/record-view';
import type { PlanVersion } from '../snapshot-index';
import type { Annotation } from './datatypes';

function checkLabel(check: LimitCheck): string {
  return check === 'weightAge' ? 'Age of the weight used' : limitedQuantities[check].label;
}

/** The clinic's configured range the reason answers, as printed on the plan. */
function rangeText(check: LimitCheck, limits: PlanComputed['limits'] | undefined): string | null {
  if (limits === undefined) return null;
  if (check === 'weightAge') {
    const soft = limits.weightMaxAgeDays.soft;
    return soft === null ? null : `at most ${soft} days`;
  }
  const range = limits[check];
  return range.softMin === null && range.softMax === null
    ? null
    : formatRange(range.softMin, range.softMax, limitedQuantities[check].unit);
}

/**
 * Notes a reader of the order must see: each typed reason for going outside the clinic's
 * configured range (with the range it answers), the premedication, rescue medication and
 * free-text notes, and a plain statement when the clinic had configured no limits.
 */
export function planNotes(version: PlanVersion): Annotation[] {
  const { content, computed } = version;
  const notes: Annotation[] = [];
  for (const [check, reason] of Object.entries(content.overrideReasons) as [LimitCheck, string | undefined][]) {
    if (reason === undefined || reason.trim() === '') continue;
    const range = rangeText(check, computed?.limits);
    notes.push({
      text: `Reason for ${checkLabel(check).toLowerCase()} outside your clinic's configured range${
        range === null ? '' : ` (${range})`
      }: ${reason}`,
    });
  }
  if (computed?.noLimitsConfigured === true) {
    notes.push({ text: 'No limits were configured for this drug when the plan was signed.' });
  }
  if (content.premedication.trim() !== '') notes.push({ text: `Premedication: ${content.premedication}` });
  if (content.rescueMedication.trim() !== '') notes.push({ text: `Rescue medication: ${content.rescueMedication}` });
  if (content.notes.trim() !== '') notes.push({ text: `Notes: ${content.notes}` });
  return notes;
}
