import { describe, expect, it } from 'vitest';
import { completeExam, demoKetamine, demoPump, planWith } from '../../src/cli/demo-clinical';
import { preparationText } from '../../src/domain/administration';
import { emptyPlan, evaluatePlan, planContentSchema } from '../../src/domain/plan';
import type { Pump } from '../../src/domain/pump';

const today = '2026-11-23';
const examWeight = completeExam(today).weight;
const weight = examWeight === null ? null : { ...examWeight, from: 'exam' as const };
const driver: Pump = { id: 'driver', name: 'Syringe driver', kind: 'syringe-driver', rateStepMlPerH: '0.01' };
const paths = (problems: { path: string }[]) => problems.map((problem) => problem.path);

describe('how the drug is given (issue 20, point 4)', () => {
  it('asks a new plan how it is given instead of assuming a bag', () => {
    expect(emptyPlan.administration).toBeNull();
    const evaluation = evaluatePlan(planWith(weight, { administration: null }), [demoKetamine], today);
    expect(paths(evaluation.signingProblems)).toContain('administration');
    expect(evaluation.derivation).toBeNull();
  });

  it('reads a plan saved before the choice existed as a bag, as it was', () => {
    const older: Record<string, unknown> = { ...planWith(weight) };
    delete older.administration;
    const parsed = planContentSchema.parse(older);
    expect(parsed.administration).toBeUndefined();
    const evaluation = evaluatePlan(parsed, [demoKetamine], today);
    expect(evaluation.signingProblems).toEqual([]);
    expect(preparationText(parsed)).toBe('In 100 mL of 0.9% sodium chloride');
  });

  it('signs an undiluted plan with no diluent at all, and words it so', () => {
    const plan = planWith(weight, { administration: 'undiluted', diluent: '', diluentVolumeMl: null });
    const evaluation = evaluatePlan(plan, [demoKetamine], today);
    expect(evaluation.signingProblems).toEqual([]);
    expect(preparationText(plan)).toBe('Undiluted, in the syringe');
    // Never "In 0 mL of …" or a "final bag volume".
    expect(evaluation.derivation?.lines.map((line) => line.label)).not.toContain('Final bag volume');
  });

  it('needs the volume a syringe is made up to, larger than the drug volume', () => {
    const syringe = planWith(weight, { administration: 'syringe', diluentVolumeMl: null, syringeVolumeMl: null });
    expect(paths(evaluatePlan(syringe, [demoKetamine], today).signingProblems)).toEqual(['syringeVolumeMl']);
    // 36.2 mg at 50 mg/mL is 0.724 mL: a syringe made up to 0.5 mL cannot hold it.
    const tooSmall = evaluatePlan({ ...syringe, syringeVolumeMl: '0.5' }, [demoKetamine], today);
    expect(tooSmall.signingProblems).toEqual([
      { path: 'syringeVolumeMl', message: 'The syringe must be made up to more than the drug volume, 0.72 mL' },
    ]);
    const made = { ...syringe, syringeVolumeMl: '20' };
    expect(evaluatePlan(made, [demoKetamine], today).signingProblems).toEqual([]);
    expect(preparationText(made)).toBe('Made up to 20 mL with 0.9% sodium chloride in the syringe');
  });

  it('needs a pump of the right kind once the clinic lists one', () => {
    const bag = planWith(weight);
    expect(paths(evaluatePlan(bag, [demoKetamine], today, [demoPump]).signingProblems)).toEqual(['pumpId']);
    const named = evaluatePlan({ ...bag, pumpId: demoPump.id }, [demoKetamine], today, [demoPump, driver]);
    expect(named.signingProblems).toEqual([]);
    expect(named.derivation?.rounded.pumpRateMlPerH).toBe('151.1');
    const wrongKind = evaluatePlan({ ...bag, pumpId: driver.id }, [demoKetamine], today, [demoPump, driver]);
    expect(wrongKind.signingProblems).toEqual([{ path: 'pumpId', message: 'Choose an infusion pump for a bag' }]);
    const gone = evaluatePlan({ ...bag, pumpId: 'retired' }, [demoKetamine], today, [demoPump]);
    expect(paths(gone.signingProblems)).toContain('pumpId');
  });
});
