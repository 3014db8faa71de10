import { z } from 'zod';

/** Questionnaires recorded at exams and sessions: item answers, totals computed here. */
export const scaleDefinitions = {
  phq9: { name: 'PHQ-9', items: 9, maxItemScore: 3, loinc: '44261-6' },
  gad7: { name: 'GAD-7', items: 7, maxItemScore: 3, loinc: '70274-6' },
  pcl5: { name: 'PCL-5', items: 20, maxItemScore: 4, loinc: '91723-8' },
} as const;
export type ScaleId = keyof typeof scaleDefinitions;
export const scaleIds = Object.keys(scaleDefinitions) as ScaleId[];

const itemsSchema = (scale: ScaleId) => {
  const { items, maxItemScore, name } = scaleDefinitions[scale];
  return z
    .array(
      z
        .number()
        .int()
        .min(0, `${name} answers are 0–${maxItemScore}`)
        .max(maxItemScore, `${name} answers are 0–${maxItemScore}`)
        .nullable(),
    )
    .length(items, `${name} has ${items} items`);
};

export const scalesSchema = z.object({
  phq9: itemsSchema('phq9').nullable(),
  gad7: itemsSchema('gad7').nullable(),
  pcl5: itemsSchema('pcl5').nullable(),
  /** Pain numeric rating scale, 0 (none) to 10 (worst imaginable). */
  painNrs: z.number().int().min(0, 'Pain is rated 0–10').max(10, 'Pain is rated 0–10').nullable(),
});
export type Scales = z.infer<typeof scalesSchema>;

export const emptyScales: Scales = { phq9: null, gad7: null, pcl5: null, painNrs: null };

export function blankItems(scale: ScaleId): (number | null)[] {
  return Array.from({ length: scaleDefinitions[scale].items }, () => null);
}

/** The total, or null while any item is unanswered (a partial total would mislead). */
export function scaleTotal(items: readonly (number | null)[] | null): number | null {
  if (items === null || items.some((item) => item === null)) return null;
  return items.reduce<number>((sum, item) => sum + (item ?? 0), 0);
}

/** Whether a questionnaire was started but not finished. */
export function scaleIncomplete(items: readonly (number | null)[] | null): boolean {
  return items !== null && items.some((item) => item === null) && items.some((item) => item !== null);
}
