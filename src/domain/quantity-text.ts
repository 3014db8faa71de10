import type { Decimal } from './quantity';
import { formatQuantity, roundToStep, toDecimal } from './quantity';

/**
 * "100.7 mL" as the domain prints it, with the number and its unit kept on one line: a
 * unit wrapped away from its number can be misread.
 */
export function quantityText(value: Decimal | string | number, unit: string): string {
  return formatQuantity(value, unit).replace(' ', '\u00a0');
}

/**
 * The one display rule for a figure the app worked out, by its unit: rounded half away from
 * zero to this step. Entries are never rounded for display; exact values are what is
 * compared and stored, and the rule applies only where a figure is shown or printed.
 */
export const displaySteps = {
  mg: '0.01',
  'mg/h': '0.01',
  'mg/kg': '0.001',
  'mg/kg/h': '0.001',
  'mg/mL': '0.001',
  mL: '0.01',
  'mL/h': '0.01',
  min: '1',
} as const;
export type DisplayUnit = keyof typeof displaySteps;

/**
 * "rounded to 0.01 mg/mL": the rule a printed figure visibly follows. Figures never carry a
 * trailing zero (ISMP), so 0.34982 rounded to 0.001 prints as 0.35: the rule stated is the
 * step of the last digit printed, which gives the same figure (a finer rounding that ends in
 * zero always agrees with the coarser one), so a reader who checks the rule gets the figure.
 */
export function roundingRuleText(shown: Decimal, unit: string): string {
  const places = shown.decimalPlaces();
  const step = places === 0 ? '1' : `0.${'0'.repeat(places - 1)}1`;
  return `rounded to ${step} ${unit}`;
}

export interface DerivedFigure {
  /** The figure as shown: the exact value rounded by the rule of its unit. */
  shown: Decimal;
  /** Whether the rule changed the value, so the text says "≈". */
  rounded: boolean;
  /** "≈ 0.533 mg/kg/h", or "0.75 mg/kg/h" when nothing was rounded away. */
  text: string;
  /** "rounded to 0.001 mg/kg/h", or "exact". */
  rule: string;
}

export function derivedFigure(value: Decimal | string | number, unit: DisplayUnit): DerivedFigure {
  const exact = toDecimal(value);
  const shown = roundToStep(exact, displaySteps[unit]);
  const rounded = !shown.equals(exact);
  return {
    shown,
    rounded,
    text: `${rounded ? '≈ ' : ''}${formatQuantity(shown, unit)}`,
    rule: rounded ? roundingRuleText(shown, unit) : 'exact',
  };
}

/** A worked-out figure as text by the display rule of its unit, "≈" when rounded. */
export function derivedQuantityText(value: Decimal | string | number, unit: DisplayUnit): string {
  return derivedFigure(value, unit).text;
}
