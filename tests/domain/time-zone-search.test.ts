import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IndexedTimeZone, TimeZoneChoice } from '../../src/domain/time-zone-search';
import {
  describeTimeZoneChoice,
  findTimeZones,
  foldZoneText,
  parseOffsetQuery,
  searchTimeZones,
  timeZoneChoiceOf,
  timeZoneIndex,
  utcOffsetMinutesAt,
} from '../../src/domain/time-zone-search';
import { timeZoneEntries } from '../../src/domain/time-zones';

const minus = '\u2212';
const january = new Date('2026-01-15T12:00:00Z');
const july = new Date('2026-07-15T12:00:00Z');

const indexes = new Map<Date, IndexedTimeZone[]>();

/** One index per day, as the picker builds it once when it opens. */
function found(query: string, at = january): TimeZoneChoice[] {
  let index = indexes.get(at);
  if (index === undefined) {
    index = timeZoneIndex(at);
    indexes.set(at, index);
  }
  return findTimeZones(index, query);
}

function zonesFound(query: string, at = january): string[] {
  return found(query, at).map((choice) => choice.entry.zone);
}

/** The offset Intl itself reports ("GMT+05:30"), an oracle independent of luxon. */
function intlOffsetMinutes(zone: string, at: Date): number {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  const match = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(part?.value ?? '');
  if (match === null) throw new Error(`no offset for ${zone}`);
  if (match[1] === undefined) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

describe("a zone's offset today", () => {
  it('follows daylight saving time and odd offsets', () => {
    expect(utcOffsetMinutesAt('Asia/Kolkata', january)).toBe(330);
    expect(utcOffsetMinutesAt('Asia/Kathmandu', july)).toBe(345);
    expect(utcOffsetMinutesAt('America/New_York', january)).toBe(-300);
    expect(utcOffsetMinutesAt('America/New_York', july)).toBe(-240);
    // New York moves its clocks at 02:00 local time on 08-Mar-2026, 07:00 UTC.
    expect(utcOffsetMinutesAt('America/New_York', new Date('2026-03-08T06:59:59Z'))).toBe(-300);
    expect(utcOffsetMinutesAt('America/New_York', new Date('2026-03-08T07:00:00Z'))).toBe(-240);
    expect(utcOffsetMinutesAt('Australia/Lord_Howe', january)).toBe(660);
    expect(utcOffsetMinutesAt('Australia/Lord_Howe', july)).toBe(630);
    expect(utcOffsetMinutesAt('UTC', july)).toBe(0);
  });

  it('agrees with Intl for every zone offered, at any instant', () => {
    const zones = timeZoneEntries().map((entry) => entry.zone);
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }),
        (zone, at) => {
          expect(utcOffsetMinutesAt(zone, at)).toBe(intlOffsetMinutes(zone, at));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('is printed as the UI conventions say', () => {
    expect(timeZoneChoiceOf('Asia/Kolkata', january)?.offsetLabel).toBe('UTC+05:30');
    expect(timeZoneChoiceOf('America/New_York', july)?.offsetLabel).toBe(`UTC${minus}04:00`);
    const kolkata = timeZoneChoiceOf('Asia/Kolkata', january);
    expect(kolkata && describeTimeZoneChoice(kolkata)).toBe('Kolkata, India (Asia/Kolkata), UTC+05:30');
    const utc = timeZoneChoiceOf('UTC', january);
    expect(utc && describeTimeZoneChoice(utc)).toBe('UTC (Coordinated Universal Time), UTC+00:00');
    expect(timeZoneChoiceOf('Asia/Calcutta', january)).toBeUndefined();
  });
});

describe('searchTimeZones', () => {
  it('finds a zone by its city, a larger city on its clock, its country or its zone name', () => {
    expect(zonesFound('kolkata')[0]).toBe('Asia/Kolkata');
    expect(zonesFound('Mumbai')).toEqual(['Asia/Kolkata']);
    expect(zonesFound('india')).toContain('Asia/Kolkata');
    expect(zonesFound('Asia/Kolkata')).toEqual(['Asia/Kolkata']);
    expect(zonesFound('ho chi minh')).toEqual(['Asia/Ho_Chi_Minh']);
    expect(zonesFound('new york')[0]).toBe('America/New_York');
    expect(zonesFound('ukraine')[0]).toBe('Europe/Kyiv');
  });

  it('folds accents and letter case', () => {
    expect(zonesFound('SÃO PAULO')).toContain('America/Sao_Paulo');
    expect(zonesFound('bogota')).toContain('America/Bogota');
    expect(foldZoneText('America/Port-au-Prince')).toBe('america port au prince');
  });

  it('finds the current zone by a former name, and says which', () => {
    const kiev = found('kiev');
    expect(kiev.map((choice) => choice.entry.zone)).toEqual(['Europe/Kyiv']);
    expect(kiev[0]?.matchedFormerName).toBe('Europe/Kiev');
    expect(zonesFound('Saigon')).toEqual(['Asia/Ho_Chi_Minh']);
    expect(zonesFound('calcutta')).toEqual(['Asia/Kolkata']);
    expect(found('kolkata')[0]?.matchedFormerName).toBeUndefined();
  });

  it("finds zones by today's offset, written as people write it", () => {
    for (const query of ['UTC+05:30', 'utc+5:30', '+05:30', '+0530', 'GMT +5:30', '5:30']) {
      expect(zonesFound(query), query).toContain('Asia/Kolkata');
    }
    expect(zonesFound('+5:45')).toEqual(['Asia/Kathmandu']);
    expect(zonesFound(`UTC${minus}05:00`, january)).toContain('America/New_York');
    expect(zonesFound('UTC-05:00', july)).not.toContain('America/New_York');
    expect(zonesFound('UTC-04:00', july)).toContain('America/New_York');
    expect(zonesFound('india +05:30')).toContain('Asia/Kolkata');
    expect(zonesFound('kolkata +06:00')).toEqual([]);
  });

  it('finds UTC by name, first', () => {
    expect(zonesFound('utc')[0]).toBe('UTC');
    expect(zonesFound('Coordinated Universal')).toEqual(['UTC']);
  });

  it('lists every zone, west to east, for an empty search', () => {
    const all = searchTimeZones('  ', january);
    expect(all).toHaveLength(timeZoneEntries().length);
    const offsets = all.map((choice) => choice.offsetMin);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
  });

  it('finds only zones at the offset asked for, and every zone of a place it names', () => {
    const offsets = [...new Set(found('', july).map((choice) => choice.offsetMin))];
    fc.assert(
      fc.property(fc.constantFrom(...offsets), (offsetMin) => {
        const sign = offsetMin < 0 ? '-' : '+';
        const abs = Math.abs(offsetMin);
        const query = `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        const atOffset = found(query, july);
        expect(atOffset.length).toBeGreaterThan(0);
        for (const choice of atOffset) expect(choice.offsetMin).toBe(offsetMin);
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...timeZoneEntries()), (entry) => {
        expect(zonesFound(entry.zone, july)).toContain(entry.zone);
        if (entry.city !== '') expect(zonesFound(entry.city, july)).toContain(entry.zone);
      }),
    );
  });

  it('never throws, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string(), (query) => {
        expect(Array.isArray(found(query, july))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseOffsetQuery', () => {
  it('reads offsets and leaves other text alone', () => {
    expect(parseOffsetQuery('UTC+05:30')).toEqual({ minutes: 330, eitherSign: false });
    expect(parseOffsetQuery(`${minus}03:30`)).toEqual({ minutes: -210, eitherSign: false });
    expect(parseOffsetQuery('utc5')).toEqual({ minutes: 300, eitherSign: false });
    expect(parseOffsetQuery('5:30')).toEqual({ minutes: 330, eitherSign: true });
    expect(parseOffsetQuery('+15')).toBeNull();
    expect(parseOffsetQuery('+05:75')).toBeNull();
    expect(parseOffsetQuery('utc')).toBeNull();
    expect(parseOffsetQuery('kolkata')).toBeNull();
  });
});
