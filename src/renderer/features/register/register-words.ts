import type { ContainerView, DiscrepancyCategory, RegisterEntryView } from '../../../domain/register';
import { discrepancyCategoryLabels } from '../../../domain/register';
import type { Balance, RegisterEntryKind } from '../../../domain/register-balance';
import { formatLotExpiry } from '../../../domain/lot-expiry';
import { Decimal, formatQuantity } from '../../../domain/quantity';

/** What each kind of register entry is called on screen. */
export const entryKindLabels: Record<RegisterEntryKind, string> = {
  received: 'Received',
  opened: 'Opened',
  drawn: 'Drawn for a session',
  wasted: 'Wasted',
  returned: 'Returned to supplier',
  destroyed: 'Destroyed',
  counted: 'Counted',
  lost: 'Written off',
  explained: 'Discrepancy explained',
  reviewed: 'Reviewed by a physician',
  correction: 'Correction',
};

export const containerStatusLabels: Record<ContainerView['status'], string> = {
  unopened: 'Unopened',
  open: 'Open',
  empty: 'Empty',
};

/** The kinds a correction may name (the service refuses the others). */
export const correctableKinds: ReadonlySet<RegisterEntryKind> = new Set([
  'received',
  'drawn',
  'wasted',
  'returned',
  'destroyed',
  'lost',
]);

/** "9.28 mL (464 mg)" */
export function balanceText(balance: Balance): string {
  return `${formatQuantity(balance.ml, 'mL')} (${formatQuantity(balance.mg, 'mg')})`;
}

/** "+10 mL", "−0.72 mL", "0 mL": the sign is written, so a removal never reads as a receipt. */
export function signedQuantity(value: string, unit: string): string {
  const decimal = new Decimal(value);
  if (decimal.isZero()) return formatQuantity('0', unit);
  return `${decimal.isNegative() ? '\u2212' : '+'}${formatQuantity(decimal.abs(), unit)}`;
}

/** "50 mg/mL" */
export function concentrationText(concentrationMgPerMl: string): string {
  return formatQuantity(concentrationMgPerMl, 'mg/mL');
}

/** "Ketamine 50 mg/mL, 10 mL vial, lot K-2207 (exp. Jun-2027)" */
export function containerSummary(container: ContainerView): string {
  return `${container.drugName} ${concentrationText(container.concentrationMgPerMl)}, ${formatQuantity(container.volumeMl, 'mL')} container, lot ${container.lotNumber} (expires ${formatLotExpiry(container.lotExpiry)})`;
}

function textOf(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The facts an entry carries beyond its amounts, in words (counts, categories, methods). */
export function entryDetailLines(entry: RegisterEntryView): string[] {
  const details = entry.details;
  const lines: string[] = [];
  const counted = textOf(details.countedMl);
  const expected = textOf(details.expectedMl);
  if (counted !== null && expected !== null) {
    lines.push(`Counted ${formatQuantity(counted, 'mL')}, expected ${formatQuantity(expected, 'mL')}`);
    const missing = textOf(details.discrepancyMl);
    const missingMg = textOf(details.discrepancyMg);
    if (missing !== null && !new Decimal(missing).isZero()) {
      const short = new Decimal(missing).isPositive();
      lines.push(
        `Discrepancy: ${formatQuantity(new Decimal(missing).abs(), 'mL')}${missingMg === null ? '' : ` (${formatQuantity(new Decimal(missingMg).abs(), 'mg')})`} ${short ? 'missing' : 'more than expected'}`,
      );
    }
  }
  const wastedMl = textOf(details.wastedMl);
  const wastedMg = textOf(details.wastedMg);
  if (wastedMl !== null && wastedMg !== null) {
    lines.push(`Wasted ${signedQuantity(wastedMl, 'mL')} (${signedQuantity(wastedMg, 'mg')})`);
  }
  const method = textOf(details.method);
  if (method !== null) lines.push(`Method: ${method}`);
  const category = textOf(details.category);
  if (category !== null && entry.kind === 'explained') {
    lines.push(`Category: ${discrepancyCategoryLabels[category as DiscrepancyCategory] ?? category}`);
  }
  const receiptId = details.receiptId;
  if (typeof receiptId === 'number') lines.push(`Receipt R${receiptId}`);
  return lines.map(keepUnitsWithNumbers);
}

/** A no-break space between a number and its unit, so a narrow column never shows "0.5" above "mL" (ISMP). */
export function keepUnitsWithNumbers(text: string): string {
  return text.replace(/(\d) (?=(?:mg\/mL|mL|mg)\b)/g, '$1\u00a0');
}

/** Whether a count found a different amount from the expected balance. */
export function isDiscrepancy(entry: RegisterEntryView): boolean {
  const missing = textOf(entry.details.discrepancyMl);
  return entry.kind === 'counted' && missing !== null && !new Decimal(missing).isZero();
}
