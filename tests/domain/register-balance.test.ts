import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/domain/quantity';
import { applyDelta, isNegative, mgOf, mlOf, negate, sumOf } from '../../src/domain/register-balance';

const decimal = fc
  .tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 3 }))
  .map(([digits, places]) => new Decimal(digits).dividedBy(10 ** places).toFixed());
const concentration = fc.constantFrom('10', '25', '50', '100', '3', '7.5');

describe('register arithmetic', () => {
  it('converts mL to mg exactly, and back whenever the volume is exact', () => {
    fc.assert(
      fc.property(decimal, concentration, (volumeMl, concentrationMgPerMl) => {
        const doseMg = mgOf(volumeMl, concentrationMgPerMl);
        expect(new Decimal(doseMg).equals(new Decimal(volumeMl).times(concentrationMgPerMl))).toBe(true);
        expect(new Decimal(mlOf(doseMg, concentrationMgPerMl) ?? 'NaN').equals(volumeMl)).toBe(true);
      }),
    );
  });

  it('gives no volume rather than a rounded one', () => {
    expect(mlOf('10', '3')).toBeNull();
    expect(mlOf('36.2', '50')).toBe('0.724');
  });

  it('sums signed deltas exactly, in any order, without float artifacts', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(decimal, fc.boolean())), (parts) => {
        const deltas = parts.map(([ml, out]) => (out ? negate({ ml, mg: ml }) : { ml, mg: ml }));
        const forward = sumOf(deltas);
        const backward = [...deltas].reverse().reduce(applyDelta, { ml: '0', mg: '0' });
        expect(forward).toEqual(backward);
        const expected = parts.reduce((sum, [ml, out]) => (out ? sum.minus(ml) : sum.plus(ml)), new Decimal(0));
        expect(forward.ml).toBe(expected.toFixed());
        expect(isNegative(forward)).toBe(expected.isNegative() && !expected.isZero());
      }),
    );
    expect(
      sumOf([
        { ml: '0.1', mg: '5' },
        { ml: '0.2', mg: '10' },
      ]),
    ).toEqual({ ml: '0.3', mg: '15' });
  });
});
