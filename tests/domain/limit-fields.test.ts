import { describe, expect, it } from 'vitest';
import { findingProblem, limitCheckLabel, limitFields, producedFromText } from '../../src/domain/limit-fields';
import type { LimitCheck } from '../../src/domain/limits';
import { limitedQuantityNames } from '../../src/domain/limits';

const checks: LimitCheck[] = [...limitedQuantityNames, 'weightAge'];

describe('the plan fields that produce each limited value (issue 20, point 6)', () => {
  it('puts the rate per kg on the dose, the weight and the duration, the dose first', () => {
    expect(limitFields('rateMgPerKgPerH', 'mg/kg')).toEqual(['doseMgPerKg', 'weight', 'durationMin']);
    expect(limitFields('rateMgPerKgPerH', 'fixed')).toEqual(['doseMg', 'weight', 'durationMin']);
    expect(producedFromText('rateMgPerKgPerH', 'mg/kg')).toBe(
      'Worked out from Dose (mg/kg), Weight used and Duration.',
    );
  });

  it('follows the dose basis for the total dose', () => {
    expect(limitFields('totalMg', 'mg/kg')).toEqual(['doseMgPerKg', 'weight']);
    expect(limitFields('totalMg', 'fixed')).toEqual(['doseMg']);
    expect(producedFromText('totalMg', 'fixed')).toBe('Worked out from Dose (mg).');
  });

  it('maps entered values to their own field and says nothing more of them', () => {
    expect(limitFields('doseMgPerKg', 'mg/kg')).toEqual(['doseMgPerKg']);
    expect(limitFields('durationMin', 'fixed')).toEqual(['durationMin']);
    expect(limitFields('concentrationMgPerMl', 'mg/kg')).toEqual(['concentrationMgPerMl']);
    expect(producedFromText('durationMin', 'mg/kg')).toBe('');
    expect(limitFields('weightAge', 'mg/kg')).toEqual(['weight.measuredOn']);
  });

  it('names the fields behind the mg/h and pump mL/h rates', () => {
    expect(limitFields('rateMgPerH', 'mg/kg')).toEqual(['doseMgPerKg', 'weight', 'durationMin']);
    expect(limitFields('rateMgPerH', 'fixed')).toEqual(['doseMg', 'durationMin']);
    expect(limitFields('rateMlPerH', 'mg/kg')).toEqual([
      'doseMgPerKg',
      'weight',
      'concentrationMgPerMl',
      'diluentVolumeMl',
      'durationMin',
    ]);
    expect(limitFields('rateMlPerH', 'fixed')).toEqual([
      'doseMg',
      'concentrationMgPerMl',
      'diluentVolumeMl',
      'durationMin',
    ]);
  });

  it('takes the pump mL/h from the volume the drug is made up to: bag, syringe or none', () => {
    expect(limitFields('rateMlPerH', 'fixed', 'syringe')).toEqual([
      'doseMg',
      'concentrationMgPerMl',
      'syringeVolumeMl',
      'durationMin',
    ]);
    expect(limitFields('rateMlPerH', 'fixed', 'undiluted')).toEqual(['doseMg', 'concentrationMgPerMl', 'durationMin']);
    // Plans saved before the choice existed were all bags.
    expect(limitFields('rateMlPerH', 'fixed', undefined)).toContain('diluentVolumeMl');
  });

  it('gives every check, on either basis, at least one field and a label', () => {
    for (const check of checks) {
      for (const basis of ['mg/kg', 'fixed', null] as const) {
        expect(limitFields(check, basis).length, `${check} ${String(basis)}`).toBeGreaterThan(0);
      }
      expect(limitCheckLabel(check)).not.toBe('');
    }
  });

  it('attaches a finding to its first producing field, naming all of them', () => {
    const problem = findingProblem(
      { check: 'rateMgPerKgPerH', message: "Rate per kg 0.75 mg/kg/h is outside your clinic's hard limit." },
      'mg/kg',
    );
    expect(problem).toEqual({
      path: 'doseMgPerKg',
      message:
        "Rate per kg 0.75 mg/kg/h is outside your clinic's hard limit. Worked out from Dose (mg/kg), Weight used and Duration.",
    });
  });
});
