import { z } from 'zod';
import type { Decimal } from './quantity';
import { decimalSchema, formatNumber, toDecimal } from './quantity';

/** The quantities a clinic may bound, per drug, with their units. */
export const limitedQuantities = {
  doseMgPerKg: { label: 'Dose per kg', unit: 'mg/kg' },
  totalMg: { label: 'Total dose', unit: 'mg' },
  rateMgPerKgPerH: { label: 'Rate per kg', unit: 'mg/kg/h' },
  durationMin: { label: 'Duration', unit: 'min' },
  concentrationMgPerMl: { label: 'Concentration', unit: 'mg/mL' },
} as const;
export type LimitedQuantity = keyof typeof limitedQuantities;
export const limitedQuantityNames = Object.keys(limitedQuantities) as LimitedQuantity[];

const bound = decimalSchema('limit').nullable();

/**
 * Soft bounds need a typed reason to go past; hard bounds cannot be signed past.
 * Every bound is optional: a clinic configures what it wants checked.
 */
export const rangeLimitSchema = z
  .object({ hardMin: bound, softMin: bound, softMax: bound, hardMax: bound })
  .superRefine((range, context) => {
    const ordered = [range.hardMin, range.softMin, range.softMax, range.hardMax].filter(
      (value): value is string => value !== null,
    );
    for (let index = 1; index < ordered.length; index += 1) {
      if (toDecimal(ordered[index - 1] ?? '0').greaterThan(toDecimal(ordered[index] ?? '0'))) {
        context.addIssue({
          code: 'custom',
          message: 'Bounds must increase: hard minimum ≤ soft minimum ≤ soft maximum ≤ hard maximum',
        });
        return;
      }
    }
  });
export type RangeLimit = z.infer<typeof rangeLimitSchema>;

export const emptyRange: RangeLimit = { hardMin: null, softMin: null, softMax: null, hardMax: null };

export const drugLimitsSchema = z.object({
  doseMgPerKg: rangeLimitSchema,
  totalMg: rangeLimitSchema,
  rateMgPerKgPerH: rangeLimitSchema,
  durationMin: rangeLimitSchema,
  concentrationMgPerMl: rangeLimitSchema,
  /** Oldest acceptable weight, in days before the plan: soft needs a reason, hard blocks. */
  weightMaxAgeDays: z.object({
    soft: z.number().int().min(0).max(3650).nullable(),
    hard: z.number().int().min(0).max(3650).nullable(),
  }),
});
export type DrugLimits = z.infer<typeof drugLimitsSchema>;

export const noLimits: DrugLimits = {
  doseMgPerKg: emptyRange,
  totalMg: emptyRange,
  rateMgPerKgPerH: emptyRange,
  durationMin: emptyRange,
  concentrationMgPerMl: emptyRange,
  weightMaxAgeDays: { soft: null, hard: null },
};

export type LimitCheck = LimitedQuantity | 'weightAge';

export interface LimitFinding {
  check: LimitCheck;
  level: 'soft' | 'hard';
  /** "Dose per kg 5 mg/kg is outside your clinic's configured range: 0.1–1 mg/kg" */
  message: string;
}

/** "0.1–1 mg/kg", "at most 1 mg/kg", "at least 0.1 mg/kg". */
export function formatRange(min: string | null, max: string | null, unit: string): string {
  if (min !== null && max !== null) return `${formatNumber(min)}–${formatNumber(max)} ${unit}`;
  if (max !== null) return `at most ${formatNumber(max)} ${unit}`;
  if (min !== null) return `at least ${formatNumber(min)} ${unit}`;
  return 'no range';
}

export function hasAnyLimit(limits: DrugLimits): boolean {
  return (
    limitedQuantityNames.some((name) => Object.values(limits[name]).some((value) => value !== null)) ||
    limits.weightMaxAgeDays.soft !== null ||
    limits.weightMaxAgeDays.hard !== null
  );
}

function outside(value: Decimal, min: string | null, max: string | null): boolean {
  return (min !== null && value.lessThan(min)) || (max !== null && value.greaterThan(max));
}

/**
 * Compares the exact planned values with the clinic's own limits. A hard finding replaces
 * the soft one for the same quantity. Wording is always "outside your clinic's configured
 * range": the clinic set these numbers, the app only compares.
 */
export function checkLimits(
  values: Partial<Record<LimitedQuantity, Decimal>>,
  weightAgeDays: number | null,
  limits: DrugLimits,
): LimitFinding[] {
  const findings: LimitFinding[] = [];
  for (const name of limitedQuantityNames) {
    const value = values[name];
    if (value === undefined) continue;
    const { label, unit } = limitedQuantities[name];
    const range = limits[name];
    const shown = `${label} ${formatNumber(value)} ${unit}`;
    if (outside(value, range.hardMin, range.hardMax)) {
      findings.push({
        check: name,
        level: 'hard',
        message: `${shown} is outside your clinic's hard limit: ${formatRange(range.hardMin, range.hardMax, unit)}. A plan outside a hard limit cannot be signed.`,
      });
    } else if (outside(value, range.softMin, range.softMax)) {
      findings.push({
        check: name,
        level: 'soft',
        message: `${shown} is outside your clinic's configured range: ${formatRange(range.softMin, range.softMax, unit)}. Signing needs a reason.`,
      });
    }
  }
  const { soft, hard } = limits.weightMaxAgeDays;
  if (weightAgeDays !== null) {
    const days = `${weightAgeDays} ${weightAgeDays === 1 ? 'day' : 'days'}`;
    if (hard !== null && weightAgeDays > hard) {
      findings.push({
        check: 'weightAge',
        level: 'hard',
        message: `The weight used is ${days} old, past your clinic's hard limit of ${hard} days. Record a current weight.`,
      });
    } else if (soft !== null && weightAgeDays > soft) {
      findings.push({
        check: 'weightAge',
        level: 'soft',
        message: `The weight used is ${days} old, outside your clinic's configured range of at most ${soft} days. Signing needs a reason.`,
      });
    }
  }
  return findings;
}
