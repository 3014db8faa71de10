import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DoseEntry } from '../../src/domain/dose';
import { deriveDose } from '../../src/domain/dose';
import type { Pump } from '../../src/domain/pump';
import { Decimal, roundToStep } from '../../src/domain/quantity';
import { derivedFigure, displaySteps } from '../../src/domain/quantity-text';

/** The plan of issue 20: 0.5 mg/kg for 72.5 kg over 40 min, ketamine 10 mg/mL. */
const issuePlan = (overrides: Partial<DoseEntry> = {}): DoseEntry => ({
  basis: 'mg/kg',
  doseMgPerKg: '0.5',
  weightKg: new Decimal('72.5'),
  doseMg: null,
  durationMin: 40,
  concentrationMgPerMl: '10',
  administration: 'bag',
  diluentVolumeMl: '100',
  ...overrides,
});

const line = (entry: DoseEntry, quantity: string) => {
  const found = deriveDose(entry).lines.find((candidate) => candidate.quantity === quantity);
  if (found === undefined) throw new Error(`no ${quantity} line`);
  return found;
};

const volumetric: Pump = { id: 'volumetric', name: 'Volumetric pump', kind: 'infusion-pump', rateStepMlPerH: '0.1' };
const syringeDriver: Pump = { id: 'driver', name: 'Syringe driver', kind: 'syringe-driver', rateStepMlPerH: '0.01' };

/** Reads "1.5 mg", "≈ 36.29 mg", "1,250 mL" back into a number. */
const numberIn = (text: string) => new Decimal((/-?[\d,]+(\.\d+)?/.exec(text)?.[0] ?? 'NaN').replace(/,/g, ''));

describe('point 1: a line marked exact holds as printed', () => {
  it('works the rate per kg from the entries, not from a rounded mg/h', () => {
    const rate = line(issuePlan(), 'rateMgPerKgPerH');
    // 54.375 mg/h is printed 54.38: the line no longer divides that by 72.5 kg.
    expect(rate.formula).toBe('0.5 mg/kg over 40 min = 0.75 mg/kg/h');
    expect(rate.rounding).toBe('exact');
  });

  it('does not call a line exact when an operand printed is rounded', () => {
    const undiluted = issuePlan({ administration: 'undiluted', diluentVolumeMl: null });
    const rate = line(undiluted, 'rateMlPerH');
    // 3.625 mL is printed 3.63: the result 5.4375 is rounded too, and the relation says ≈.
    expect(rate.formula).toBe('≈ 3.63 mL over 40 min ≈ 5.44 mL/h');
    expect(rate.rounding).not.toBe('exact');
    const fixed = issuePlan({ basis: 'fixed', doseMg: '36.255', doseMgPerKg: null });
    const volume = line(fixed, 'drugVolumeMl');
    expect(volume.formula).toBe('36.255 mg ÷ 10 mg/mL ≈ 3.63 mL');
  });

  it('prints "=" only on lines whose printed operands give the printed result', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 300, max: 2000 }),
        fc.integer({ min: 1, max: 240 }),
        fc.constantFrom('10', '50', '100'),
        fc.constantFrom<'bag' | 'syringe' | 'undiluted'>('bag', 'syringe', 'undiluted'),
        (mgPerKgThousandths, kgTenths, minutes, concentration, administration) => {
          const entry = issuePlan({
            doseMgPerKg: new Decimal(mgPerKgThousandths).dividedBy(1000).toString(),
            weightKg: new Decimal(kgTenths).dividedBy(10),
            durationMin: minutes,
            concentrationMgPerMl: concentration,
            administration,
            diluentVolumeMl: administration === 'bag' ? '100' : null,
            syringeVolumeMl: administration === 'syringe' ? '50' : null,
            pump: administration === 'bag' ? volumetric : syringeDriver,
          });
          for (const printed of deriveDose(entry).lines) {
            const exact = printed.rounding === 'exact';
            expect(printed.formula.includes(' = '), printed.formula).toBe(exact);
            if (exact) expect(printed.formula, printed.formula).not.toContain('≈');
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('point 2: the pump rate in the pump steps, and what it delivers', () => {
  it('shows that 5.4 mL/h for 40 min delivers 36 mg of the 36.25 mg signed', () => {
    const derivation = deriveDose(issuePlan({ administration: 'undiluted', diluentVolumeMl: null, pump: volumetric }));
    expect(derivation.rounded.pumpRateMlPerH).toBe('5.4');
    expect(derivation.rounded.deliveredMg).toBe('36');
    expect(derivation.delivery?.differs).toBe(true);
    expect(derivation.delivery?.text).toBe(
      'At 5.4 mL/h over 40 min the pump delivers 36 mg of the 36.25 mg signed: −0.25 mg (≈ −0.69%).',
    );
    const pumpLine = derivation.lines.find((candidate) => candidate.quantity === 'pumpRateMlPerH');
    expect(pumpLine?.rounding).toBe('rounded to 0.1 mL/h');
    expect(pumpLine?.formula).toBe('≈ 5.44 mL/h set in steps of 0.1 mL/h (Volumetric pump) ≈ 5.4 mL/h');
  });

  it('delivers the signed dose when the rate falls on a pump step', () => {
    // 0.5 mg/kg × 72.5 kg in 100 mL: 103.625 mL over 40 min is 155.4375 mL/h; over 50 min on a 0.01 pump it is 124.35 mL/h.
    const derivation = deriveDose(issuePlan({ durationMin: 50, pump: { ...volumetric, rateStepMlPerH: '0.01' } }));
    expect(derivation.rounded.pumpRateMlPerH).toBe('124.35');
    expect(derivation.delivery?.differs).toBe(false);
    expect(derivation.delivery?.text).toBe('At 124.35 mL/h over 50 min the pump delivers the 36.25 mg signed.');
  });

  it('computes the delivered dose exactly from the programmed rate, for any plan', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 1, max: 240 }),
        fc.constantFrom<'1' | '0.1' | '0.01'>('1', '0.1', '0.01'),
        (mgTenths, minutes, step) => {
          const doseMg = new Decimal(mgTenths).dividedBy(10).toString();
          const pump = { ...volumetric, rateStepMlPerH: step };
          const derivation = deriveDose(
            issuePlan({ basis: 'fixed', doseMg, doseMgPerKg: null, durationMin: minutes, pump }),
          );
          const { pumpRateMlPerH, rateMlPerH, deliveredMg, finalConcentrationMgPerMl } = derivation.exact;
          if (!pumpRateMlPerH || !rateMlPerH || !deliveredMg || !finalConcentrationMgPerMl) return false;
          expect(pumpRateMlPerH.equals(roundToStep(rateMlPerH, step))).toBe(true);
          const expected = pumpRateMlPerH.times(minutes).dividedBy(60).times(finalConcentrationMgPerMl);
          expect(deliveredMg.minus(expected).abs().lessThan('1e-30')).toBe(true);
          expect(derivation.delivery?.differs).toBe(!deliveredMg.equals(doseMg));
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('point 3: every printed rounding rule matches its figure', () => {
  it('states 0.01 for 0.34982… mg/mL printed 0.35 (never a rule the figure visibly breaks)', () => {
    const figure = derivedFigure(new Decimal('36.25').dividedBy('103.625'), 'mg/mL');
    expect(figure.text).toBe('≈ 0.35 mg/mL');
    expect(figure.rule).toBe('rounded to 0.01 mg/mL');
  });

  it('holds for every figure and unit: the rule rounds the exact value to the figure, to its last printed digit', () => {
    const units = Object.keys(displaySteps) as (keyof typeof displaySteps)[];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 9 }),
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom(...units),
        (units_, scale, unit) => {
          const exact = new Decimal(units_).dividedBy(new Decimal(10).pow(scale)).dividedBy(7);
          const figure = derivedFigure(exact, unit);
          if (!figure.rounded) return;
          const step = /^rounded to ([\d.]+) /.exec(figure.rule)?.[1];
          expect(step).toBeDefined();
          const printed = numberIn(figure.text);
          expect(roundToStep(exact, step ?? '').equals(printed)).toBe(true);
          // The rule's step is the last printed digit's place: nothing finer, nothing coarser.
          expect(new Decimal(step ?? '').decimalPlaces()).toBe(
            /\.(\d+)/.exec(figure.text.replace(/,/g, ''))?.[1]?.length ?? 0,
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('prints the same kind of rule on every derived line', () => {
    for (const printed of deriveDose(issuePlan({ pump: volumetric })).lines) {
      expect(printed.rounding).toMatch(/^(exact|rounded to [\d.]+ \S+)/);
      if (printed.rounding.startsWith('rounded to')) {
        const step = /^rounded to ([\d.]+) /.exec(printed.rounding)?.[1] ?? '';
        expect(new Decimal(step).decimalPlaces()).toBe(/\.(\d+)/.exec(printed.shown)?.[1]?.length ?? 0);
      }
    }
  });
});

describe('point 4: a bag, a syringe made up with diluent, or undiluted', () => {
  it('undiluted: the volume to infuse is the drug volume, with no diluent and no second concentration', () => {
    const derivation = deriveDose(issuePlan({ administration: 'undiluted', diluentVolumeMl: null }));
    expect(derivation.missing).toEqual([]);
    expect(derivation.rounded.finalVolumeMl).toBe('3.63');
    expect(derivation.exact.finalVolumeMl?.toString()).toBe('3.625');
    expect(derivation.lines.map((printed) => printed.label)).toContain('Volume to infuse');
    expect(derivation.lines.some((printed) => printed.quantity === 'finalConcentrationMgPerMl')).toBe(false);
  });

  it('syringe: made up to a volume, with the diluent to add worked out', () => {
    const derivation = deriveDose(
      issuePlan({ administration: 'syringe', diluentVolumeMl: null, syringeVolumeMl: '50' }),
    );
    expect(derivation.rounded.diluentToAddMl).toBe('46.38');
    expect(derivation.rounded.finalVolumeMl).toBe('50');
    expect(derivation.exact.finalConcentrationMgPerMl?.toString()).toBe('0.725');
    expect(derivation.rounded.rateMlPerH).toBe('75');
    expect(derivation.lines.find((printed) => printed.quantity === 'rateMlPerH')?.formula).toBe(
      '50 mL over 40 min = 75 mL/h',
    );
    expect(derivation.lines.map((printed) => printed.label)).toContain('Final syringe volume');
  });

  it('says what is missing for each method instead of guessing', () => {
    expect(deriveDose(issuePlan({ diluentVolumeMl: null })).missing).toEqual(['the diluent volume']);
    expect(deriveDose(issuePlan({ administration: 'syringe', diluentVolumeMl: null })).missing).toEqual([
      'the volume the syringe is made up to',
    ]);
  });
});
