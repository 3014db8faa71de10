import { Decimal } from 'decimal.js';
import { z } from 'zod';

/**
 * Quantities are exact decimals, stored and sent as strings ("36.2"), never as binary
 * floating point: 0.1 + 0.2 is 0.3 here.
 */
export { Decimal };

/** How many decimals an entry may have: a value with more was worked out, not typed. */
export const maxEntryDecimals = 6;

/** Positive decimal as typed: digits, optional fraction, a leading zero required (ISMP). */
const decimalPattern = new RegExp(`^(0|[1-9]\\d{0,8})(\\.\\d{1,${maxEntryDecimals}})?$`);

/**
 * Whether `value` is a decimal as decimalSchema accepts it, so decimal.js can read it: a
 * check on other fields (bounds in order) must not read a field its own schema refused.
 */
export function isDecimalText(value: unknown): value is string {
  return typeof value === 'string' && decimalPattern.test(value);
}

export function decimalSchema(what: string) {
  return (
    z
      .string()
      .trim()
      .superRefine((value, context) => {
        if (/^\.\d/.test(value)) {
          context.addIssue({ code: 'custom', message: `Write the ${what} with a leading zero, e.g. 0${value}` });
        } else if (!decimalPattern.test(value)) {
          context.addIssue({ code: 'custom', message: `Enter the ${what} as a number, e.g. 0.5 or 72.4` });
        }
      })
      // zod skips the transform after an issue; the guard keeps it from ever throwing regardless.
      .transform((value) => (isDecimalText(value) ? new Decimal(value).toString() : value))
  );
}

/** Whole number within a range, for counts, minutes, mmHg and the like. */
export function wholeNumberSchema(what: string, min: number, max: number) {
  return z
    .number({ error: `Enter the ${what} as a whole number` })
    .int(`Enter the ${what} as a whole number`)
    .min(min, `The ${what} must be at least ${min}`)
    .max(max, `The ${what} must be at most ${max}`);
}

export function toDecimal(value: string | number | Decimal): Decimal {
  return new Decimal(value);
}

/**
 * Rounds to a step of the form 10^-n (0.1, 0.01, 1) half away from zero, the rule printed
 * next to every rounded figure.
 */
export function roundToStep(value: Decimal, step: string): Decimal {
  return value.toDecimalPlaces(new Decimal(step).decimalPlaces(), Decimal.ROUND_HALF_UP);
}

/**
 * ISMP-safe number text: leading zero ("0.5"), no trailing zero ("5", never "5.0"),
 * thousands separators from 1,000 ("1,250.5").
 */
export function formatNumber(value: Decimal | string | number): string {
  const decimal = new Decimal(value);
  const [whole = '0', fraction] = decimal.abs().toFixed().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const trimmed = fraction?.replace(/0+$/, '');
  return `${decimal.isNegative() && !decimal.isZero() ? '-' : ''}${grouped}${trimmed ? `.${trimmed}` : ''}`;
}

/** "36.2 mg": number, a space, the unit (UCUM display form: mL with a capital L, mcg). */
export function formatQuantity(value: Decimal | string | number, unit: string): string {
  return `${formatNumber(value)} ${unit}`;
}
