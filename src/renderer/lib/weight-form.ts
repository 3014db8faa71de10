import { z } from 'zod';
import type { FieldIssue } from '../../contract/errors';
import type { Weight } from '../../domain/weight';
import { weightSchema } from '../../domain/weight';
import { formatDate } from '../../domain/time';
import { parseDate } from './parse-fields';

/** A weight as typed: value, unit, date measured and source, all as text until parsed. */
export const weightFormValuesSchema = z.object({
  value: z.string(),
  unit: z.enum(['kg', 'lb']),
  measuredOn: z.string(),
  source: z.enum(['', 'measured', 'stated']),
});
export type WeightFormValues = z.infer<typeof weightFormValuesSchema>;

export const emptyWeightForm: WeightFormValues = { value: '', unit: 'kg', measuredOn: '', source: '' };

export function weightFormValues(weight: Weight | null): WeightFormValues {
  if (weight === null) return emptyWeightForm;
  return { value: weight.value, unit: weight.unit, measuredOn: formatDate(weight.measuredOn), source: weight.source };
}

/**
 * The weight to store, or null while it is blank or incomplete: a weight without its date
 * and source would mislead every dose worked out from it. What is missing comes back as
 * issues on the sub-fields, under `path`.
 */
export function weightFrom(values: WeightFormValues, path: string, issues: FieldIssue[]): Weight | null {
  const blank = values.value.trim() === '' && values.measuredOn.trim() === '' && values.source === '';
  if (blank) return null;
  const found: FieldIssue[] = [];
  const value = weightSchema.shape.value.safeParse(values.value);
  if (values.value.trim() === '') found.push({ path: `${path}.value`, message: 'Enter the weight' });
  else if (!value.success)
    found.push({ path: `${path}.value`, message: value.error.issues[0]?.message ?? 'Enter the weight' });
  const measuredOn = parseDate(values.measuredOn, `${path}.measuredOn`, found, 'Enter the date the weight was taken');
  if (values.source === '')
    found.push({ path: `${path}.source`, message: 'Say whether the weight was measured or stated' });
  issues.push(...found);
  if (found.length > 0 || !value.success || measuredOn === null || values.source === '') return null;
  return { value: value.data, unit: values.unit, measuredOn, source: values.source };
}
