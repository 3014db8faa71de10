import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatAge,
  formatDate,
  formatDateTime,
  formatDurationMin,
  formatUtcOffset,
  isCalendarDate,
  isValidTimeZone,
  localDate,
  parseDateQuery,
} from '../../src/domain/time';

const minus = '\u2212';
const monthAbbreviations = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Calendar dates from year 1000 to 2999 as "yyyy-MM-dd". */
const isoDate = fc
  .date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

describe('formatDate', () => {
  it('prints dd-Mmm-yyyy', () => {
    expect(formatDate('2026-03-07')).toBe('07-Mar-2026');
    expect(formatDate('1945-07-14')).toBe('14-Jul-1945');
  });

  it('uses the same three-letter abbreviation for every month (no "Sept")', () => {
    monthAbbreviations.forEach((abbreviation, index) => {
      const month = String(index + 1).padStart(2, '0');
      expect(formatDate(`2026-${month}-07`)).toBe(`07-${abbreviation}-2026`);
    });
  });

  it('prints "Not known" for a date that does not exist or is not a date', () => {
    expect(formatDate('2026-02-30')).toBe('Not known');
    expect(formatDate('')).toBe('Not known');
    expect(formatDate('yesterday')).toBe('Not known');
  });

  it('always has the dd-Mmm-yyyy shape', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        expect(formatDate(date)).toMatch(/^\d{2}-[A-Z][a-z]{2}-\d{4}$/);
      }),
    );
  });
});

describe('formatUtcOffset', () => {
  it('uses a true minus sign (U+2212) west of Greenwich, and a plus sign elsewhere', () => {
    expect(formatUtcOffset(-300)).toBe(`UTC${minus}05:00`);
    expect(formatUtcOffset(-300)).not.toContain('-');
    expect(formatUtcOffset(-210)).toBe(`UTC${minus}03:30`);
    expect(formatUtcOffset(0)).toBe('UTC+00:00');
    expect(formatUtcOffset(330)).toBe('UTC+05:30');
    expect(formatUtcOffset(345)).toBe('UTC+05:45');
  });
});

describe('formatDateTime', () => {
  it('shows New York time with its offset, across the March DST change', () => {
    // Clocks in New York jump from 02:00 EST to 03:00 EDT at 07:00 UTC on 8 March 2026.
    expect(formatDateTime('2026-03-08T06:59:00.000Z', 'America/New_York')).toBe(`08-Mar-2026 01:59 UTC${minus}05:00`);
    expect(formatDateTime('2026-03-08T07:00:00.000Z', 'America/New_York')).toBe(`08-Mar-2026 03:00 UTC${minus}04:00`);
  });

  it('shows the repeated hour at the November DST change with two different offsets', () => {
    // 01:30 happens twice on 1 November 2026: first in EDT, then in EST.
    expect(formatDateTime('2026-11-01T05:30:00.000Z', 'America/New_York')).toBe(`01-Nov-2026 01:30 UTC${minus}04:00`);
    expect(formatDateTime('2026-11-01T06:30:00.000Z', 'America/New_York')).toBe(`01-Nov-2026 01:30 UTC${minus}05:00`);
  });

  it('shows half-hour offsets (Asia/Kolkata, +05:30)', () => {
    expect(formatDateTime('2026-07-01T00:00:00.000Z', 'Asia/Kolkata')).toBe('01-Jul-2026 05:30 UTC+05:30');
    expect(formatDateTime('2026-12-31T18:30:00.000Z', 'Asia/Kolkata')).toBe('01-Jan-2027 00:00 UTC+05:30');
  });

  it('moves the calendar date when the zone does', () => {
    expect(formatDateTime('2026-01-01T03:00:00.000Z', 'America/New_York')).toBe(`31-Dec-2025 22:00 UTC${minus}05:00`);
  });

  it('reads instants written with an offset', () => {
    expect(formatDateTime('2026-07-01T05:30:00+05:30', 'UTC')).toBe('01-Jul-2026 00:00 UTC+00:00');
  });

  it('leaves the offset out only when asked', () => {
    expect(formatDateTime('2026-07-01T00:00:00.000Z', 'Asia/Kolkata', { offset: false })).toBe('01-Jul-2026 05:30');
  });

  it('prints September with the same three-letter abbreviation as formatDate', () => {
    expect(formatDateTime('2026-09-15T12:00:00.000Z', 'UTC')).toBe('15-Sep-2026 12:00 UTC+00:00');
  });

  it('prints "Not known" for text that is not an instant', () => {
    expect(formatDateTime('not a time', 'UTC')).toBe('Not known');
  });
});

describe('formatAge', () => {
  it('gives whole years from 2 years on', () => {
    expect(formatAge('1945-07-14', '2026-07-13')).toBe('80y');
    expect(formatAge('1945-07-14', '2026-07-14')).toBe('81y');
    expect(formatAge('2024-03-01', '2026-03-01')).toBe('2y');
  });

  it('gives months under 2 years', () => {
    expect(formatAge('2024-03-01', '2026-02-28')).toBe('23m');
    expect(formatAge('2025-03-01', '2026-03-01')).toBe('12m');
    expect(formatAge('2026-01-15', '2026-02-15')).toBe('1m');
  });

  it('gives days under a month, and 0d on the day of birth', () => {
    expect(formatAge('2026-03-01', '2026-03-01')).toBe('0d');
    expect(formatAge('2026-02-01', '2026-02-28')).toBe('27d');
    expect(formatAge('2026-01-15', '2026-02-14')).toBe('30d');
  });

  it('counts leap-day birthdays in leap years and around 28 February/1 March otherwise', () => {
    expect(formatAge('2000-02-29', '2026-02-27')).toBe('25y');
    expect(formatAge('2000-02-29', '2026-03-01')).toBe('26y');
    expect(formatAge('2000-02-29', '2028-02-28')).toBe('27y');
    expect(formatAge('2000-02-29', '2028-02-29')).toBe('28y');
    // An infant born on a leap day.
    expect(formatAge('2024-02-29', '2024-03-28')).toBe('28d');
    expect(formatAge('2024-02-29', '2024-03-29')).toBe('1m');
    expect(formatAge('2024-02-29', '2025-03-01')).toBe('12m');
  });

  it('says the age is not known for a birth date after today or an invalid date', () => {
    expect(formatAge('2026-03-02', '2026-03-01')).toBe('age not known');
    expect(formatAge('2026-02-30', '2026-03-01')).toBe('age not known');
    expect(formatAge('1945-07-14', 'today')).toBe('age not known');
  });
});

describe('parseDateQuery', () => {
  it('reads yyyy-mm-dd and dd-Mmm-yyyy in any case, with surrounding spaces', () => {
    expect(parseDateQuery('1945-07-14')).toBe('1945-07-14');
    expect(parseDateQuery('14-Jul-1945')).toBe('1945-07-14');
    expect(parseDateQuery('14-jul-1945')).toBe('1945-07-14');
    expect(parseDateQuery('14-JUL-1945')).toBe('1945-07-14');
    expect(parseDateQuery('  14-Jul-1945 ')).toBe('1945-07-14');
  });

  it('reads every month as formatDate prints it, including Sep', () => {
    expect(parseDateQuery('14-Sep-1950')).toBe('1950-09-14');
    fc.assert(
      fc.property(isoDate, (date) => {
        expect(parseDateQuery(formatDate(date))).toBe(date);
      }),
    );
  });

  it('returns null for dates that do not exist and for text that is not one date', () => {
    expect(parseDateQuery('1945-02-30')).toBeNull();
    expect(parseDateQuery('30-Feb-1945')).toBeNull();
    expect(parseDateQuery('07/14/1945')).toBeNull();
    expect(parseDateQuery('14/07/1945')).toBeNull();
    expect(parseDateQuery('Ruiz')).toBeNull();
    expect(parseDateQuery('')).toBeNull();
    expect(parseDateQuery('14-Jul')).toBeNull();
  });
});

describe('isCalendarDate', () => {
  it('accepts real dates, leap days included', () => {
    expect(isCalendarDate('2026-03-07')).toBe(true);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2000-02-29')).toBe(true);
  });

  it('rejects dates that do not exist', () => {
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-00-10')).toBe(false);
    expect(isCalendarDate('2026-04-31')).toBe(false);
  });

  it('rejects other layouts and anything around the date', () => {
    for (const text of ['2026-2-3', '20260203', ' 2026-02-03', '2026-02-03 ', '2026-02-03T00:00', '03-Feb-2026', '']) {
      expect(isCalendarDate(text), text).toBe(false);
    }
  });
});

describe('localDate and time zones', () => {
  it("gives today's date in the clinic's zone", () => {
    expect(localDate(new Date('2026-03-08T04:30:00Z'), 'America/New_York')).toBe('2026-03-07');
    expect(localDate(new Date('2026-03-07T19:00:00Z'), 'Asia/Kolkata')).toBe('2026-03-08');
  });

  it('knows IANA zone names and refuses others', () => {
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('Asia/Kolkata')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('formatDurationMin', () => {
  it('prints hours and minutes', () => {
    expect(formatDurationMin(0)).toBe('0 min');
    expect(formatDurationMin(40)).toBe('40 min');
    expect(formatDurationMin(60)).toBe('1 h');
    expect(formatDurationMin(150)).toBe('2 h 30 min');
  });
});
