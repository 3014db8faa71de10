import { describe, expect, it } from 'vitest';
import { demoKetamine, planWith } from '../../src/cli/demo-clinical';
import { deriveDose } from '../../src/domain/dose';
import type { Drug } from '../../src/domain/formulary';
import type { DrugLimits, RangeLimit } from '../../src/domain/limits';
import { checkLimits, emptyRange, noLimits } from '../../src/domain/limits';
import { evaluatePlan } from '../../src/domain/plan';
import { Decimal } from '../../src/domain/quantity';
import { derivedQuantityText } from '../../src/domain/quantity-text';
import { weightKg } from '../../src/domain/weight';

/**
 * Issue 12, point 2: findings printed values with up to 40 digits. Each derived figure now
 * follows the display rule of its unit, says "≈" when that rounding changed it, and the
 * exact value behind it is what is compared and stored.
 */

const today = '2026-11-23';
const range = (bounds: Partial<RangeLimit>): RangeLimit => ({ ...emptyRange, ...bounds });
const limitsWith = (overrides: Partial<DrugLimits>): DrugLimits => ({ ...noLimits, ...overrides });
const drugWith = (limits: DrugLimits): Drug => ({ ...demoKetamine, limits });
const weight75 = {
  value: '75',
  unit: 'kg' as const,
  measuredOn: today,
  source: 'measured' as const,
  from: 'exam' as const,
};

describe('limit findings print each derived figure by its unit’s display rule', () => {
  it('prints 8/15 mg/kg/h (a fixed 40 mg over 60 min for 75 kg) as ≈ 0.533, not with 40 digits', () => {
    const plan = planWith(weight75, { doseBasis: 'fixed', doseMg: '40', doseMgPerKg: null, durationMin: 60 });
    const drug = drugWith(limitsWith({ rateMgPerKgPerH: range({ softMax: '0.5' }) }));
    const evaluation = evaluatePlan(plan, [drug], today);
    // The exact figure is still what was compared: 8/15 to 40 significant digits.
    expect(evaluation.derivation?.exact.rateMgPerKgPerH?.toString()).toMatch(/^0\.5333333333333333333333333333/);
    expect(evaluation.findings.map((finding) => finding.message)).toEqual([
      "Rate per kg ≈ 0.533 mg/kg/h is outside your clinic's configured range: at most 0.5 mg/kg/h. Signing needs a reason.",
    ]);
  });

  it('prints a total worked out from a weight in pounds to 0.01 mg, saying it is rounded', () => {
    const total = new Decimal('0.5').times(weightKg({ value: '160', unit: 'lb' }));
    expect(total.toString()).toBe('36.2873896');
    const [finding] = checkLimits({ totalMg: total }, null, limitsWith({ totalMg: range({ hardMax: '30' }) }));
    expect(finding?.message).toBe(
      "Total dose ≈ 36.29 mg is outside your clinic's hard limit: at most 30 mg. A plan outside a hard limit cannot be signed.",
    );
  });

  it('keeps "=" for a figure the rule leaves unchanged (no "≈" where nothing was rounded)', () => {
    const [finding] = checkLimits(
      { rateMgPerKgPerH: new Decimal('0.75') },
      null,
      limitsWith({ rateMgPerKgPerH: range({ softMax: '0.7' }) }),
    );
    expect(finding?.message).toBe(
      "Rate per kg 0.75 mg/kg/h is outside your clinic's configured range: at most 0.7 mg/kg/h. Signing needs a reason.",
    );
  });

  it('says which side of the bound the exact value lies when the rounded figure reaches the bound', () => {
    const limits = limitsWith({ rateMgPerKgPerH: range({ softMin: '0.1', softMax: '0.5' }) });
    const above = checkLimits({ rateMgPerKgPerH: new Decimal('0.5004') }, null, limits);
    expect(above[0]?.message).toBe(
      "Rate per kg ≈ 0.5 mg/kg/h (above 0.5 mg/kg/h before rounding) is outside your clinic's configured range: 0.1–0.5 mg/kg/h. Signing needs a reason.",
    );
    const below = checkLimits({ rateMgPerKgPerH: new Decimal('0.0996') }, null, limits);
    expect(below[0]?.message).toBe(
      "Rate per kg ≈ 0.1 mg/kg/h (below 0.1 mg/kg/h before rounding) is outside your clinic's configured range: 0.1–0.5 mg/kg/h. Signing needs a reason.",
    );
  });

  it('prints what the physician entered as entered (a dose per kg is not rounded)', () => {
    const [finding] = checkLimits(
      { doseMgPerKg: new Decimal('0.0005') },
      null,
      limitsWith({ doseMgPerKg: range({ hardMin: '0.001' }) }),
    );
    expect(finding?.message).toBe(
      "Dose per kg 0.0005 mg/kg is outside your clinic's hard limit: at least 0.001 mg/kg. A plan outside a hard limit cannot be signed.",
    );
  });

  it('never prints more digits than the entry allows, even for a value that is no entry', () => {
    // A dose per kg the app worked out (not typed) falls back to the unit's rule.
    const [finding] = checkLimits(
      { doseMgPerKg: new Decimal(40).dividedBy(75) },
      null,
      limitsWith({ doseMgPerKg: range({ softMax: '0.5' }) }),
    );
    expect(finding?.message).toContain('Dose per kg ≈ 0.533 mg/kg is outside');
  });
});

describe('derived figures are exact until shown', () => {
  it('works out a rate per kg exactly at a bound (0.7 mg/kg × 70 kg over 1 min = 42 mg/kg/h)', () => {
    const plan = planWith(
      { ...weight75, value: '70' },
      { doseMgPerKg: '0.7', durationMin: 1, concentrationMgPerMl: '10', diluentVolumeMl: '0' },
    );
    const drug = drugWith(limitsWith({ rateMgPerKgPerH: range({ hardMin: '42' }) }));
    const evaluation = evaluatePlan(plan, [drug], today);
    expect(evaluation.derivation?.exact.rateMgPerKgPerH?.toString()).toBe('42');
    expect(evaluation.derivation?.exact.rateMgPerH?.toString()).toBe('2940');
    expect(evaluation.derivation?.exact.rateMlPerH?.toString()).toBe('294');
    expect(evaluation.findings.filter((finding) => finding.check === 'rateMgPerKgPerH')).toEqual([]);
  });

  it('marks an operand shown rounded with "≈", so the formula holds as written', () => {
    const lines = deriveDose({
      basis: 'mg/kg',
      doseMgPerKg: '0.5',
      weightKg: weightKg({ value: '160', unit: 'lb' }),
      doseMg: null,
      durationMin: 40,
      concentrationMgPerMl: '50',
      diluentVolumeMl: '100',
    }).lines;
    const formula = (quantity: string) => lines.find((line) => line.quantity === quantity)?.formula;
    expect(formula('totalMg')).toBe('0.5 mg/kg × 72.5747792 kg ≈ 36.29 mg');
    expect(formula('rateMgPerH')).toBe('≈ 36.29 mg over 40 min ≈ 54.43 mg/h');
    expect(formula('drugVolumeMl')).toBe('≈ 36.29 mg ÷ 50 mg/mL ≈ 0.73 mL');
    // 72.4 kg keeps every figure exact: no "≈" anywhere.
    const exact = deriveDose({
      basis: 'mg/kg',
      doseMgPerKg: '0.5',
      weightKg: new Decimal('72.4'),
      doseMg: null,
      durationMin: 40,
      concentrationMgPerMl: '50',
      diluentVolumeMl: '100',
    }).lines;
    expect(exact.find((line) => line.quantity === 'rateMgPerH')?.formula).toBe('36.2 mg over 40 min = 54.3 mg/h');
  });

  it('writes a derived figure by its unit: ≈ only when the rule changed it', () => {
    expect(derivedQuantityText(new Decimal(8).dividedBy(15), 'mg/kg/h')).toBe('≈ 0.533 mg/kg/h');
    expect(derivedQuantityText(new Decimal('1234.5'), 'mL/h')).toBe('1,234.5 mL/h');
    expect(derivedQuantityText(new Decimal('1234.567'), 'mL/h')).toBe('≈ 1,234.57 mL/h');
    expect(derivedQuantityText(new Decimal('0.004'), 'mg')).toBe('≈ 0 mg');
    expect(derivedQuantityText(new Decimal('36.2'), 'mg')).toBe('36.2 mg');
  });
});
