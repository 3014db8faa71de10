import { Decimal, maxEntryDecimals } from './quantity';

/**
 * The arithmetic of the controlled-substance register, in exact decimals: a container's balance
 * is the sum of its entries' signed deltas, in mL and in mg, and never goes below zero.
 */

/** What each kind of entry does to a container's balance. */
export const registerEntryKinds = [
  'received',
  'opened',
  'drawn',
  'wasted',
  'returned',
  'destroyed',
  'counted',
  'lost',
  'explained',
  'reviewed',
  'correction',
] as const;
export type RegisterEntryKind = (typeof registerEntryKinds)[number];

export interface Balance {
  ml: string;
  mg: string;
}

export const zeroBalance: Balance = { ml: '0', mg: '0' };

/** mg in `volumeMl` of a solution of `concentrationMgPerMl`: exact, a product of two decimals. */
export function mgOf(volumeMl: string, concentrationMgPerMl: string): string {
  return new Decimal(volumeMl).times(concentrationMgPerMl).toFixed();
}

/**
 * mL holding `doseMg`, or null when the quotient does not end within the decimals an entry may
 * have (e.g. 10 mg of 3 mg/mL): the register never stores a rounded figure as if it were exact.
 */
export function mlOf(doseMg: string, concentrationMgPerMl: string): string | null {
  const quotient = new Decimal(doseMg).dividedBy(concentrationMgPerMl);
  const exact = quotient.toDecimalPlaces(maxEntryDecimals + 2);
  return exact.times(concentrationMgPerMl).equals(doseMg) ? exact.toFixed() : null;
}

/** The balance after a signed delta. */
export function applyDelta(balance: Balance, delta: Balance): Balance {
  return {
    ml: new Decimal(balance.ml).plus(delta.ml).toFixed(),
    mg: new Decimal(balance.mg).plus(delta.mg).toFixed(),
  };
}

export function negate(delta: Balance): Balance {
  return { ml: new Decimal(delta.ml).negated().toFixed(), mg: new Decimal(delta.mg).negated().toFixed() };
}

export function isNegative(balance: Balance): boolean {
  return new Decimal(balance.ml).lessThan(0) || new Decimal(balance.mg).lessThan(0);
}

/** The sum of deltas, as a fold of applyDelta from zero. */
export function sumOf(deltas: readonly Balance[]): Balance {
  return deltas.reduce(applyDelta, zeroBalance);
}

/** `a − b`, e.g. expected minus counted. */
export function difference(a: Balance, b: Balance): Balance {
  return applyDelta(a, negate(b));
}

export function isZero(balance: Balance): boolean {
  return new Decimal(balance.ml).isZero() && new Decimal(balance.mg).isZero();
}
