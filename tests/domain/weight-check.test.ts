import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Weight } from '../../src/domain/weight';
import type { RecordedWeight, WeightCheckSettings } from '../../src/domain/weight-check';
import {
  checkWeight,
  defaultWeightCheckSettings,
  findingAsRecorded,
  weightRangeIssues,
} from '../../src/domain/weight-check';
import {
  newlyEnteredWeight,
  weightAcknowledgementProblems,
  weightAcknowledgementSchema,
} from '../../src/domain/weight-acknowledgement';
import { examContentSchema } from '../../src/domain/exam';
import { planContentSchema } from '../../src/domain/plan';
import { completeExam, planWith } from '../../src/cli/demo-clinical';
import { toDecimal } from '../../src/domain/quantity';

const settings: WeightCheckSettings = defaultWeightCheckSettings;

function entered(value: string, measuredOn = '2026-03-07', unit: Weight['unit'] = 'kg'): Weight {
  return { value, unit, measuredOn, source: 'measured' };
}

function previous(value: string, measuredOn = '2026-03-01', overrides: Partial<RecordedWeight> = {}): RecordedWeight {
  return {
    value,
    unit: 'kg',
    measuredOn,
    source: 'measured',
    recordType: 'exam',
    recordId: 1,
    versionId: 1,
    ...overrides,
  };
}

/** Days after 2026-01-01 as an ISO date. */
function day(offset: number): string {
  return new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

/** Exact decimals with up to 2 places between 20 and 250 kg, as a clinic would type them. */
const typedKg = fc.integer({ min: 2000, max: 25000 }).map((hundredths) => toDecimal(hundredths).dividedBy(100));

describe('checkWeight (a check on what was entered, never a proposal)', () => {
  it('flags a weight 2.2046 times the previous one as the pound-to-kilogram factor, with both weights and their dates', () => {
    const findings = checkWeight({
      entered: entered('160', '2026-03-07'),
      recordType: 'plan',
      previous: [previous('72.5747792', '2026-01-02')],
      settings,
    });
    expect(findings.map((finding) => finding.kind)).toEqual(['unit-factor']);
    const [finding] = findings;
    expect(finding?.previous?.value).toBe('72.5747792');
    expect(finding?.entered.value).toBe('160');
    expect(finding?.message).toContain('differs from the previous weight');
    expect(finding?.message).toContain('160 kg');
    expect(finding?.message).toContain('72.5747792 kg');
    expect(finding?.message).toContain('07-Mar-2026');
    expect(finding?.message).toContain('02-Jan-2026');
    expect(finding?.message).toContain('2.2046');
    // A signed record keeps what was found and leaves out the advice meant for the form.
    expect(finding?.message).toMatch(/Check the number and its unit\.$/);
    expect(findingAsRecorded(finding?.message ?? '')).toMatch(/or the reverse\.$/);
  });

  it('flags the factor both ways (kilograms typed as pounds too), at any time span', () => {
    const findings = checkWeight({
      entered: entered('72.4', '2029-03-07', 'lb'),
      recordType: 'exam',
      previous: [previous('72.4', '2026-01-02')],
      settings,
    });
    expect(findings.map((finding) => finding.kind)).toEqual(['unit-factor']);
  });

  it('flags a change of more than the configured percentage within the configured days, and not beyond them', () => {
    const within = checkWeight({
      entered: entered('80', '2026-03-07'),
      recordType: 'exam',
      previous: [previous('72', '2026-02-10')],
      settings,
    });
    expect(within.map((finding) => finding.kind)).toEqual(['change']);
    expect(within[0]?.message).toMatch(
      /differs from the previous weight, 72 kg .* by about 11\.1% \(higher\) in 25 days/,
    );
    expect(within[0]?.message).toContain('10% within 30 days');

    // 10% exactly is not "more than 10%"; 31 days apart is outside a 30-day window.
    expect(checkWeight({ entered: entered('79.2'), recordType: 'exam', previous: [previous('72')], settings })).toEqual(
      [],
    );
    expect(
      checkWeight({
        entered: entered('80', '2026-03-07'),
        recordType: 'exam',
        previous: [previous('72', '2026-02-04')],
        settings,
      }),
    ).toEqual([]);
    // The clinic's own threshold is the one applied.
    expect(
      checkWeight({
        entered: entered('75'),
        recordType: 'exam',
        previous: [previous('72')],
        settings: { ...settings, weightChangePercent: 4 },
      }).map((finding) => finding.kind),
    ).toEqual(['change']);
  });

  it('surfaces a first weight outside the plausible adult range, and only a first one', () => {
    const first = checkWeight({ entered: entered('25'), recordType: 'exam', previous: [], settings });
    expect(first.map((finding) => finding.kind)).toEqual(['implausible']);
    expect(first[0]?.message).toContain("outside your clinic's configured plausible adult range: 30–300 kg");
    expect(first[0]?.previous).toBeNull();
    expect(checkWeight({ entered: entered('301'), recordType: 'exam', previous: [], settings })).toHaveLength(1);
    expect(checkWeight({ entered: entered('300'), recordType: 'exam', previous: [], settings })).toEqual([]);
    expect(checkWeight({ entered: entered('30'), recordType: 'exam', previous: [], settings })).toEqual([]);
    expect(
      checkWeight({
        entered: entered('300'),
        recordType: 'exam',
        previous: [],
        settings: { ...settings, weightPlausibleMaxKg: 250 },
      }),
    ).toHaveLength(1);
  });

  it('never words a finding as what the weight should be', () => {
    fc.assert(
      fc.property(typedKg, typedKg, fc.integer({ min: 0, max: 400 }), (newKg, oldKg, span) => {
        const findings = checkWeight({
          entered: entered(newKg.toString(), day(span)),
          recordType: 'plan',
          previous: [previous(oldKg.toString(), day(0))],
          settings,
        });
        for (const finding of findings) {
          expect(finding.message).not.toMatch(/should|recommend|suggest|correct weight/i);
          expect(finding.message).toContain('differs from the previous weight');
        }
      }),
    );
  });

  it('always flags a weight exactly 2.2 times (or 1/2.2 of) a previous one, whatever the dates', () => {
    fc.assert(
      fc.property(
        typedKg,
        fc.boolean(),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 3000 }),
        (oldKg, up, oldDay, newDay) => {
          const newKg = up ? oldKg.times('2.2') : oldKg.dividedBy('2.2');
          const findings = checkWeight({
            entered: entered(newKg.toString(), day(newDay)),
            recordType: 'exam',
            previous: [previous(oldKg.toString(), day(oldDay))],
            settings,
          });
          expect(findings.map((finding) => finding.kind)).toContain('unit-factor');
        },
      ),
    );
  });

  it('never flags a weight identical to every previous one', () => {
    fc.assert(
      fc.property(
        typedKg,
        fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.constantFrom<Weight['unit']>('kg', 'lb'),
        (kg, previousDays, newDay, unit) => {
          const value = kg.toString();
          const findings = checkWeight({
            entered: entered(value, day(newDay), unit),
            recordType: 'plan',
            previous: previousDays.map((offset, index) =>
              previous(value, day(offset), { unit, recordId: index + 1, versionId: index + 1 }),
            ),
            settings,
          });
          expect(findings).toEqual([]);
        },
      ),
    );
  });
});

describe('weight acknowledgement', () => {
  const finding = checkWeight({
    entered: entered('160'),
    recordType: 'plan',
    previous: [previous('72.5747792')],
    settings,
  });

  it('is required, with a reason, for the weight as entered now; without findings nothing is asked', () => {
    const weight = entered('160');
    expect(weightAcknowledgementProblems([], weight, undefined)).toEqual([]);
    expect(weightAcknowledgementProblems(finding, weight, undefined).map((problem) => problem.path)).toEqual([
      'weightAcknowledgement.acknowledgedWeightKg',
    ]);
    expect(
      weightAcknowledgementProblems(finding, weight, { acknowledgedWeightKg: '160', reason: '  ' }).map(
        (problem) => problem.path,
      ),
    ).toEqual(['weightAcknowledgement.reason']);
    expect(
      weightAcknowledgementProblems(finding, weight, { acknowledgedWeightKg: '160', reason: 'Weighed twice' }),
    ).toEqual([]);
    // An acknowledgement of another weight does not carry over to an edited one.
    expect(
      weightAcknowledgementProblems(finding, entered('165'), { acknowledgedWeightKg: '160', reason: 'Weighed twice' })
        .length,
    ).toBe(1);
  });

  it('is an optional field: exams and plans stored before it existed still parse', () => {
    expect(examContentSchema.safeParse(completeExam('2026-03-07')).success).toBe(true);
    expect(planContentSchema.safeParse(planWith(null)).success).toBe(true);
    const acknowledged = { acknowledgedWeightKg: '72.5747792', reason: 'Weighed twice' };
    expect(
      examContentSchema.parse({ ...completeExam('2026-03-07'), weightAcknowledgement: acknowledged }),
    ).toMatchObject({ weightAcknowledgement: acknowledged });
    expect(weightAcknowledgementSchema.safeParse({ acknowledgedWeightKg: 'abc', reason: '' }).success).toBe(false);
  });

  it('asks only about a weight newly entered: a plan weight copied from the exam was checked on the exam', () => {
    const weight = entered('72.4');
    expect(newlyEnteredWeight({ weight })).toEqual(weight);
    expect(newlyEnteredWeight({ weight: { ...weight, from: 'exam' } })).toBeNull();
    expect(newlyEnteredWeight({ weight: { ...weight, from: 'entered' } })).toEqual({ ...weight, from: 'entered' });
    expect(newlyEnteredWeight({ weight: null })).toBeNull();
  });
});

describe('weight-check settings', () => {
  it('refuses a plausible range whose top is not above its bottom, in words on the field', () => {
    expect(weightRangeIssues(settings)).toEqual([]);
    expect(weightRangeIssues({ ...settings, weightPlausibleMinKg: 300, weightPlausibleMaxKg: 300 })).toEqual([
      { path: 'weightPlausibleMaxKg', message: expect.stringContaining('above the lowest') as string },
    ]);
  });
});
