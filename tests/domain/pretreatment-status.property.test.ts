import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PretreatmentRequirements } from '../../src/domain/pretreatment-requirements';
import { daysBetween, pretreatmentStatus } from '../../src/domain/pretreatment-requirements';
import type { PretreatmentResult } from '../../src/domain/pretreatment-results';

const start = Date.parse('2024-01-01T00:00:00.000Z');
const day = 86_400_000;
const dateArb = fc
  .integer({ min: 0, max: 3 * 365 })
  .map((offset) => new Date(start + offset * day).toISOString().slice(0, 10));
const addDays = (iso: string, count: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + count * day).toISOString().slice(0, 10);

type Result = Pick<PretreatmentResult, 'takenOn' | 'value'>;
const ecg = (takenOn: string | null): Result => ({
  takenOn,
  value: { kind: 'ecg', rhythm: '', rateBpm: null, qtcMs: null, interpretation: null, text: '' },
});
const requireEcg = (maxAgeDays: number): PretreatmentRequirements => ({
  items: [],
  required: [{ kind: 'ecg', indications: 'all', maxAgeDays }],
});
const statusOf = (maxAgeDays: number, results: Result[], examDate: string) =>
  pretreatmentStatus(requireEcg(maxAgeDays), results, 'F33.9', examDate)[0];

describe('the staleness rule of pre-treatment results', () => {
  it('is current up to the limit day exactly and stale the day after', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 400 }), (examDate, maxAgeDays) => {
        expect(statusOf(maxAgeDays, [ecg(addDays(examDate, -maxAgeDays))], examDate)).toMatchObject({
          status: 'current',
          ageDays: maxAgeDays,
        });
        expect(statusOf(maxAgeDays, [ecg(addDays(examDate, -maxAgeDays - 1))], examDate)).toMatchObject({
          status: 'stale',
          ageDays: maxAgeDays + 1,
        });
      }),
    );
  });

  it('never counts a result dated after the exam', () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 400 }),
        (examDate, maxAgeDays, ahead) => {
          expect(statusOf(maxAgeDays, [ecg(addDays(examDate, ahead))], examDate)?.status).toBe('missing');
        },
      ),
    );
  });

  it('judges by the newest result taken on or before the exam', () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 1, max: 400 }),
        fc.array(fc.integer({ min: -800, max: 30 }), { minLength: 1, maxLength: 8 }),
        (examDate, maxAgeDays, offsets) => {
          const results = offsets.map((offset) => ecg(addDays(examDate, offset)));
          const counted = offsets.filter((offset) => offset <= 0);
          const status = statusOf(maxAgeDays, results, examDate);
          if (counted.length === 0) {
            expect(status?.status).toBe('missing');
            return;
          }
          const newest = Math.max(...counted);
          const ageDays = 0 - newest || 0;
          expect(status).toMatchObject({ ageDays, status: ageDays <= maxAgeDays ? 'current' : 'stale' });
        },
      ),
    );
  });

  it('is not changed by adding an older result', () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 1, max: 400 }),
        fc.array(fc.integer({ min: -800, max: 30 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 400 }),
        (examDate, maxAgeDays, offsets, older) => {
          const results = offsets.map((offset) => ecg(addDays(examDate, offset)));
          const before = statusOf(maxAgeDays, results, examDate);
          const oldest = Math.min(...offsets.filter((offset) => offset <= 0), 0);
          const after = statusOf(maxAgeDays, [...results, ecg(addDays(examDate, oldest - older))], examDate);
          // "Older" is older than the newest result counted; with none counted there is nothing to compare.
          fc.pre(before?.status !== 'missing');
          expect(after).toEqual(before);
        },
      ),
    );
  });

  it('counts whole calendar days across a change of month and year', () => {
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});
