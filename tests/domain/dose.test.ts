import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DoseEntry } from '../../src/domain/dose';
import { deriveDose } from '../../src/domain/dose';
import { Decimal, formatNumber, roundToStep } from '../../src/domain/quantity';
import { weightKg } from '../../src/domain/weight';

const entry = (overrides: Partial<DoseEntry>): DoseEntry => ({
  basis: 'mg/kg',
  doseMgPerKg: '0.5',
  weightKg: new Decimal('72.4'),
  doseMg: null,
  durationMin: 40,
  concentrationMgPerMl: '50',
  diluentVolumeMl: '100',
  ...overrides,
});

describe('deriveDose: the arithmetic on what the physician entered', () => {
  it.each([
    // doseMgPerKg, weightKg, durationMin, concentration, diluent → totalMg, mg/h, mg/kg/h, mL/h (all rounded as shown)
    ['0.5', '72.4', 40, '50', '100', '36.2', '54.3', '0.75', '151.09'],
    ['0.1', '0.2', 60, '10', '0', '0.02', '0.02', '0.1', '0'],
    ['0.3', '0.1', 60, '10', '0', '0.03', '0.03', '0.3', '0'],
    ['1', '100', 60, '50', '250', '100', '100', '1', '252'],
    ['0.75', '58.1', 45, '50', '100', '43.58', '58.1', '1', '134.5'],
    ['2', '150', 120, '10', '500', '300', '150', '1', '265'],
  ])(
    '%s mg/kg × %s kg over %i min at %s mg/mL in %s mL',
    (mgPerKg, kg, minutes, concentration, diluent, total, mgPerH, mgPerKgPerH, mlPerH) => {
      const result = deriveDose(
        entry({
          doseMgPerKg: mgPerKg,
          weightKg: new Decimal(kg),
          durationMin: minutes,
          concentrationMgPerMl: concentration,
          diluentVolumeMl: diluent,
        }),
      );
      expect(result.missing).toEqual([]);
      expect(result.rounded.totalMg).toBe(total);
      expect(result.rounded.rateMgPerH).toBe(mgPerH);
      expect(result.rounded.rateMgPerKgPerH).toBe(mgPerKgPerH);
      expect(result.rounded.rateMlPerH).toBe(mlPerH);
    },
  );

  it('adds 0.1 and 0.2 exactly (no binary floating point)', () => {
    const result = deriveDose(entry({ doseMgPerKg: '0.1', weightKg: new Decimal('3') }));
    expect(result.exact.totalMg?.toString()).toBe('0.3');
    expect(new Decimal('0.1').plus('0.2').toString()).toBe('0.3');
  });

  it('shows each formula with its units and rounding rule', () => {
    const lines = deriveDose(entry({})).lines;
    expect(lines.find((line) => line.quantity === 'totalMg')?.formula).toBe('0.5 mg/kg × 72.4 kg = 36.2 mg');
    const pump = lines.find((line) => line.quantity === 'rateMlPerH');
    expect(pump?.shown).toBe('151.09 mL/h');
    expect(pump?.rounding).toBe('rounded to 0.01 mL/h');
    // 100.724 mL is shown rounded, so the formula says so, and so does its relation.
    expect(pump?.formula).toBe('≈ 100.72 mL over 40 min ≈ 151.09 mL/h');
  });

  it('uses the exact kilograms of a weight entered in pounds', () => {
    const kg = weightKg({ value: '160', unit: 'lb' });
    expect(kg.toString()).toBe('72.5747792');
    const result = deriveDose(entry({ weightKg: kg }));
    expect(result.exact.totalMg?.toString()).toBe('36.2873896');
    expect(result.rounded.totalMg).toBe('36.29');
    expect(result.lines[0]?.formula).toBe('0.5 mg/kg × 72.5747792 kg ≈ 36.29 mg');
  });

  it('works from a fixed dose without a weight, omitting the per-kg rate', () => {
    const result = deriveDose(entry({ basis: 'fixed', doseMg: '50', doseMgPerKg: null, weightKg: null }));
    expect(result.rounded.totalMg).toBe('50');
    expect(result.rounded.rateMgPerKgPerH).toBeUndefined();
    expect(result.rounded.rateMgPerH).toBe('75');
  });

  it('says in words what is missing instead of guessing', () => {
    expect(deriveDose(entry({ doseMgPerKg: null })).missing).toEqual(['the dose in mg/kg']);
    expect(deriveDose(entry({ weightKg: null })).missing).toEqual(['the weight used']);
    expect(deriveDose(entry({ durationMin: 0 })).lines).toHaveLength(1);
  });

  const decimalText = (maxScale: number, min: number, max: number) =>
    fc
      .tuple(fc.integer({ min, max }), fc.integer({ min: 0, max: 10 ** maxScale - 1 }))
      .map(([whole, fraction]) => new Decimal(`${whole}.${String(fraction).padStart(maxScale, '0')}`).toString())
      .filter((text) => !new Decimal(text).isZero());

  it('keeps the derived figures consistent for every valid entry (rate × duration = total)', () => {
    fc.assert(
      fc.property(
        decimalText(3, 0, 5),
        decimalText(2, 1, 250),
        fc.integer({ min: 1, max: 1440 }),
        decimalText(1, 1, 100),
        decimalText(0, 0, 1000),
        (mgPerKg, kg, minutes, concentration, diluent) => {
          const result = deriveDose(
            entry({
              doseMgPerKg: mgPerKg,
              weightKg: new Decimal(kg),
              durationMin: minutes,
              concentrationMgPerMl: concentration,
              diluentVolumeMl: diluent,
            }),
          );
          const { totalMg, rateMgPerH, rateMgPerKgPerH, rateMlPerH, finalConcentrationMgPerMl } = result.exact;
          if (!totalMg || !rateMgPerH || !rateMgPerKgPerH || !rateMlPerH || !finalConcentrationMgPerMl) return false;
          const hours = new Decimal(minutes).dividedBy(60);
          // Divisions repeat (7 min = 0.1166… h): agree to 15 significant digits, far past any rounding shown.
          const tolerance = totalMg.times('1e-15');
          expect(totalMg.equals(new Decimal(mgPerKg).times(kg))).toBe(true);
          expect(rateMgPerH.times(hours).minus(totalMg).abs().lessThan(tolerance)).toBe(true);
          expect(rateMgPerKgPerH.times(kg).minus(rateMgPerH).abs().lessThan(tolerance)).toBe(true);
          expect(
            rateMlPerH.times(hours).times(finalConcentrationMgPerMl).minus(totalMg).abs().lessThan(tolerance),
          ).toBe(true);
          // What is shown is the exact value rounded by the printed rule, never re-derived.
          expect(result.rounded.totalMg).toBe(roundToStep(totalMg, '0.01').toString());
          return true;
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('formatNumber (ISMP)', () => {
  it.each([
    ['0.5', '0.5'],
    ['5.0', '5'],
    ['5.10', '5.1'],
    ['1000', '1,000'],
    ['1234567.891', '1,234,567.891'],
    ['999.99', '999.99'],
    ['0', '0'],
  ])('%s → %s', (input, shown) => {
    expect(formatNumber(input)).toBe(shown);
  });

  it('never prints a leading dot or a trailing zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 6 }), (units, scale) => {
        const text = formatNumber(new Decimal(units).dividedBy(10 ** scale));
        expect(text).not.toMatch(/^\./);
        expect(text).not.toMatch(/\.\d*0$/);
        expect(text).not.toMatch(/\.$/);
      }),
    );
  });
});
