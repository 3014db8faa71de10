import { z } from 'zod';
import type { Decimal } from './quantity';
import { decimalSchema, formatQuantity, toDecimal } from './quantity';
import { isoDateSchema } from './patient';

/** The international avoirdupois pound is defined as exactly 0.45359237 kg. */
export const kgPerLb = '0.45359237';

export const weightUnits = ['kg', 'lb'] as const;
export const weightSources = ['measured', 'stated'] as const;

export const weightSchema = z.object({
  value: decimalSchema('weight'),
  unit: z.enum(weightUnits),
  measuredOn: isoDateSchema,
  source: z.enum(weightSources),
});
export type Weight = z.infer<typeof weightSchema>;

/** Exact kilograms for a weight as entered (lb × 0.45359237, unrounded). */
export function weightKg(weight: Pick<Weight, 'value' | 'unit'>): Decimal {
  const value = toDecimal(weight.value);
  return weight.unit === 'kg' ? value : value.times(kgPerLb);
}

/**
 * "72.4 kg" or "160 lb = 72.5747792 kg": a weight in pounds always shows its exact
 * kilograms, the figure every dose calculation uses.
 */
export function formatWeight(weight: Pick<Weight, 'value' | 'unit'>): string {
  if (weight.unit === 'kg') return formatQuantity(weight.value, 'kg');
  return `${formatQuantity(weight.value, 'lb')} = ${formatQuantity(weightKg(weight), 'kg')}`;
}
