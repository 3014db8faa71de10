import { z } from 'zod';
import type { Decimal } from './quantity';
import { decimalSchema, formatNumber, formatQuantity, isDecimalText, maxEntryDecimals, toDecimal } from './quantity';
import type { DisplayUnit } from './quantity-text';
import { derivedFigure } from './quantity-text';

/**
 * The quantities a clinic may bound, per drug, with their units, and whether the planned
 * value is typed by the physician (printed as typed) or worked out by the app (printed by
 * its unit's display rule, as the derived figures and the PDF's limits table show it).
 */
export const limitedQuantities = {
  doseMgPerKg: { label: 'Dose per kg', unit: 'mg/kg', planned: 'entered' },
  totalMg: { label: 'Total dose', unit: 'mg', planned: 'derived' },
  rateMgPerKgPerH: { label: 'Rate per kg', unit: 'mg/kg/h', planned: 'derived' },
  rateMgPerH: { label: 'Rate', unit: 'mg/h', planned: 'derived' },
  rateMlPerH: { label: 'Pump rate', unit: 'mL/h', planned: 'derived' },
  durationMin: { label: 'Duration', unit: 'min', planned: 'entered' },
  concentrationMgPerMl: { label: 'Concentration', unit: 'mg/mL', planned: 'entered' },
} as const satisfies Record<string, { label: string; unit: DisplayUnit; planned: 'entered' | 'derived' }>;
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
    const bounds: unknown[] = [range.hardMin, range.softMin, range.softMax, range.hardMax];
    // zod runs this even when a bound was refused: that bound has its own message, and its
    // text ("abc") must not reach decimal.js. The order is checked once every bound is a number.
    if (!bounds.every((value) => value === null || isDecimalText(value))) return;
    const ordered = bounds.filter((value): value is string => value !== null);
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

/**
 * Bounds added after the first formulary versions were saved. Versions (and the limits
 * copied into plans signed) before them have no such key: read as "no bound", which is what
 * they meant, while the stored bytes stay as they were hashed.
 */
const laterRangeLimit = rangeLimitSchema.default(emptyRange);

export const drugLimitsSchema = z.object({
  doseMgPerKg: rangeLimitSchema,
  totalMg: rangeLimitSchema,
  rateMgPerKgPerH: rangeLimitSchema,
  rateMgPerH: laterRangeLimit,
  rateMlPerH: laterRangeLimit,
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
  rateMgPerH: emptyRange,
  rateMlPerH: emptyRange,
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

export function isConfigured(range: RangeLimit): boolean {
  return Object.values(range).some((value) => value !== null);
}

/** Quantities a clinic could bound only from a later version: see `laterRangeLimit`. */
const addedLater: ReadonlySet<LimitedQuantity> = new Set<LimitedQuantity>(['rateMgPerH', 'rateMlPerH']);

/**
 * The rows of a limits table (plan screen, PDF): every original quantity, configured or not,
 * and a later one only where the clinic configured it, so a plan signed before it existed
 * prints the table it was signed with.
 */
export function limitTableRows(limits: DrugLimits): LimitedQuantity[] {
  return limitedQuantityNames.filter((name) => {
    // Limits read straight from a stored plan (not through the schema) may lack a later key.
    const range: RangeLimit | undefined = limits[name];
    return !addedLater.has(name) || (range !== undefined && isConfigured(range));
  });
}

export function hasAnyLimit(limits: DrugLimits): boolean {
  return (
    limitedQuantityNames.some((name) => {
      const range: RangeLimit | undefined = limits[name];
      return range !== undefined && isConfigured(range);
    }) ||
    limits.weightMaxAgeDays.soft !== null ||
    limits.weightMaxAgeDays.hard !== null
  );
}

function outside(value: Decimal, min: string | null, max: string | null): boolean {
  return (min !== null && value.lessThan(min)) || (max !== null && value.greaterThan(max));
}

/**
 * "Rate per kg ≈ 0.533 mg/kg/h": the planned value as the plan shows it. When rounding
 * brings the figure onto the bound it passes, the text says on which side the exact value lies.
 */
function plannedText(name: LimitedQuantity, value: Decimal, min: string | null, max: string | null): string {
  const { label, unit, planned } = limitedQuantities[name];
  // A value with more decimals than anyone can type was worked out, whatever the quantity.
  if (planned === 'entered' && value.decimalPlaces() <= maxEntryDecimals) {
    return `${label} ${formatQuantity(value, unit)}`;
  }
  const figure = derivedFigure(value, unit);
  let side = '';
  if (max !== null && value.greaterThan(max) && !figure.shown.greaterThan(max)) {
    side = ` (above ${formatQuantity(max, unit)} before rounding)`;
  } else if (min !== null && value.lessThan(min) && !figure.shown.lessThan(min)) {
    side = ` (below ${formatQuantity(min, unit)} before rounding)`;
  }
  return `${label} ${figure.text}${side}`;
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
    const { unit } = limitedQuantities[name];
    const range: RangeLimit | undefined = limits[name];
    if (range === undefined) continue;
    if (outside(value, range.hardMin, range.hardMax)) {
      findings.push({
        check: name,
        level: 'hard',
        message: `${plannedText(name, value, range.hardMin, range.hardMax)} is outside your clinic's hard limit: ${formatRange(range.hardMin, range.hardMax, unit)}. A plan outside a hard limit cannot be signed.`,
      });
    } else if (outside(value, range.softMin, range.softMax)) {
      findings.push({
        check: name,
        level: 'soft',
        message: `${plannedText(name, value, range.softMin, range.softMax)} is outside your clinic's configured range: ${formatRange(range.softMin, range.softMax, unit)}. Signing needs a reason.`,
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
