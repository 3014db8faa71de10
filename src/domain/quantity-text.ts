import type { Decimal } from './quantity';
import { formatQuantity } from './quantity';

/**
 * "100.7 mL" as the domain prints it, with the number and its unit kept on one line: a
 * unit wrapped away from its number can be misread.
 */
export function quantityText(value: Decimal | string | number, unit: string): string {
  return formatQuantity(value, unit).replace(' ', '\u00a0');
}
