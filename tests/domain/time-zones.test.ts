import { getTimeZones } from '@vvo/tzdb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalTimeZone,
  computerTimeZoneProposal,
  isCanonicalTimeZone,
  readTimeZoneName,
  timeZoneEntries,
  timeZoneEntry,
  timeZoneProblem,
  utcAliases,
} from '../../src/domain/time-zones';
import { isValidTimeZone } from '../../src/domain/time';

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

const legacyNames = [
  'Asia/Calcutta',
  'Asia/Saigon',
  'Europe/Kiev',
  'Asia/Rangoon',
  'US/Eastern',
  'America/Buenos_Aires',
];

describe('the zones a clinic may choose', () => {
  const zones = timeZoneEntries().map((entry) => entry.zone);

  it('are current canonical IANA names, never the legacy ones staff would not recognise', () => {
    expect(zones).toEqual(expect.arrayContaining(['Asia/Kolkata', 'Asia/Ho_Chi_Minh', 'Europe/Kyiv', 'Asia/Yangon']));
    for (const legacy of [...legacyNames, 'Etc/UTC', 'GMT', 'US/Pacific', 'Europe/Uzhgorod']) {
      expect(zones, legacy).not.toContain(legacy);
    }
    expect(new Set(zones).size).toBe(zones.length);
    expect(zones.length).toBeGreaterThan(400);
  });

  it('offer UTC explicitly, under that name', () => {
    expect(zones).toContain('UTC');
    expect(timeZoneEntry('UTC')?.formerNames).toEqual(expect.arrayContaining(['Etc/UTC', 'GMT']));
  });

  it('are all zones this runtime can print times in', () => {
    for (const zone of zones) expect(isValidTimeZone(zone), zone).toBe(true);
  });

  it('name the city and the country, with the larger cities on the same clock', () => {
    expect(timeZoneEntry('Asia/Kolkata')).toMatchObject({
      city: 'Kolkata',
      country: 'India',
      formerNames: ['Asia/Calcutta'],
    });
    expect(timeZoneEntry('Asia/Kolkata')?.otherCities).toContain('Mumbai');
    expect(timeZoneEntry('Asia/Ho_Chi_Minh')).toMatchObject({ city: 'Ho Chi Minh', country: 'Vietnam' });
    expect(timeZoneEntry('Europe/Kyiv')).toMatchObject({ city: 'Kyiv', country: 'Ukraine' });
    expect(timeZoneEntry('Europe/Kyiv')?.formerNames).toContain('Europe/Kiev');
    expect(timeZoneEntry('America/Indiana/Indianapolis')).toMatchObject({
      city: 'Indianapolis',
      country: 'United States',
    });
  });
});

describe('canonicalTimeZone', () => {
  it('gives the current name of a legacy one', () => {
    expect(canonicalTimeZone('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('Asia/Saigon')).toBe('Asia/Ho_Chi_Minh');
    expect(canonicalTimeZone('Europe/Kiev')).toBe('Europe/Kyiv');
    expect(canonicalTimeZone('US/Eastern')).toBe('America/New_York');
    expect(canonicalTimeZone('US/East-Indiana')).toBe('America/Indiana/Indianapolis');
    expect(canonicalTimeZone('America/Buenos_Aires')).toBe('America/Argentina/Buenos_Aires');
    expect(canonicalTimeZone('Etc/UTC')).toBe('UTC');
    expect(canonicalTimeZone('asia/calcutta')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata');
  });

  it('knows nothing of names that are not time zones', () => {
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeUndefined();
    expect(canonicalTimeZone('')).toBeUndefined();
  });

  it('finds a current name for every zone the runtime reports, whatever name a computer gives', () => {
    for (const reported of Intl.supportedValuesOf('timeZone')) {
      const current = canonicalTimeZone(reported);
      expect(current, reported).toBeDefined();
      expect(isCanonicalTimeZone(current ?? ''), reported).toBe(true);
    }
  });

  it('maps a legacy name to a zone that shows the same time, now and for years to come', () => {
    const legacy = timeZoneEntries().flatMap((entry) => entry.formerNames);
    fc.assert(
      fc.property(
        fc.constantFrom(...legacy),
        fc.date({ min: new Date(), max: new Date(Date.now() + 5 * 365 * 86_400_000), noInvalidDate: true }),
        (name, at) => {
          const current = canonicalTimeZone(name) ?? '';
          expect(intlOffsetMinutes(current, at)).toBe(intlOffsetMinutes(name, at));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('timeZoneProblem', () => {
  it('accepts a current name, and UTC chosen on purpose', () => {
    expect(timeZoneProblem('Asia/Kolkata')).toBeNull();
    expect(timeZoneProblem('Europe/Kyiv')).toBeNull();
    expect(timeZoneProblem('UTC')).toBeNull();
  });

  it('refuses a legacy name in words, naming the current one', () => {
    expect(timeZoneProblem('Asia/Calcutta')).toBe(
      'Asia/Calcutta is an old name: choose its current name, Asia/Kolkata (Kolkata, India)',
    );
    expect(timeZoneProblem('Europe/Kiev')).toContain('Europe/Kyiv (Kyiv, Ukraine)');
    expect(timeZoneProblem('Etc/UTC')).toBe('Etc/UTC is an old name: choose its current name, UTC');
  });

  it('asks for a choice when there is none, and refuses what is not a time zone', () => {
    expect(timeZoneProblem('')).toBe("Choose the clinic's time zone");
    expect(timeZoneProblem('Mars/Olympus_Mons')).toBe('Choose a time zone from the list, e.g. America/New_York');
    expect(timeZoneProblem('asia/kolkata')).toBe('Write the time zone as the list does: Asia/Kolkata');
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const problem = timeZoneProblem(text);
        expect(problem === null ? isCanonicalTimeZone(text) : problem.length > 0).toBe(true);
      }),
    );
  });
});

describe('readTimeZoneName and computerTimeZoneProposal', () => {
  it('reads a stored or reported name as current, former (with its current name) or unknown', () => {
    expect(readTimeZoneName('Asia/Kolkata')).toEqual({ kind: 'current', zone: 'Asia/Kolkata' });
    expect(readTimeZoneName('Asia/Calcutta')).toEqual({ kind: 'former', zone: 'Asia/Kolkata', given: 'Asia/Calcutta' });
    expect(readTimeZoneName('Nowhere/Atlantis')).toEqual({ kind: 'unknown', given: 'Nowhere/Atlantis' });
  });

  it("proposes the computer's own zone under its current name", () => {
    expect(computerTimeZoneProposal('America/New_York')).toEqual({ kind: 'current', zone: 'America/New_York' });
    expect(computerTimeZoneProposal('Asia/Calcutta')).toEqual({
      kind: 'former',
      zone: 'Asia/Kolkata',
      given: 'Asia/Calcutta',
    });
    expect(computerTimeZoneProposal('Europe/Kiev')).toMatchObject({ zone: 'Europe/Kyiv' });
  });

  it('proposes no zone, rather than UTC, when the computer gives none or gives UTC', () => {
    expect(computerTimeZoneProposal(undefined)).toEqual({ kind: 'none', reason: 'unknown', given: '' });
    expect(computerTimeZoneProposal('Nowhere/Atlantis')).toEqual({
      kind: 'none',
      reason: 'unknown',
      given: 'Nowhere/Atlantis',
    });
    expect(computerTimeZoneProposal('UTC')).toEqual({ kind: 'none', reason: 'utc', given: 'UTC' });
    expect(computerTimeZoneProposal('Etc/UTC')).toEqual({ kind: 'none', reason: 'utc', given: 'Etc/UTC' });
  });
});

describe('utcAliases', () => {
  it('are the names @vvo/tzdb groups with UTC', () => {
    const utc = getTimeZones({ includeUtc: true }).find((zone) => zone.name === 'Etc/UTC');
    expect([...utcAliases].sort()).toEqual(utc?.group.filter((name) => name !== 'UTC').sort());
  });
});
