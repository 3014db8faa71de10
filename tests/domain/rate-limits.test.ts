import { describe, expect, it } from 'vitest';
import { completeExam, demoKetamine, planWith } from '../../src/cli/demo-clinical';
import type { Drug } from '../../src/domain/formulary';
import { formularyContentSchema } from '../../src/domain/formulary';
import { checkLimits, drugLimitsSchema, emptyRange, limitTableRows, noLimits } from '../../src/domain/limits';
import type { PlanContent } from '../../src/domain/plan';
import { evaluatePlan, planContentSchema } from '../../src/domain/plan';
import { toDecimal } from '../../src/domain/quantity';

/**
 * Issue 20, point 9: a clinic bounds the rate in mg/h and the pump rate in mL/h, not only
 * the rate per kg. The demo plan: 0.5 mg/kg × 72.4 kg = 36.2 mg over 40 min = 54.3 mg/h;
 * 0.724 mL of 50 mg/mL in 100 mL, about 151 mL/h.
 */
const today = '2026-11-23';
const examWeight = completeExam(today).weight;
const weight = examWeight === null ? null : { ...examWeight, from: 'exam' as const };

/** The demo plan, a bag of 100 mL (said outright: plans saved before the choice existed have none). */
const bagPlan = (overrides: Partial<PlanContent> = {}) => planWith(weight, { administration: 'bag', ...overrides });

function drugWith(limits: Partial<Drug['limits']>): Drug {
  return { ...demoKetamine, limits: { ...demoKetamine.limits, ...limits } };
}

describe('limits on the rate in mg/h and the pump rate in mL/h', () => {
  it('finds a rate in mg/h outside the configured range, and asks a reason for it', () => {
    const drug = drugWith({ rateMgPerH: { hardMin: null, softMin: null, softMax: '50', hardMax: null } });
    const evaluation = evaluatePlan(bagPlan(), [drug], today);
    expect(evaluation.findings.map((finding) => [finding.check, finding.level])).toEqual([['rateMgPerH', 'soft']]);
    expect(evaluation.findings[0]?.message).toMatch(
      /^Rate 54\.3 mg\/h is outside your clinic's configured range: at most 50 mg\/h\. Signing needs a reason\.$/,
    );
    expect(evaluation.reasonsNeeded).toEqual(['rateMgPerH']);
    const content = planContentSchema.parse(bagPlan({ overrideReasons: { rateMgPerH: 'Protocol for this patient' } }));
    expect(evaluatePlan(content, [drug], today).signingProblems).toEqual([]);
  });

  it('finds a pump rate in mL/h past the hard limit, which blocks signing', () => {
    const drug = drugWith({ rateMlPerH: { hardMin: null, softMin: null, softMax: null, hardMax: '150' } });
    const evaluation = evaluatePlan(bagPlan(), [drug], today);
    const pump = evaluation.findings.find((finding) => finding.check === 'rateMlPerH');
    expect(pump?.level).toBe('hard');
    expect(pump?.message).toMatch(/^Pump rate .*mL\/h is outside your clinic's hard limit: at most 150 mL\/h\./);
    expect(evaluation.signingProblems.length).toBeGreaterThan(0);
  });

  it('finds nothing when both rates are inside their ranges', () => {
    const drug = drugWith({
      rateMgPerH: { hardMin: '10', softMin: '20', softMax: '60', hardMax: '100' },
      rateMlPerH: { hardMin: null, softMin: '1', softMax: '200', hardMax: '999' },
    });
    expect(evaluatePlan(bagPlan(), [drug], today).findings).toEqual([]);
  });

  it('reads limits saved before these bounds existed as "not configured"', () => {
    const { rateMgPerH, rateMlPerH, ...older } = demoKetamine.limits;
    expect([rateMgPerH, rateMlPerH]).toEqual([emptyRange, emptyRange]);
    const parsed = drugLimitsSchema.parse(older);
    expect(parsed.rateMgPerH).toEqual(emptyRange);
    expect(parsed.rateMlPerH).toEqual(emptyRange);
    const content = formularyContentSchema.parse({ drugs: [{ ...demoKetamine, limits: older }], screeningItems: [] });
    expect(content.drugs[0]?.limits).toEqual(demoKetamine.limits);
    // Limits read straight from stored JSON, not through the schema, are compared without a crash.
    const findings = checkLimits({ rateMgPerH: toDecimal('500') }, null, older as Drug['limits']);
    expect(findings).toEqual([]);
  });

  it('lists the new quantities in a limits table only where configured, so older plans print as signed', () => {
    expect(limitTableRows(noLimits)).toEqual([
      'doseMgPerKg',
      'totalMg',
      'rateMgPerKgPerH',
      'durationMin',
      'concentrationMgPerMl',
    ]);
    expect(
      limitTableRows({ ...noLimits, rateMlPerH: { hardMin: null, softMin: null, softMax: null, hardMax: '300' } }),
    ).toEqual(['doseMgPerKg', 'totalMg', 'rateMgPerKgPerH', 'rateMlPerH', 'durationMin', 'concentrationMgPerMl']);
  });
});
