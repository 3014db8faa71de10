import { z } from 'zod';
import { decimalSchema, formatNumber, isDecimalText, toDecimal } from './quantity';

/**
 * How the clinic judges response to a series: definitions it writes itself ("Response" =
 * PHQ-9 down at least 50% from baseline). Nothing ships configured: the app does arithmetic on
 * recorded values against these words, and never says what a threshold should be.
 */

export const responseScaleIds = ['phq9', 'gad7', 'pcl5', 'painNrs'] as const;
export type ResponseScaleId = (typeof responseScaleIds)[number];

export const responseScales: Record<ResponseScaleId, { name: string; max: number }> = {
  phq9: { name: 'PHQ-9', max: 27 },
  gad7: { name: 'GAD-7', max: 21 },
  pcl5: { name: 'PCL-5', max: 80 },
  painNrs: { name: 'Pain (NRS)', max: 10 },
};

const wholeScore = (what: string) =>
  z
    .number({ error: `Enter the ${what} as a whole number` })
    .int(`Enter the ${what} as a whole number`)
    .min(1, `The ${what} must be at least 1`)
    .max(80, `The ${what} must be at most 80`);

export const responseRuleSchema = z.discriminatedUnion(
  'type',
  [
    z
      .object({
        type: z.literal('percent-drop'),
        percent: decimalSchema('per cent').refine(
          (value) => isDecimalText(value) && toDecimal(value).greaterThan(0) && toDecimal(value).lessThanOrEqualTo(100),
          'The per cent must be above 0 and at most 100',
        ),
      })
      .strict(),
    z.object({ type: z.literal('below'), value: wholeScore('score') }).strict(),
    z.object({ type: z.literal('points-drop'), points: wholeScore('number of points') }).strict(),
  ],
  { error: 'Choose how the rule is judged' },
);
export type ResponseRule = z.infer<typeof responseRuleSchema>;
export type ResponseRuleType = ResponseRule['type'];
export const responseRuleTypes: readonly ResponseRuleType[] = ['percent-drop', 'below', 'points-drop'];

const definitionIdPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A definition as a plan copies it when signed: the wording the physician chose from. */
export const responseDefinitionAsWordedSchema = z
  .object({
    /** Stable: a reworded definition keeps its id; an id is never reused for another meaning. */
    id: z.string().regex(definitionIdPattern, 'Use lower-case letters, digits and hyphens for the code'),
    label: z.string().trim().min(1, 'Enter the name, e.g. Response').max(100, 'Use at most 100 characters'),
    scale: z.enum(responseScaleIds, { error: 'Choose the scale' }),
    rule: responseRuleSchema,
  })
  .strict();
export type ResponseDefinitionAsWorded = z.infer<typeof responseDefinitionAsWordedSchema>;

export const responseDefinitionSchema = responseDefinitionAsWordedSchema
  .extend({
    /** No longer offered for new plans; kept so its id stays taken and signed plans still read. */
    retired: z.boolean(),
  })
  .strict();
export type ResponseDefinition = z.infer<typeof responseDefinitionSchema>;

export const responseDefinitionsSchema = z
  .array(responseDefinitionSchema)
  .max(100, 'Keep at most 100 response definitions, retired ones included')
  .superRefine((definitions, context) => {
    const ids = new Set<string>();
    const labels = new Set<string>();
    definitions.forEach((definition, index) => {
      if (ids.has(definition.id)) {
        context.addIssue({ code: 'custom', path: [index, 'id'], message: 'Each definition code must be unique' });
      }
      ids.add(definition.id);
      const max = responseScales[definition.scale].max;
      const { rule } = definition;
      const bound = rule.type === 'below' ? rule.value : rule.type === 'points-drop' ? rule.points : null;
      if (bound !== null && bound > max) {
        context.addIssue({
          code: 'custom',
          path: [index, 'rule', rule.type === 'below' ? 'value' : 'points'],
          message: `${responseScales[definition.scale].name} goes up to ${max}`,
        });
      }
      if (definition.retired) return;
      const folded = `${definition.label.trim().toLocaleLowerCase()}\n${definition.scale}`;
      if (labels.has(folded)) {
        context.addIssue({
          code: 'custom',
          path: [index, 'label'],
          message: 'This name is already used for this scale',
        });
      }
      labels.add(folded);
    });
  });

/** The definitions a new plan may choose from, in the clinic's order. */
export function definitionsInForce(definitions: readonly ResponseDefinition[] | undefined): ResponseDefinition[] {
  return (definitions ?? []).filter((definition) => !definition.retired);
}

/** "PHQ-9 down at least 50% from baseline", "PHQ-9 below 5", "Pain (NRS) down at least 3 points from baseline". */
export function ruleText(scale: ResponseScaleId, rule: ResponseRule): string {
  const name = responseScales[scale].name;
  switch (rule.type) {
    case 'percent-drop':
      return `${name} down at least ${formatNumber(rule.percent)}% from baseline`;
    case 'below':
      return `${name} below ${rule.value}`;
    case 'points-drop':
      return `${name} down at least ${rule.points} ${rule.points === 1 ? 'point' : 'points'} from baseline`;
  }
}

/** "Response: PHQ-9 down at least 50% from baseline". */
export function definitionText(definition: Pick<ResponseDefinition, 'label' | 'scale' | 'rule'>): string {
  return `${definition.label}: ${ruleText(definition.scale, definition.rule)}`;
}

/**
 * Whether a recorded value meets a rule: arithmetic on the record, exact (no floating point).
 * Null when it cannot be said: a rule against baseline with no baseline, or a per-cent rule
 * on a baseline of 0 (no per cent of 0 can be computed).
 *
 * - percent-drop p: value ≤ baseline × (1 − p/100)
 * - below v: value < v
 * - points-drop n: baseline − value ≥ n
 */
export function ruleMet(rule: ResponseRule, baseline: number | null, value: number): boolean | null {
  switch (rule.type) {
    case 'below':
      return value < rule.value;
    case 'points-drop':
      return baseline === null ? null : baseline - value >= rule.points;
    case 'percent-drop': {
      if (baseline === null || baseline === 0) return null;
      const threshold = toDecimal(baseline).times(toDecimal(1).minus(toDecimal(rule.percent).dividedBy(100)));
      return toDecimal(value).lessThanOrEqualTo(threshold);
    }
  }
}

/** The definitions a plan chose, with the wording in force now, for the plan to keep as signed. */
export function definitionsAsWorded(
  ids: readonly string[],
  definitions: readonly ResponseDefinition[] | undefined,
): ResponseDefinitionAsWorded[] {
  return ids.flatMap((id) => {
    const found = (definitions ?? []).find((definition) => definition.id === id);
    return found === undefined ? [] : [{ id: found.id, label: found.label, scale: found.scale, rule: found.rule }];
  });
}
