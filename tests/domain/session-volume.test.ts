import { describe, expect, it } from 'vitest';
import { planWith } from '../../src/cli/demo-clinical';
import { infusedDose } from '../../src/domain/session-infused-dose';
import { volumeOffPlan, volumeToleranceRule } from '../../src/domain/session-volume';
import { wasteText } from '../../src/domain/session-entry-text';

const weight = {
  value: '72.5',
  unit: 'kg' as const,
  measuredOn: '2026-03-01',
  source: 'measured' as const,
  from: 'exam' as const,
};

describe('an end far from the planned volume (issue 20, point 12)', () => {
  it('states its rule, and calls 0.2 of 3.63 mL far and 3.4 of 3.63 mL near', () => {
    expect(volumeToleranceRule).toBe('within 10% of the planned volume, either way');
    expect(volumeOffPlan('0.2', '3.63')).toEqual({ plannedVolumeMl: '3.63', differencePercent: '-94' });
    expect(volumeOffPlan('3.4', '3.63')).toBeNull();
    expect(volumeOffPlan('4.1', '3.63')).toEqual({ plannedVolumeMl: '3.63', differencePercent: '13' });
  });

  it('keeps the boundary inside: exactly 10% either way is near', () => {
    expect(volumeOffPlan('90', '100')).toBeNull();
    expect(volumeOffPlan('110', '100')).toBeNull();
    expect(volumeOffPlan('89.99', '100')).not.toBeNull();
    expect(volumeOffPlan('1', null)).toBeNull();
  });
});

describe('the dose a volume carries, and discarded drug in one wording (issue 20, point 18)', () => {
  it('gives the mg a volume carries at the plan’s final concentration, exactly, with its formula', () => {
    // 0.5 mg/kg × 72.5 kg = 36.25 mg in 3.625 mL of 10 mg/mL, no diluent.
    const undiluted = planWith(weight, { concentrationMgPerMl: '10', diluentVolumeMl: '0' });
    expect(infusedDose('3.625', undiluted)).toEqual({
      mg: '36.25',
      text: '36.25 mg (3.625 mL × 36.25 mg ÷ 3.625 mL)',
    });
    expect(infusedDose('0.2', undiluted)).toEqual({ mg: '2', text: '2 mg (0.2 mL × 36.25 mg ÷ 3.625 mL)' });
  });

  it('rounds the result by the rule for doses and says so, never an operand silently', () => {
    // 36.25 mg in 100 mL + 0.725 mL (50 mg/mL): 100.7 mL carries 36.2410027… mg.
    const bag = planWith(weight);
    expect(infusedDose('100.7', bag)).toEqual({
      mg: '36.24',
      text: '≈ 36.24 mg (100.7 mL × 36.25 mg ÷ 100.725 mL, rounded to 0.01 mg)',
    });
    // 36.25 mg ÷ 3 mg/mL = 12.083… mL: that operand is shown rounded, and marked.
    const thirds = planWith(weight, { concentrationMgPerMl: '3', diluentVolumeMl: '0' });
    expect(infusedDose('6', thirds)?.text).toBe('≈ 18 mg (6 mL × 36.25 mg ÷ ≈ 12.0833 mL, rounded to 0.01 mg)');
    expect(infusedDose('1', { ...bag, durationMin: null })).toBeNull();
  });

  it('words discarded drug the same everywhere: none recorded, none, or the amount with its witness', () => {
    // Quantities keep their unit with a no-break space; the words are what is compared.
    const words = (wasteMg: string | null, witness: string | null) =>
      wasteText(wasteMg, witness).replaceAll('\u00a0', ' ');
    expect(words(null, null)).toBe('Not recorded');
    expect(words('0', null)).toBe('None (0 mg)');
    expect(words('2', 'Priya Patel, RN')).toBe('2 mg, witnessed by Priya Patel, RN');
    expect(words('2', null)).toBe('2 mg, witness not recorded');
  });
});
