import type { Decimal } from './quantity';
import { formatQuantity } from './quantity';
import type { DisplayUnit } from './quantity-text';
import { derivedFigure } from './quantity-text';

export interface DerivationLine {
  quantity: string;
  label: string;
  /**
   * "0.5 mg/kg × 72.5 kg = 36.25 mg": "=" only when the line holds exactly as printed;
   * "≈" when the result or an operand shown is rounded.
   */
  formula: string;
  /** The figure as printed, "36.25 mg". */
  shown: string;
  /** "exact", "rounded to 0.01 mg", or "exact; worked out from unrounded figures". */
  rounding: string;
}

/** A figure the physician typed, printed as typed. */
export interface EnteredPart {
  entered: Decimal | string;
  unit: string;
}
/** A figure the app worked out, printed by its unit's display rule ("≈" when rounded). */
export interface DerivedPart {
  derived: Decimal;
  unit: DisplayUnit;
}
export type FormulaPart = string | EnteredPart | DerivedPart;

export const entered = (value: Decimal | string, unit: string): EnteredPart => ({ entered: value, unit });
export const derived = (value: Decimal, unit: DisplayUnit): DerivedPart => ({ derived: value, unit });

/** The formula's operands as printed, and whether any of them was rounded for printing. */
export function formulaText(parts: readonly FormulaPart[]): { text: string; operandsRounded: boolean } {
  let operandsRounded = false;
  const text = parts
    .map((part) => {
      if (typeof part === 'string') return part;
      if ('entered' in part) return formatQuantity(part.entered, part.unit);
      const figure = derivedFigure(part.derived, part.unit);
      operandsRounded ||= figure.rounded;
      return figure.text;
    })
    .join('');
  return { text, operandsRounded };
}

/** True when a line's formula holds exactly as printed: the "exact" label is earned. */
export function lineHolds(line: Pick<DerivationLine, 'rounding'>): boolean {
  return line.rounding === 'exact';
}

/** True when the printed figure itself was rounded (the limits table marks it "≈"). */
export function lineRounded(line: Pick<DerivationLine, 'rounding'>): boolean {
  return line.rounding.startsWith('rounded');
}

/**
 * One line of the arithmetic. The result is rounded by its unit's rule; the relation is "="
 * only when neither the result nor any operand printed was rounded, so a reader who redoes
 * the sum from the printed figures gets the printed result.
 */
export function derivationLine(
  quantity: string,
  label: string,
  value: Decimal,
  unit: DisplayUnit,
  parts: readonly FormulaPart[],
): DerivationLine {
  const figure = derivedFigure(value, unit);
  const formula = formulaText(parts);
  const holds = !figure.rounded && !formula.operandsRounded;
  const shown = formatQuantity(figure.shown, unit);
  return {
    quantity,
    label,
    formula: `${formula.text} ${holds ? '=' : '≈'} ${shown}`,
    shown,
    rounding: figure.rounded ? figure.rule : holds ? 'exact' : 'exact; worked out from unrounded figures',
  };
}
