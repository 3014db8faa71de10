import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoKetamine, planWith } from '../../src/cli/demo-clinical';
import { deriveDose } from '../../src/domain/dose';
import { administrationEventEntry } from '../../src/domain/infusion-session';
import type { DrugLimits, LimitedQuantity, RangeLimit } from '../../src/domain/limits';
import { checkLimits, formatRange, limitedQuantityNames, noLimits } from '../../src/domain/limits';
import { evaluatePlan } from '../../src/domain/plan';
import { Decimal, formatNumber } from '../../src/domain/quantity';
import { derivedQuantityText } from '../../src/domain/quantity-text';
import { entryLines } from '../../src/domain/session-entry-text';
import type { SessionEntryView } from '../../src/domain/session-view';
import { weightKg } from '../../src/domain/weight';

/**
 * Issue 12, point 2, as a property over every builder that prints a quantity: whatever the
 * figures (repeating fractions such as 8/15, huge and tiny values), no printed number has
 * more decimals than its unit's display rule allows, except a value printed exactly as
 * someone entered it. The allowed decimals are written out here from the UI conventions,
 * independently of the code under test.
 */
const allowedDecimals: Record<string, number> = {
  mg: 2,
  'mg/h': 2,
  'mg/kg': 3,
  'mg/kg/h': 3,
  'mg/mL': 3,
  mL: 2,
  'mL/h': 2,
  min: 0,
  // Weights are printed exactly as entered (and in exact kilograms for pounds): entries only.
  kg: 0,
  lb: 0,
};

const number = String.raw`\d[\d,]*(?:\.\d+)?`;
const units = 'mg/kg/h|mg/kg|mg/mL|mg/h|mL/h|mL|mg|kg|lb|min';
/** "36.29 mg", "0.1–0.5 mg/kg" (a range: both numbers carry the unit), "≈ 0.533 mg/kg/h". */
const quantityPattern = new RegExp(`(${number})(?:–(${number}))?[\\s\\u00a0](${units})(?![\\w/])`, 'g');
/** ISMP: a leading zero, thousands separators, no trailing zero after the point. */
const ismpNumber = /^(0|[1-9]\d{0,2}(,\d{3})*)(\.\d*[1-9])?$/;

function decimalsOf(text: string): number {
  return text.split('.')[1]?.length ?? 0;
}

let checkedNumbers = 0;

/** Checks every number in `text`; `entered` holds the texts of values someone typed. */
function expectDisplayRule(text: string, entered: ReadonlySet<string>): void {
  expect(text, text).not.toMatch(/\d[eE][+-]?\d|NaN|Infinity/);
  const withUnit = new Set<number>();
  for (const match of text.matchAll(quantityPattern)) {
    const unit = match[3] ?? '';
    const numbers = [match[1], match[2]].filter((value): value is string => value !== undefined);
    withUnit.add(match.index);
    for (const value of numbers) {
      checkedNumbers += 1;
      expect(value, text).toMatch(ismpNumber);
      if (entered.has(value)) continue;
      expect(decimalsOf(value), `${value} ${unit} in "${text}"`).toBeLessThanOrEqual(allowedDecimals[unit] ?? 0);
    }
  }
  // Every number with a fraction is a quantity with its unit (or the first number of a range).
  for (const match of text.matchAll(new RegExp(`${number}`, 'g'))) {
    if (!match[0].includes('.')) continue;
    const precededByRange = text.slice(0, match.index).endsWith('–');
    expect(withUnit.has(match.index) || precededByRange, `"${match[0]}" without a unit in "${text}"`).toBe(true);
  }
}

const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** A value as typed: what decimalSchema accepts (up to 9 digits, up to 6 decimals). */
const entry = fc
  .tuple(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 999_999 }))
  .map(([whole, scale, fraction]) =>
    new Decimal(whole).plus(new Decimal(fraction % 10 ** scale).dividedBy(10 ** scale)).toString(),
  );
const smallEntry = fc.oneof(
  entry,
  fc.constantFrom('0.000001', '0.5', '1', '72.4', '999999999.999999'),
  fc
    .tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 999_999 }))
    .map(([whole, fraction]) => new Decimal(whole).plus(new Decimal(fraction).dividedBy(1_000_000)).toString()),
);

/** Any exact result of the arithmetic: repeating fractions, huge and tiny values included. */
const anyValue = fc.oneof(
  fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 12n }))
    .map(([numerator, denominator]) => new Exact(numerator.toString()).dividedBy(denominator.toString())),
  fc.constant(new Exact(8).dividedBy(15)),
  fc.integer({ min: 10, max: 30 }).map((exponent) => new Exact(10).pow(exponent).times(7).dividedBy(3)),
  fc.integer({ min: 4, max: 40 }).map((exponent) => new Exact(8).dividedBy(15).dividedBy(new Exact(10).pow(exponent))),
  smallEntry.map((text) => new Exact(text)),
);

const bound = fc.option(smallEntry, { nil: null });
const rangeLimit: fc.Arbitrary<RangeLimit> = fc.record({
  hardMin: bound,
  softMin: bound,
  softMax: bound,
  hardMax: bound,
});
const limits: fc.Arbitrary<DrugLimits> = fc.record({
  doseMgPerKg: rangeLimit,
  totalMg: rangeLimit,
  rateMgPerKgPerH: rangeLimit,
  rateMgPerH: rangeLimit,
  rateMlPerH: rangeLimit,
  durationMin: rangeLimit,
  concentrationMgPerMl: rangeLimit,
  weightMaxAgeDays: fc.record({
    soft: fc.option(fc.integer({ min: 0, max: 3650 }), { nil: null }),
    hard: fc.option(fc.integer({ min: 0, max: 3650 }), { nil: null }),
  }),
});

function boundTexts(drugLimits: DrugLimits): string[] {
  return limitedQuantityNames.flatMap((name) =>
    Object.values(drugLimits[name])
      .filter((value): value is string => value !== null)
      .map((value) => formatNumber(value)),
  );
}

/** Quantities the physician typed: printed as typed when they are plain entries. */
const enteredQuantities: LimitedQuantity[] = ['doseMgPerKg', 'durationMin', 'concentrationMgPerMl'];

describe('the display rule holds in every message that prints a quantity', () => {
  it('checkLimits: findings for arbitrary exact values', () => {
    const values = fc.record(
      Object.fromEntries(limitedQuantityNames.map((name) => [name, anyValue])) as Record<
        LimitedQuantity,
        fc.Arbitrary<Decimal>
      >,
      { requiredKeys: [] },
    );
    let findings = 0;
    fc.assert(
      fc.property(values, limits, fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }), (planned, drug, age) => {
        const entered = new Set(boundTexts(drug));
        for (const name of enteredQuantities) {
          const value = planned[name];
          if (value !== undefined && value.decimalPlaces() <= 6) entered.add(formatNumber(value));
        }
        for (const finding of checkLimits(planned, age, drug)) {
          findings += 1;
          expectDisplayRule(finding.message, entered);
        }
      }),
      { numRuns: 600 },
    );
    expect(findings).toBeGreaterThan(300);
  });

  it('evaluatePlan: findings, signing problems and every formula of the derivation', () => {
    const plan = fc.record({
      basis: fc.constantFrom('mg/kg' as const, 'fixed' as const),
      dose: smallEntry,
      weight: fc.option(fc.record({ value: smallEntry, unit: fc.constantFrom('kg' as const, 'lb' as const) }), {
        nil: null,
      }),
      durationMin: fc.integer({ min: 1, max: 1440 }),
      concentration: smallEntry,
      diluent: smallEntry,
    });
    let lines = 0;
    fc.assert(
      fc.property(plan, limits, (entries, drugLimits) => {
        const weight =
          entries.weight === null
            ? null
            : { ...entries.weight, measuredOn: '2026-11-20', source: 'measured' as const, from: 'entered' as const };
        const content = planWith(weight, {
          doseBasis: entries.basis,
          doseMgPerKg: entries.basis === 'mg/kg' ? entries.dose : null,
          doseMg: entries.basis === 'fixed' ? entries.dose : null,
          durationMin: entries.durationMin,
          concentrationMgPerMl: entries.concentration,
          diluentVolumeMl: entries.diluent,
        });
        const evaluation = evaluatePlan(content, [{ ...demoKetamine, limits: drugLimits }], '2026-11-23');
        const entered = new Set([
          ...boundTexts(drugLimits),
          ...[entries.dose, entries.concentration, entries.diluent, String(entries.durationMin)].map((text) =>
            formatNumber(text),
          ),
          ...(entries.weight === null
            ? []
            : [formatNumber(entries.weight.value), formatNumber(weightKg(entries.weight))]),
        ]);
        const texts = [
          ...evaluation.findings.map((finding) => finding.message),
          ...evaluation.signingProblems.map((problem) => problem.message),
          ...(evaluation.derivation?.lines ?? []).flatMap((line) => [line.formula, line.shown, line.rounding]),
        ];
        lines += texts.length;
        for (const text of texts) expectDisplayRule(text, entered);
      }),
      { numRuns: 400 },
    );
    expect(lines).toBeGreaterThan(2000);
  });

  it('derivedQuantityText and formatRange for any value and any unit of the rule', () => {
    const unit = fc.constantFrom('mg', 'mg/h', 'mg/kg', 'mg/kg/h', 'mg/mL', 'mL', 'mL/h', 'min' as const);
    fc.assert(
      fc.property(anyValue, unit, bound, bound, (value, name, min, max) => {
        const text = derivedQuantityText(value, name);
        expectDisplayRule(text, new Set());
        // "≈" exactly when the printed figure is not the exact value.
        const printed = new Decimal(/[\d,.]+/.exec(text)?.[0].replaceAll(',', '') ?? 'NaN');
        expect(text.startsWith('≈ '), text).toBe(!printed.equals(value));
        const entered = new Set([min, max].filter((text): text is string => text !== null).map(formatNumber));
        expectDisplayRule(formatRange(min, max, name), entered);
      }),
      { numRuns: 1000 },
    );
  });

  it("session deviation lines: a charted rate as charted, the plan's rate by the mL/h rule", () => {
    fc.assert(
      fc.property(smallEntry, smallEntry, fc.integer({ min: 1, max: 1440 }), (charted, doseMg, minutes) => {
        const planned = deriveDose({
          basis: 'fixed',
          doseMgPerKg: null,
          weightKg: null,
          doseMg,
          durationMin: minutes,
          concentrationMgPerMl: '10',
          diluentVolumeMl: '100',
        }).rounded.rateMlPerH;
        const event = administrationEventEntry('rate-change', { rateMlPerH: charted, reason: 'Nausea' });
        const view: SessionEntryView = {
          ...event,
          id: 1,
          occurredAt: '2026-11-23T15:00:00.000Z',
          recordedAt: '2026-11-23T15:00:00.000Z',
          userId: 1,
          printedName: 'Li Chen, RN',
          correctsEntryId: null,
          correctionReason: null,
          correctedByEntryId: null,
          witnessPrintedName: null,
        };
        const lines = entryLines(view, { plannedRateMlPerH: planned ?? null, time: () => '15:00' });
        for (const line of lines) expectDisplayRule(line, new Set([formatNumber(charted)]));
      }),
      { numRuns: 300 },
    );
  });

  it('looked at numbers at all', () => {
    expect(checkedNumbers).toBeGreaterThan(1000);
  });
});

describe('the 40-digit case from the issue', () => {
  it('no finding of a plan with a repeating rate per kg prints more than 3 decimals', () => {
    const weight = { value: '75', unit: 'kg' as const, measuredOn: '2026-11-23', source: 'measured' as const };
    const content = planWith(
      { ...weight, from: 'exam' },
      { doseBasis: 'fixed', doseMg: '40', doseMgPerKg: null, durationMin: 60 },
    );
    const drug = {
      ...demoKetamine,
      limits: { ...noLimits, rateMgPerKgPerH: { hardMin: null, softMin: null, softMax: '0.5', hardMax: null } },
    };
    const [finding] = evaluatePlan(content, [drug], '2026-11-23').findings;
    expect(finding?.message).toBeDefined();
    expect(finding?.message).not.toMatch(/\d\.\d{4,}/);
  });
});
