import type { PlanContent } from '../../../domain/plan';
import { weightText } from '../../lib/weight-text';

/** "72.4 kg, measured on 23-Nov-2026 (from the exam)": the weight a dose was worked out from. */
export function weightUsedText(weight: PlanContent['weight']): string {
  if (weight === null) return 'No weight recorded yet';
  return `${weightText(weight)} (${weight.from === 'exam' ? 'from the exam' : 'entered for this plan'})`;
}
