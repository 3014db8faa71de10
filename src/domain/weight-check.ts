import { z } from 'zod';
import type { Decimal } from './quantity';
import { formatNumber, toDecimal, wholeNumberSchema } from './quantity';
import { formatDate } from './time';
import type { Weight } from './weight';
import { formatWeight, kgPerLb, weightKg, weightSchema } from './weight';

/**
 * The check of a newly entered weight against the patient's previous ones: a weight typed in
 * pounds as kilograms (or the reverse) is off by the factor 2.2046, and every mg/kg dose
 * worked out from it with it. The check says how the entry differs from what was recorded
 * before; it never says what the weight should be.
 */

/** Pounds in a kilogram: 1 / 0.45359237 = 2.20462262…, the ratio a unit mix-up leaves. */
export const lbPerKg: Decimal = toDecimal(1).dividedBy(kgPerLb);

/**
 * How near a ratio must come to that factor to be surfaced: within 3%. A patient's weight
 * does not really change by a factor of 2.2 between visits, while a converted figure lands
 * within a fraction of a percent of it; 3% leaves room for a real change on top of the mix-up
 * (about ±2 kg at 70 kg) and stays far below any ratio a true change would reach.
 */
export const unitFactorTolerancePercent = 3;

/**
 * Until a clinic configures its own: a change of more than 10% within 30 days, and a first
 * weight from 30 to 300 kg. The range is an adult's: under 30 kg is lighter than almost any
 * adult (and is what a light adult's kilograms read as when taken for pounds, 45 kg → 20.4
 * kg); over 300 kg is beyond almost any adult and an infusion chair's rating (and is what
 * the pounds of anyone over 136 kg read as when taken for kilograms).
 */
export const defaultWeightCheckSettings = {
  weightChangePercent: 10,
  weightChangeDays: 30,
  weightPlausibleMinKg: 30,
  weightPlausibleMaxKg: 300,
} as const;

export const weightCheckSettingsSchema = z.object({
  /** A change of more than this percentage of the previous weight… */
  weightChangePercent: wholeNumberSchema('weight change (%)', 1, 100),
  /** …between weights taken at most this many days apart is surfaced. */
  weightChangeDays: wholeNumberSchema('period for a weight change (days)', 1, 3650),
  /** A patient's first weight outside this range (kg) is surfaced. */
  weightPlausibleMinKg: wholeNumberSchema('lowest plausible weight (kg)', 1, 1000),
  weightPlausibleMaxKg: wholeNumberSchema('highest plausible weight (kg)', 1, 1000),
});
export type WeightCheckSettings = z.infer<typeof weightCheckSettingsSchema>;

/** The range must rise: a bottom at or above the top would surface every first weight. */
export function weightRangeIssues(settings: WeightCheckSettings): { path: string; message: string }[] {
  if (settings.weightPlausibleMinKg < settings.weightPlausibleMaxKg) return [];
  return [
    {
      path: 'weightPlausibleMaxKg',
      message: `The highest plausible weight must be above the lowest (${settings.weightPlausibleMinKg} kg)`,
    },
  ];
}

/** The settings in force, in a sentence, for the screen and the printed record. */
export function weightCheckSettingsText(settings: WeightCheckSettings): string {
  return `Surfaced for acknowledgement: a weight within ${unitFactorTolerancePercent}% of 2.2046 times (or 1/2.2046 of) a previous one, at any time; a change of more than ${settings.weightChangePercent}% within ${settings.weightChangeDays} days; a patient's first weight outside ${settings.weightPlausibleMinKg}–${settings.weightPlausibleMaxKg} kg.`;
}

export const weightRecordTypes = ['exam', 'plan'] as const;
export type WeightRecordType = (typeof weightRecordTypes)[number];
const recordWords: Record<WeightRecordType, { this: string; other: string }> = {
  exam: { this: 'this exam', other: 'exam' },
  plan: { this: 'this plan', other: 'infusion plan' },
};

/** A weight recorded in a signed exam or plan, with where it was recorded. */
export const recordedWeightSchema = weightSchema.extend({
  recordType: z.enum(weightRecordTypes),
  recordId: z.number().int().positive(),
  versionId: z.number().int().positive(),
});
export type RecordedWeight = z.infer<typeof recordedWeightSchema>;

export const weightFindingKinds = ['unit-factor', 'change', 'implausible'] as const;
export const weightFindingSchema = z.object({
  kind: z.enum(weightFindingKinds),
  /** In words, with both weights, their dates and sources. */
  message: z.string(),
  entered: weightSchema,
  /** The previous weight it was compared with; null for a patient's first weight. */
  previous: recordedWeightSchema.nullable(),
});
export type WeightFinding = z.infer<typeof weightFindingSchema>;

export interface WeightCheckInput {
  entered: Weight;
  /** Where the weight is being entered. */
  recordType: WeightRecordType;
  /** The patient's weights recorded before, in signed exams and plans. */
  previous: readonly RecordedWeight[];
  settings: WeightCheckSettings;
}

/** The advice each finding ends with, for the form (a signed record leaves it out). */
export const weightCheckAdvice = 'Check the number and its unit.';

/** A finding's words as a signed record shows them: what was found, without the advice. */
export function findingAsRecorded(message: string): string {
  return message.endsWith(weightCheckAdvice) ? message.slice(0, -weightCheckAdvice.length).trimEnd() : message;
}

const sourceWords: Record<Weight['source'], string> = { measured: 'measured', stated: 'stated by the patient' };

function weightWords(weight: Weight, where: string): string {
  return `${formatWeight(weight)} (${sourceWords[weight.source]} on ${formatDate(weight.measuredOn)}, ${where})`;
}

function daysApart(a: string, b: string): number {
  return Math.abs(Math.round((Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000));
}

/** "15.2" or "about 15.2" when rounding to `places` changed the figure. */
function rounded(value: Decimal, places: number): string {
  const shown = value.toDecimalPlaces(places);
  return `${shown.equals(value) ? '' : 'about '}${formatNumber(shown)}`;
}

function nearUnitFactor(ratio: Decimal): boolean {
  const tolerance = toDecimal(unitFactorTolerancePercent).dividedBy(100);
  return (
    ratio.dividedBy(lbPerKg).minus(1).abs().lessThanOrEqualTo(tolerance) ||
    ratio.times(lbPerKg).minus(1).abs().lessThanOrEqualTo(tolerance)
  );
}

/** Newest first: by the date taken, then by the record version that holds it. */
function newestFirst(weights: readonly RecordedWeight[]): RecordedWeight[] {
  return [...weights].sort((a, b) =>
    a.measuredOn === b.measuredOn ? b.versionId - a.versionId : a.measuredOn < b.measuredOn ? 1 : -1,
  );
}

/**
 * Compares a newly entered weight with the patient's previous ones. At most one finding of
 * each kind, about the most recent previous weight that raises it: a ratio near the
 * pound-kilogram factor (at any time span), a change beyond the clinic's threshold within
 * its days, or, for a first weight, a value outside the clinic's plausible adult range.
 */
export function checkWeight({ entered, recordType, previous, settings }: WeightCheckInput): WeightFinding[] {
  const newKg = weightKg(entered);
  const here = weightWords(entered, recordWords[recordType].this);
  const findings: WeightFinding[] = [];
  if (previous.length === 0) {
    const { weightPlausibleMinKg: minKg, weightPlausibleMaxKg: maxKg } = settings;
    if (newKg.lessThan(minKg) || newKg.greaterThan(maxKg)) {
      findings.push({
        kind: 'implausible',
        message: `The weight entered, ${here}, is the first recorded for this patient and is outside your clinic's configured plausible adult range: ${formatNumber(minKg)}–${formatNumber(maxKg)} kg. ${weightCheckAdvice}`,
        entered,
        previous: null,
      });
    }
    return findings;
  }
  // A weight of 0 gives no ratio to compare: the plausible range is the check for it.
  const comparable = newestFirst(previous).filter((weight) => weightKg(weight).greaterThan(0));
  if (newKg.lessThanOrEqualTo(0)) return findings;
  const ratioTo = (weight: RecordedWeight) => newKg.dividedBy(weightKg(weight));
  const there = (weight: RecordedWeight) => weightWords(weight, recordWords[weight.recordType].other);

  const factor = comparable.find((weight) => nearUnitFactor(ratioTo(weight)));
  if (factor !== undefined) {
    const ratio = ratioTo(factor);
    const up = ratio.greaterThan(1);
    findings.push({
      kind: 'unit-factor',
      message: `The weight entered, ${here}, differs from the previous weight, ${there(factor)}, by a factor of ${rounded(up ? ratio : toDecimal(1).dividedBy(ratio), 2)} (${up ? 'higher' : 'lower'}): close to the factor between pounds and kilograms (${rounded(lbPerKg, 4)}), as when a weight in pounds is entered as kilograms or the reverse. ${weightCheckAdvice}`,
      entered,
      previous: factor,
    });
  }

  const change = comparable.find((weight) => {
    if (nearUnitFactor(ratioTo(weight))) return false;
    if (daysApart(weight.measuredOn, entered.measuredOn) > settings.weightChangeDays) return false;
    return ratioTo(weight).minus(1).abs().times(100).greaterThan(settings.weightChangePercent);
  });
  if (change !== undefined) {
    const ratio = ratioTo(change);
    const days = daysApart(change.measuredOn, entered.measuredOn);
    const span = days === 0 ? 'on the same day' : `in ${days} ${days === 1 ? 'day' : 'days'}`;
    findings.push({
      kind: 'change',
      message: `The weight entered, ${here}, differs from the previous weight, ${there(change)}, by ${rounded(ratio.minus(1).abs().times(100), 1)}% (${ratio.greaterThan(1) ? 'higher' : 'lower'}) ${span}: more than the ${settings.weightChangePercent}% within ${settings.weightChangeDays} days your clinic configured. ${weightCheckAdvice}`,
      entered,
      previous: change,
    });
  }
  return findings;
}
