import type { ScaleId } from './scales';
import { scaleDefinitions, scaleTotal } from './scales';

/** "PHQ-9 total 8 of 27", or how many items are still unanswered (a partial total would mislead). */
export function questionnaireSummary(scale: ScaleId, items: readonly (number | null)[] | null): string {
  const { name, items: count, maxItemScore } = scaleDefinitions[scale];
  if (items === null) return `${name} not done`;
  const total = scaleTotal(items);
  if (total === null) {
    const answered = items.filter((item) => item !== null).length;
    return `${name}: total shown when all ${count} items are answered (${answered} answered)`;
  }
  return `${name} total ${total} of ${count * maxItemScore}`;
}

/** "0 (no pain)" … "10 (worst pain imaginable)": the scale's ends carry their anchors. */
export function painLabel(score: number): string {
  if (score === 0) return '0 (no pain)';
  if (score === 10) return '10 (worst pain imaginable)';
  return String(score);
}
