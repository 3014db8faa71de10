import { describe, expect, it } from 'vitest';
import { completeExam, demoKetamine, planWith } from '../../src/cli/demo-clinical';
import { checkLimits, formatRange, noLimits } from '../../src/domain/limits';
import { evaluatePlan } from '../../src/domain/plan';
import { decimalSchema, Decimal } from '../../src/domain/quantity';
import { formatWeight } from '../../src/domain/weight';

const today = '2026-11-23';
const examWeight = completeExam(today).weight;
const weight = examWeight === null ? null : { ...examWeight, from: 'exam' as const };

describe('evaluatePlan against the clinic’s own limits', () => {
  it('passes a plan inside every range, with nothing left to do', () => {
    const evaluation = evaluatePlan(planWith(weight), [demoKetamine], today);
    expect(evaluation.findings).toEqual([]);
    expect(evaluation.signingProblems).toEqual([]);
    expect(evaluation.derivation?.rounded.totalMg).toBe('36.2');
  });

  it('catches a tenfold slip (5 instead of 0.5 mg/kg) as a hard limit that blocks signing', () => {
    const evaluation = evaluatePlan(planWith(weight, { doseMgPerKg: '5' }), [demoKetamine], today);
    const dose = evaluation.findings.find((finding) => finding.check === 'doseMgPerKg');
    expect(dose?.level).toBe('hard');
    expect(dose?.message).toBe(
      "Dose per kg 5 mg/kg is outside your clinic's hard limit: 0.05–2 mg/kg. A plan outside a hard limit cannot be signed.",
    );
    expect(evaluation.signingProblems.map((problem) => problem.path)).toContain('doseMgPerKg');
  });

  it('catches a tenfold slip downwards (0.05 instead of 0.5 mg/kg) as a soft finding needing a reason', () => {
    const evaluation = evaluatePlan(planWith(weight, { doseMgPerKg: '0.05' }), [demoKetamine], today);
    expect(evaluation.findings.map((finding) => [finding.check, finding.level])).toEqual([['doseMgPerKg', 'soft']]);
    expect(evaluation.reasonsNeeded).toEqual(['doseMgPerKg']);
    const withReason = evaluatePlan(
      planWith(weight, { doseMgPerKg: '0.05', overrideReasons: { doseMgPerKg: 'Test dose after prior reaction' } }),
      [demoKetamine],
      today,
    );
    expect(withReason.reasonsNeeded).toEqual([]);
    expect(withReason.signingProblems).toEqual([]);
  });

  it('flags a weight older than the clinic allows', () => {
    const old = weight === null ? null : { ...weight, measuredOn: '2026-09-01' };
    const evaluation = evaluatePlan(planWith(old), [demoKetamine], today);
    expect(evaluation.weightAgeDays).toBe(83);
    expect(evaluation.findings.map((finding) => [finding.check, finding.level])).toEqual([['weightAge', 'soft']]);
  });

  it('says plainly when the clinic configured no limits for the drug', () => {
    const evaluation = evaluatePlan(planWith(weight), [{ ...demoKetamine, limits: noLimits }], today);
    expect(evaluation.noLimitsConfigured).toBe(true);
    expect(evaluation.findings).toEqual([]);
  });

  it('refuses a concentration that is not on the clinic list, and lists what is missing', () => {
    const evaluation = evaluatePlan(
      planWith(weight, { concentrationMgPerMl: '100', durationMin: null }),
      [demoKetamine],
      today,
    );
    expect(evaluation.signingProblems.map((problem) => problem.message)).toEqual(
      expect.arrayContaining(['Choose a concentration from the clinic list', 'Enter the duration']),
    );
  });
});

describe('limits and quantities', () => {
  it('formats ranges in words', () => {
    expect(formatRange('0.1', '1', 'mg/kg')).toBe('0.1–1 mg/kg');
    expect(formatRange(null, '1000', 'mg')).toBe('at most 1,000 mg');
    expect(formatRange('40', null, 'min')).toBe('at least 40 min');
  });

  it('compares exact values at the boundary (1 mg/kg is inside 0.1–1)', () => {
    expect(checkLimits({ doseMgPerKg: new Decimal('1') }, null, demoKetamine.limits)).toEqual([]);
    expect(checkLimits({ doseMgPerKg: new Decimal('1.000001') }, null, demoKetamine.limits)).toHaveLength(1);
  });

  it('requires a leading zero and a plain number', () => {
    expect(decimalSchema('dose').safeParse('.5').error?.issues[0]?.message).toBe(
      'Write the dose with a leading zero, e.g. 0.5',
    );
    expect(decimalSchema('dose').safeParse('1e3').success).toBe(false);
    expect(decimalSchema('dose').safeParse('-1').success).toBe(false);
    expect(decimalSchema('dose').parse('0.50')).toBe('0.5');
  });

  it('shows a weight in pounds with its exact kilograms', () => {
    expect(formatWeight({ value: '160', unit: 'lb' })).toBe('160 lb = 72.5747792 kg');
    expect(formatWeight({ value: '72.4', unit: 'kg' })).toBe('72.4 kg');
  });
});

describe('where a finding is attached (issue 20, point 6)', () => {
  const rateLimited = {
    ...demoKetamine,
    limits: {
      ...demoKetamine.limits,
      rateMgPerKgPerH: { hardMin: null, softMin: null, softMax: '0.6', hardMax: '0.7' },
    },
  };

  it('attaches a rate-per-kg hard finding to the dose, naming the dose, the weight and the duration', () => {
    // 0.5 mg/kg over 40 min is 0.75 mg/kg/h: past the hard maximum of 0.7.
    const evaluation = evaluatePlan(planWith(weight, { administration: 'bag' }), [rateLimited], today);
    expect(evaluation.findings.map((finding) => [finding.check, finding.level])).toEqual([['rateMgPerKgPerH', 'hard']]);
    const problem = evaluation.signingProblems.find((candidate) => candidate.message.startsWith('Rate per kg'));
    expect(problem?.path).toBe('doseMgPerKg');
    expect(problem?.message).toMatch(/Worked out from Dose \(mg\/kg\), Weight used and Duration\.$/);
    expect(evaluation.signingProblems.map((candidate) => candidate.path)).not.toContain('rateMgPerKgPerH');
    expect(evaluation.signingProblems.map((candidate) => candidate.path)).not.toContain('durationMin');
  });

  it('attaches a total-dose hard finding to the fixed dose on a fixed plan', () => {
    const evaluation = evaluatePlan(
      planWith(weight, { administration: 'bag', doseBasis: 'fixed', doseMgPerKg: null, doseMg: '250' }),
      [demoKetamine],
      today,
    );
    const problem = evaluation.signingProblems.find((candidate) => candidate.message.startsWith('Total dose'));
    expect(problem?.path).toBe('doseMg');
    expect(problem?.message).toMatch(/Worked out from Dose \(mg\)\.$/);
  });
});
