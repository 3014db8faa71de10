import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScaleValues } from '../../src/domain/course-response';
import { baselineText, changeFrom, courseResponse, dropPercent } from '../../src/domain/course-response';
import { roundToStep, toDecimal } from '../../src/domain/quantity';
import type { ResponseDefinitionAsWorded, ResponseRule } from '../../src/domain/response-definitions';
import { responseDefinitionsSchema, ruleMet } from '../../src/domain/response-definitions';

const none: ScaleValues = { phq9: null, gad7: null, pcl5: null, painNrs: null };
const response: ResponseDefinitionAsWorded = {
  id: 'response',
  label: 'Response',
  scale: 'phq9',
  rule: { type: 'percent-drop', percent: '50' },
};
const remission: ResponseDefinitionAsWorded = {
  id: 'remission',
  label: 'Remission',
  scale: 'phq9',
  rule: { type: 'below', value: 5 },
};

describe('the course of a series on each scale', () => {
  it('takes the baseline from the exam the plan rests on, and says so', () => {
    const [phq9] = courseResponse({
      examValues: { ...none, phq9: 18 },
      sessions: [
        { sessionId: 1, values: { ...none, phq9: 15 } },
        { sessionId: 2, values: { ...none, phq9: 9 } },
        { sessionId: 3, values: { ...none, phq9: 4 } },
      ],
      definitions: [response, remission],
    });
    expect(phq9?.baseline).toEqual({ value: 18, source: 'exam', sessionId: null });
    expect(baselineText(phq9?.baseline ?? null)).toBe('Baseline 18 (at the exam the plan rests on)');
    expect(phq9?.rows.map((row) => row.change?.text)).toEqual([
      '−3 points (≈ −16.7%)',
      '−9 points (−50%)',
      '−14 points (≈ −77.8%)',
    ]);
    expect(phq9?.rows.map((row) => row.definitions.map((result) => result.text))).toEqual([
      ['Response not met (PHQ-9 down at least 50% from baseline)', 'Remission not met (PHQ-9 below 5)'],
      ['Response met (PHQ-9 down at least 50% from baseline)', 'Remission not met (PHQ-9 below 5)'],
      ['Response met (PHQ-9 down at least 50% from baseline)', 'Remission met (PHQ-9 below 5)'],
    ]);
  });

  it('falls back to the first session that recorded the scale, and says which', () => {
    const [pain] = courseResponse({
      examValues: none,
      sessions: [
        { sessionId: 7, values: none },
        { sessionId: 8, values: { ...none, painNrs: 8 } },
        { sessionId: 9, values: { ...none, painNrs: 5 } },
      ],
      definitions: [],
    });
    expect(pain?.scale).toBe('painNrs');
    expect(pain?.baseline).toEqual({ value: 8, source: 'first-session', sessionId: 8 });
    expect(baselineText(pain?.baseline ?? null)).toMatch(/first session/);
    expect(pain?.rows.map((row) => row.change?.text ?? null)).toEqual([null, 'no change (0%)', '−3 points (−37.5%)']);
  });

  it('says a per cent of a baseline of 0 cannot be computed, and cannot judge a per-cent rule on it', () => {
    const [phq9] = courseResponse({
      examValues: { ...none, phq9: 0 },
      sessions: [{ sessionId: 1, values: { ...none, phq9: 2 } }],
      definitions: [response],
    });
    expect(phq9?.rows[0]?.change?.text).toBe('+2 points (per cent not computable: baseline 0)');
    expect(phq9?.rows[0]?.definitions[0]?.met).toBeNull();
    expect(phq9?.rows[0]?.definitions[0]?.text).toMatch(/cannot be judged/);
  });

  it('shows a scale with a definition but no value as having no baseline', () => {
    const result = courseResponse({ examValues: null, sessions: [], definitions: [remission] });
    expect(result).toEqual([{ scale: 'phq9', baseline: null, rows: [] }]);
  });

  it('accepts an empty list of definitions and refuses a per cent above 100 or a bound past the scale', () => {
    expect(responseDefinitionsSchema.safeParse([]).success).toBe(true);
    const over = responseDefinitionsSchema.safeParse([
      { ...response, rule: { type: 'percent-drop', percent: '120' }, retired: false },
    ]);
    expect(over.success).toBe(false);
    const zero = responseDefinitionsSchema.safeParse([
      { ...response, rule: { type: 'percent-drop', percent: '0' }, retired: false },
    ]);
    expect(zero.success).toBe(false);
    const past = responseDefinitionsSchema.safeParse([
      { ...remission, scale: 'painNrs', rule: { type: 'below', value: 20 }, retired: false },
    ]);
    expect(past.success === false && past.error.issues[0]?.path).toEqual([0, 'rule', 'value']);
  });
});

describe('the arithmetic, on any recorded values', () => {
  const score = fc.integer({ min: 0, max: 80 });
  const percentText = fc
    .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 999_999 }))
    .map(([whole, fraction]) => `${whole}.${String(fraction).padStart(6, '0')}`)
    .filter((value) => toDecimal(value).greaterThan(0) && toDecimal(value).lessThanOrEqualTo(100));

  it('gives the per cent exactly as (baseline − value) ÷ baseline × 100, in decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 80 }), score, (baseline, value) => {
        const drop = dropPercent(baseline, value);
        expect(
          drop?.equals(
            toDecimal(baseline - value)
              .times(100)
              .dividedBy(baseline),
          ),
        ).toBe(true);
        expect(
          drop
            ?.times(baseline)
            .minus((baseline - value) * 100)
            .abs()
            .lessThan('1e-15'),
        ).toBe(true);
        // Shown to 0.1%, half away from zero: the same as whole-number arithmetic on tenths.
        const tenths = (baseline - value) * 1000;
        let rounded = Math.trunc(tenths / baseline);
        const remainder = tenths - rounded * baseline;
        if (2 * Math.abs(remainder) >= baseline) rounded += Math.sign(tenths);
        expect(
          roundToStep(drop ?? toDecimal(0), '0.1')
            .times(10)
            .toNumber(),
        ).toBe(rounded);
        // The change is the same figure, the other way round, and its rounding is marked.
        const change = changeFrom(baseline, value);
        expect(change.percent?.equals(drop?.negated() ?? 0)).toBe(true);
        expect(change.points).toBe(value - baseline);
        expect(change.text).not.toMatch(/e[-+]?\d|0000000/);
      }),
    );
  });

  it('meets "percent-drop p" exactly when value ≤ baseline × (1 − p/100)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 80 }), score, percentText, (baseline, value, percent) => {
        const rule: ResponseRule = { type: 'percent-drop', percent };
        const threshold = toDecimal(baseline).times(toDecimal(100).minus(percent)).dividedBy(100);
        expect(ruleMet(rule, baseline, value)).toBe(toDecimal(value).lessThanOrEqualTo(threshold));
      }),
    );
  });

  it('meets a whole per cent at its boundary without floating-point artifacts', () => {
    // 0.1 + 0.2 style errors would put 70% of 10 at 7.000000000000001 or 6.999999999999999.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 100 }), (baseline, percent) => {
        const rule: ResponseRule = { type: 'percent-drop', percent: String(percent) };
        const numerator = baseline * (100 - percent);
        if (numerator % 100 !== 0) return;
        expect(ruleMet(rule, baseline, numerator / 100)).toBe(true);
        expect(ruleMet(rule, baseline, numerator / 100 + 1)).toBe(false);
      }),
    );
  });

  it('meets "below v" exactly when value < v, and "points-drop n" when baseline − value ≥ n', () => {
    fc.assert(
      fc.property(score, score, fc.integer({ min: 1, max: 80 }), (baseline, value, bound) => {
        expect(ruleMet({ type: 'below', value: bound }, baseline, value)).toBe(value < bound);
        expect(ruleMet({ type: 'points-drop', points: bound }, baseline, value)).toBe(baseline - value >= bound);
        expect(ruleMet({ type: 'points-drop', points: bound }, null, value)).toBeNull();
      }),
    );
  });
});
