import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timeLeftMs, timeLeftText, timeLeftWords } from '../../src/domain/time-left';

describe('the estimate of the time left', () => {
  it('goes on at the pace kept so far: a quarter done in 10 s leaves 30 s', () => {
    expect(timeLeftMs(10_000, 0.25)).toBe(30_000);
    expect(timeLeftText(10_000, 0.25)).toBe('about 30 s left');
    expect(timeLeftText(60_000, 0.2)).toBe('about 4 min left');
  });

  it('is not shown before 2 s, before 2 % is done, or once the job is done', () => {
    expect(timeLeftMs(1999, 0.5)).toBeNull();
    expect(timeLeftMs(5000, 0.019)).toBeNull();
    expect(timeLeftMs(5000, 0)).toBeNull();
    expect(timeLeftMs(5000, 1)).toBeNull();
    expect(timeLeftText(1000, 0.5)).toBeNull();
  });

  it('says it in words with units, never "0 s"', () => {
    expect(timeLeftWords(0)).toBe('about 1 s left');
    expect(timeLeftWords(400)).toBe('about 1 s left');
    expect(timeLeftWords(59_400)).toBe('about 59 s left');
    expect(timeLeftWords(90_000)).toBe('about 2 min left');
    expect(timeLeftWords(60 * 60_000)).toBe('about 1 h left');
    expect(timeLeftWords(125 * 60_000)).toBe('about 2 h 5 min left');
  });

  it('is never negative and shrinks as more is done in the same time, for any reading', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (elapsedMs, a, b) => {
          const [less, more] = a <= b ? [a, b] : [b, a];
          const left = timeLeftMs(elapsedMs, less);
          const leftAfterMore = timeLeftMs(elapsedMs, more);
          if (left !== null) expect(left).toBeGreaterThanOrEqual(0);
          if (left !== null && leftAfterMore !== null) expect(leftAfterMore).toBeLessThanOrEqual(left);
        },
      ),
    );
  });

  it('gives no estimate for readings that make no sense', () => {
    fc.assert(
      fc.property(fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, -0.5), (bad) => {
        expect(timeLeftMs(bad, 0.5)).toBeNull();
        expect(timeLeftMs(10_000, bad)).toBeNull();
      }),
    );
  });
});
