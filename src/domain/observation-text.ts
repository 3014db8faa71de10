import type { Observation } from './infusion-session';
import { cadss6Items, sedationLevels } from './infusion-session';

const cadssMax = cadss6Items.length * 4;

/** "CADSS-6 total 3 of 24", or how many items were asked when not all were. */
export function cadss6Summary(items: readonly (number | null)[] | null): string {
  const answered = (items ?? []).filter((item): item is number => item !== null);
  if (answered.length === 0) return 'CADSS-6 not asked';
  const sum = answered.reduce((total, item) => total + item, 0);
  return answered.length === cadss6Items.length
    ? `CADSS-6 total ${sum} of ${cadssMax}`
    : `CADSS-6 ${answered.length} of ${cadss6Items.length} items asked, sum ${sum}`;
}

/** "MOAA/S 5 (responds readily to name in normal tone)". */
export function sedationText(score: number | null): string | null {
  if (score === null) return null;
  const level = sedationLevels.find((candidate) => candidate.score === score);
  return `MOAA/S ${score}${level === undefined ? '' : ` (${level.label.toLowerCase()})`}`;
}

export const nauseaLabels: Record<NonNullable<Observation['nausea']>, string> = {
  none: 'None',
  mild: 'Mild',
  moderate: 'Moderate',
  severe: 'Severe',
};
