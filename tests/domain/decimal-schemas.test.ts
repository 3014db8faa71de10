import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { completeExam, demoFormulary, demoKetamine, planWith } from '../../src/cli/demo-clinical';
import { examContentSchema } from '../../src/domain/exam';
import { drugSchema, formularyContentSchema } from '../../src/domain/formulary';
import {
  administrationEventEntry,
  administrationEventSchema,
  checklistSchema,
} from '../../src/domain/infusion-session';
import { drugLimitsSchema, rangeLimitSchema } from '../../src/domain/limits';
import { planContentSchema } from '../../src/domain/plan';
import { decimalSchema } from '../../src/domain/quantity';
import { vitalsSchema } from '../../src/domain/vitals';
import { weightSchema } from '../../src/domain/weight';
import { testChecklist, testVitals } from '../support/session-entries';
import { trickyText } from '../support/tricky-text';

/**
 * Issue 12, point 3: a bound like "abc" made rangeLimitSchema's ordering check throw a
 * DecimalError, which dispatch could only answer with INTERNAL. Every schema that parses a
 * decimal must answer any text with a message on that field, and never throw.
 */

const numberMessage = 'Enter the limit as a number, e.g. 0.5 or 72.4';

type Path = (string | number)[];

interface DecimalField {
  name: string;
  schema: z.ZodType;
  example: unknown;
  /** Where the decimal fields sit in the example. */
  paths: Path[];
}

const bounds = ['hardMin', 'softMin', 'softMax', 'hardMax'];
const limitPaths = (prefix: Path): Path[] =>
  ['doseMgPerKg', 'totalMg', 'rateMgPerKgPerH', 'durationMin', 'concentrationMgPerMl'].flatMap((quantity) =>
    bounds.map((bound) => [...prefix, quantity, bound]),
  );

const plan = planWith(
  { value: '72.4', unit: 'kg', measuredOn: '2026-11-23', source: 'measured', from: 'exam' },
  { doseMg: '40' },
);
const rateChange = administrationEventEntry('end', { rateMlPerH: '150', volumeInfusedMl: '100', wasteMg: '10' });

/** Every schema of src/domain holding a decimalSchema, with each of its decimal fields. */
const fields: DecimalField[] = [
  { name: 'decimalSchema', schema: decimalSchema('dose'), example: '0.5', paths: [[]] },
  {
    name: 'rangeLimitSchema',
    schema: rangeLimitSchema,
    example: demoKetamine.limits.doseMgPerKg,
    paths: bounds.map((bound) => [bound]),
  },
  { name: 'drugLimitsSchema', schema: drugLimitsSchema, example: demoKetamine.limits, paths: limitPaths([]) },
  {
    name: 'drugSchema',
    schema: drugSchema,
    example: demoKetamine,
    paths: [['concentrationsMgPerMl', 0], ['concentrationsMgPerMl', 1], ...limitPaths(['limits'])],
  },
  {
    name: 'formularyContentSchema',
    schema: formularyContentSchema,
    example: demoFormulary,
    paths: [['drugs', 0, 'concentrationsMgPerMl', 0], ...limitPaths(['drugs', 0, 'limits'])],
  },
  {
    name: 'planContentSchema',
    schema: planContentSchema,
    example: plan,
    paths: [['concentrationMgPerMl'], ['diluentVolumeMl'], ['doseMgPerKg'], ['doseMg'], ['weight', 'value']],
  },
  { name: 'weightSchema', schema: weightSchema, example: plan.weight, paths: [['value']] },
  { name: 'vitalsSchema', schema: vitalsSchema, example: testVitals, paths: [['temperatureC']] },
  {
    name: 'examContentSchema',
    schema: examContentSchema,
    example: completeExam('2026-11-23'),
    paths: [['heightCm'], ['weight', 'value'], ['vitals', 'temperatureC']],
  },
  {
    name: 'administrationEventSchema',
    schema: administrationEventSchema,
    example: rateChange.content,
    paths: [['rateMlPerH'], ['volumeInfusedMl'], ['wasteMg']],
  },
  { name: 'checklistSchema', schema: checklistSchema, example: testChecklist, paths: [['vitals', 'temperatureC']] },
];

function withValueAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  parent[path[path.length - 1] as string | number] = value;
  return copy;
}

function valueAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((value, key) => (value as Record<string | number, unknown>)[key], root);
}

describe('decimal fields answer any text with a message on the field, never an exception', () => {
  it('rangeLimitSchema: "abc" is refused on its own field, with no ordering complaint', () => {
    const range = { hardMin: 'abc', softMin: '1', softMax: null, hardMax: null };
    let result: ReturnType<typeof rangeLimitSchema.safeParse> | undefined;
    expect(() => {
      result = rangeLimitSchema.safeParse(range);
    }).not.toThrow();
    expect(result?.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['hardMin', numberMessage],
    ]);
  });

  it('formularyContentSchema: a non-numeric bound is named by its full path', () => {
    const content = withValueAt(demoFormulary, ['drugs', 0, 'limits', 'totalMg', 'softMax'], 'abc');
    const result = formularyContentSchema.safeParse(content);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['drugs.0.limits.totalMg.softMax', numberMessage],
    ]);
  });

  it('still refuses bounds out of order, once every bound is a number', () => {
    const result = rangeLimitSchema.safeParse({ hardMin: '2', softMin: '1', softMax: null, hardMax: null });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      'Bounds must increase: hard minimum ≤ soft minimum ≤ soft maximum ≤ hard maximum',
    ]);
  });

  for (const field of fields) {
    it(`${field.name}: any text in a decimal field`, () => {
      expect(field.schema.safeParse(field.example).success, 'the example parses').toBe(true);
      fc.assert(
        fc.property(fc.constantFrom(...field.paths), trickyText, (path, text) => {
          const input = withValueAt(field.example, path, text);
          let result: z.ZodSafeParseResult<unknown> | undefined;
          expect(
            () => {
              result = field.schema.safeParse(input);
            },
            `${path.join('.')} = ${JSON.stringify(text)}`,
          ).not.toThrow();
          if (result === undefined) return;
          if (result.success) {
            // Accepted only as a plain decimal, stored in its canonical form.
            expect(String(valueAt(result.data, path))).toMatch(/^(0|[1-9]\d*)(\.\d*[1-9])?$/);
          } else {
            // Text that is no number is named on its own field; a number may instead break a
            // rule of the object around it (bounds out of order), named on that object.
            const isNumber = decimalSchema('value').safeParse(text).success;
            const dotted = path.join('.');
            const named = result.error.issues.some((issue) => {
              const at = issue.path.join('.');
              return at === dotted || (isNumber && (at === '' || dotted.startsWith(`${at}.`)));
            });
            expect(named, `${JSON.stringify(result.error.issues)} for ${dotted}`).toBe(true);
          }
        }),
        { numRuns: 200 },
      );
    });
  }
});
