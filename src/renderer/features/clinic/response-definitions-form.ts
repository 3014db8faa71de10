import { z } from 'zod';
import type { ResponseDefinition, ResponseRule, ResponseScaleId } from '../../../domain/response-definitions';
import { newCriterionId } from '../../../domain/session-configuration';

/**
 * The clinic's response definitions as typed: the rule's figure as text, whichever kind of
 * rule is chosen. A definition's stable code is named `code` (react-hook-form keeps `id` for
 * its rows); one added on this form has none yet. A local copy saved before definitions
 * existed restores with none.
 */
const rowSchema = z.object({
  code: z.string(),
  label: z.string(),
  scale: z.string(),
  ruleType: z.string(),
  amount: z.string(),
  retired: z.boolean(),
});
export const responseDefinitionsFormSchema = z.array(rowSchema).default([]);
export type ResponseDefinitionRow = z.infer<typeof rowSchema>;
export type ResponseDefinitionsFormValues = z.infer<typeof responseDefinitionsFormSchema>;

export const blankResponseDefinition: ResponseDefinitionRow = {
  code: '',
  label: '',
  scale: '',
  ruleType: '',
  amount: '',
  retired: false,
};

function amountOf(rule: ResponseRule): string {
  switch (rule.type) {
    case 'percent-drop':
      return rule.percent;
    case 'below':
      return String(rule.value);
    case 'points-drop':
      return String(rule.points);
  }
}

export function responseDefinitionsFormValues(
  definitions: readonly ResponseDefinition[] | undefined,
): ResponseDefinitionsFormValues {
  return (definitions ?? []).map((definition) => ({
    code: definition.id,
    label: definition.label,
    scale: definition.scale,
    ruleType: definition.rule.type,
    amount: amountOf(definition.rule),
    retired: definition.retired,
  }));
}

/** A whole number as typed, or NaN so that the schema says it is not one. */
const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

function ruleOf(row: ResponseDefinitionRow): ResponseRule {
  switch (row.ruleType) {
    case 'percent-drop':
      return { type: 'percent-drop', percent: row.amount.trim() };
    case 'below':
      return { type: 'below', value: whole(row.amount) };
    case 'points-drop':
      return { type: 'points-drop', points: whole(row.amount) };
    default:
      // Unchosen: the schema refuses it with "Choose how the rule is judged".
      return { type: row.ruleType } as unknown as ResponseRule;
  }
}

/**
 * The definitions to save: none at all while there are none (so a clinic that never set any
 * stores what it stored before), each new one given a code made from its name.
 */
export function responseDefinitionsContent(rows: ResponseDefinitionsFormValues): {
  responseDefinitions?: ResponseDefinition[];
} {
  if (rows.length === 0) return {};
  const taken = new Set(rows.map((row) => row.code).filter((code) => code !== ''));
  const responseDefinitions = rows.map((row) => {
    let id = row.code;
    if (id === '') {
      id = newCriterionId(row.label, taken);
      taken.add(id);
    }
    return {
      id,
      label: row.label.trim(),
      // An unchosen scale is refused by the schema with "Choose the scale".
      scale: row.scale as ResponseScaleId,
      rule: ruleOf(row),
      retired: row.retired,
    };
  });
  return { responseDefinitions };
}

/** The schema's paths ("responseDefinitions.2.rule.percent") as the form's ("responseDefinitions.2.amount"). */
export function responseDefinitionsFormPath(path: string): string {
  return path
    .replace(/^(responseDefinitions\.\d+)\.id$/, '$1.label')
    .replace(/^(responseDefinitions\.\d+)\.rule\.(percent|value|points)$/, '$1.amount')
    .replace(/^(responseDefinitions\.\d+)\.rule(\.type)?$/, '$1.ruleType');
}
