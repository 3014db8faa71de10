import type { Decimal } from './quantity';
import { formatNumber, roundToStep, toDecimal } from './quantity';
import type { ResponseDefinitionAsWorded, ResponseScaleId } from './response-definitions';
import { responseScaleIds, ruleMet, ruleText } from './response-definitions';
import type { Scales } from './scales';
import { scaleTotal } from './scales';

/**
 * The course of a series on each scale: baseline, every session's value, the change from
 * baseline, and which of the chosen definitions each value meets. Arithmetic on recorded
 * values only: it says what the numbers are, never what to do next.
 */

export type ScaleValues = Record<ResponseScaleId, number | null>;

/** Per cents are shown to one decimal, half away from zero; the exact figure is kept beside it. */
export const percentStep = '0.1';
export const percentRoundingRule = 'per cent of baseline, rounded to 0.1% (half away from zero)';

export interface Baseline {
  value: number;
  /** The exam the plan rests on, or (when it lacks the scale) the first session that recorded it. */
  source: 'exam' | 'first-session';
  /** The session the baseline came from (first-session only). */
  sessionId: number | null;
}

export interface Change {
  /** value − baseline: negative when the score went down. */
  points: number;
  /** (value − baseline) ÷ baseline × 100, exact; null when the baseline is 0. */
  percent: Decimal | null;
  /** "−6 points (−40%)", "≈ −33.3%" when rounded, or why no per cent. */
  text: string;
}

export interface DefinitionResult {
  definition: ResponseDefinitionAsWorded;
  /** Null when it cannot be judged (no baseline, or a per cent of a baseline of 0). */
  met: boolean | null;
  text: string;
}

export interface CourseRow {
  sessionId: number;
  value: number | null;
  change: Change | null;
  definitions: DefinitionResult[];
}

export interface ScaleCourse {
  scale: ResponseScaleId;
  baseline: Baseline | null;
  rows: CourseRow[];
}

/**
 * The drop from baseline in per cent: (baseline − value) ÷ baseline × 100, in decimals (exact
 * where the quotient ends, as 9 of 18; else to 20 significant digits, far below the 0.1% shown).
 * Multiplied before dividing, so a terminating quotient is never cut short.
 */
export function dropPercent(baseline: number, value: number): Decimal | null {
  if (baseline === 0) return null;
  return toDecimal(baseline).minus(value).times(100).dividedBy(baseline);
}

const signed = (value: Decimal | number) => {
  const decimal = toDecimal(value);
  if (decimal.isZero()) return '0';
  return `${decimal.isNegative() ? '−' : '+'}${formatNumber(decimal.abs())}`;
};

/** The change from baseline in words, with the rounding marked where the per cent is rounded. */
export function changeFrom(baseline: number, value: number): Change {
  const points = value - baseline;
  const pointsText = points === 0 ? 'no change' : `${signed(points)} ${Math.abs(points) === 1 ? 'point' : 'points'}`;
  const drop = dropPercent(baseline, value);
  if (drop === null) return { points, percent: null, text: `${pointsText} (per cent not computable: baseline 0)` };
  const percent = drop.negated();
  const shown = roundToStep(percent, percentStep);
  const percentText = `${shown.equals(percent) ? '' : '≈ '}${signed(shown)}%`;
  return { points, percent, text: `${pointsText} (${percentText})` };
}

function definitionResult(
  definition: ResponseDefinitionAsWorded,
  baseline: number | null,
  value: number,
): DefinitionResult {
  const met = ruleMet(definition.rule, baseline, value);
  const rule = ruleText(definition.scale, definition.rule);
  const text =
    met === null
      ? `${definition.label} cannot be judged (${rule}: ${baseline === null ? 'no baseline' : 'baseline 0'})`
      : `${definition.label} ${met ? 'met' : 'not met'} (${rule})`;
  return { definition, met, text };
}

/** Each scale's total at an exam (pain as rated), null where not done or unfinished. */
export function examScaleValues(scales: Scales): ScaleValues {
  return {
    phq9: scaleTotal(scales.phq9),
    gad7: scaleTotal(scales.gad7),
    pcl5: scaleTotal(scales.pcl5),
    painNrs: scales.painNrs,
  };
}

/**
 * The series on every scale that has a value or a definition. `sessions` oldest first;
 * `examValues` from the exam the plan rests on (null when there is none).
 */
export function courseResponse(input: {
  examValues: ScaleValues | null;
  sessions: readonly { sessionId: number; values: ScaleValues }[];
  definitions: readonly ResponseDefinitionAsWorded[];
}): ScaleCourse[] {
  return responseScaleIds.flatMap((scale) => {
    const definitions = input.definitions.filter((definition) => definition.scale === scale);
    const examValue = input.examValues?.[scale] ?? null;
    const first = input.sessions.find((session) => session.values[scale] !== null);
    const hasAny = examValue !== null || first !== undefined;
    if (!hasAny && definitions.length === 0) return [];
    const baseline: Baseline | null =
      examValue !== null
        ? { value: examValue, source: 'exam', sessionId: null }
        : first === undefined
          ? null
          : { value: first.values[scale] ?? 0, source: 'first-session', sessionId: first.sessionId };
    const rows = input.sessions.map((session): CourseRow => {
      const value = session.values[scale];
      if (value === null) return { sessionId: session.sessionId, value, change: null, definitions: [] };
      return {
        sessionId: session.sessionId,
        value,
        change: baseline === null ? null : changeFrom(baseline.value, value),
        definitions: definitions.map((definition) => definitionResult(definition, baseline?.value ?? null, value)),
      };
    });
    return [{ scale, baseline, rows }];
  });
}

/** "Baseline 15 (exam the plan rests on)" or "Baseline 15 (first session: no value at the exam)". */
export function baselineText(baseline: Baseline | null): string {
  if (baseline === null) return 'No baseline: not recorded at the exam or at any session';
  return baseline.source === 'exam'
    ? `Baseline ${baseline.value} (at the exam the plan rests on)`
    : `Baseline ${baseline.value} (at the first session that recorded it: not recorded at the exam)`;
}
