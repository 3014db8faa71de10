import type { RawTimeZone } from '@vvo/tzdb';
import { rawTimeZones, timeZonesNames } from '@vvo/tzdb';
import { DateTime } from 'luxon';
import { isValidTimeZone } from './time';

/**
 * The clinic's time zone: current canonical IANA names only (Asia/Kolkata, not Asia/Calcutta),
 * each with its city and country, from @vvo/tzdb (rebuilt from the IANA database on every
 * release) rather than a hand-written table. A legacy name still finds its current one.
 */

/** UTC is offered on purpose, under the name everyone reads ("UTC"), never as a silent default. */
export const utcTimeZone = 'UTC';

export interface TimeZoneEntry {
  /** The current canonical IANA name, as stored: "Asia/Kolkata". */
  zone: string;
  /** The zone's own city, from its name: "Kolkata", "Ho Chi Minh"; empty for UTC. */
  city: string;
  /** "India"; empty for UTC. */
  country: string;
  /** The clock's generic English name: "India Time", "Eastern Time". */
  clockName: string;
  /** The most populated cities that keep this clock (for the zone that stands for its group). */
  otherCities: readonly string[];
  /** Older or alias IANA names that now mean this zone: "Asia/Calcutta", "US/Eastern". */
  formerNames: readonly string[];
}

interface Catalogue {
  entries: readonly TimeZoneEntry[];
  byZone: ReadonlyMap<string, TimeZoneEntry>;
  /** Every known name (current or former, lower-cased) → its current canonical name. */
  canonicalOf: ReadonlyMap<string, string>;
}

let built: Catalogue | undefined;

function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

function cityOf(zone: string): string {
  return lastSegment(zone).replaceAll('_', ' ');
}

/** Offsets sampled over the years: two names of one zone agree on every one of them. */
const historySamples: readonly number[] = Array.from({ length: 2030 - 1970 }, (_, index) => 1970 + index).flatMap(
  (year) => [Date.UTC(year, 0, 15), Date.UTC(year, 6, 15)],
);

function offsetHistory(zone: string): string {
  return historySamples.map((millis) => DateTime.fromMillis(millis, { zone }).offset).join(',');
}

/**
 * The current name a legacy name stands for, among the canonical names of its group (the names
 * that show the same time today in the same country): the one with the same city name
 * ("America/Catamarca" → "America/Argentina/Catamarca"), else the runtime's own resolution
 * (Chromium and Node resolve "US/East-Indiana" to "America/Indianapolis"), else the one that has
 * kept the same offsets since 1970, else the group's main zone.
 */
function currentNameOfLegacy(legacy: string, group: RawTimeZone, candidates: readonly string[]): string {
  if (candidates.length === 1) return candidates[0] ?? group.name;
  const sameName = candidates.find((candidate) => lastSegment(candidate) === lastSegment(legacy));
  if (sameName !== undefined) return sameName;
  let resolved = legacy;
  try {
    resolved = new Intl.DateTimeFormat('en', { timeZone: legacy }).resolvedOptions().timeZone;
  } catch {
    // The runtime does not know the legacy name: fall through to the group's own data.
  }
  if (candidates.includes(resolved)) return resolved;
  const sameCity = candidates.find((candidate) => lastSegment(candidate) === lastSegment(resolved));
  if (sameCity !== undefined) return sameCity;
  const history = offsetHistory(legacy);
  const sameHistory = candidates.filter((candidate) => offsetHistory(candidate) === history);
  return sameHistory.includes(group.name) ? group.name : (sameHistory[0] ?? group.name);
}

/**
 * IANA's other names for UTC (its links to Etc/UTC and Etc/GMT): the group @vvo/tzdb gives UTC
 * with `includeUtc`, written out because asking it computes every zone's offset (a test keeps
 * the two lists equal).
 */
export const utcAliases: readonly string[] = [
  'Etc/UTC',
  'Etc/UCT',
  'Etc/Universal',
  'Etc/Zulu',
  'UCT',
  'Universal',
  'Zulu',
  'Etc/GMT',
  'Etc/GMT+0',
  'Etc/GMT-0',
  'Etc/GMT0',
  'Etc/Greenwich',
  'GMT',
  'GMT+0',
  'GMT-0',
  'GMT0',
  'Greenwich',
];

/**
 * The canonical names this runtime can print times in. A name the runtime lists is known; only
 * the others are tried one by one (each try builds a formatter, which is slow).
 */
function namesKnownToRuntime(names: readonly string[]): Set<string> {
  let listed: ReadonlySet<string> = new Set();
  try {
    listed = new Set(Intl.supportedValuesOf('timeZone'));
  } catch {
    // A runtime without the list: every name is tried.
  }
  return new Set(names.filter((name) => listed.has(name) || isValidTimeZone(name)));
}

function buildCatalogue(): Catalogue {
  const canonicalNames = namesKnownToRuntime(timeZonesNames);
  const entries: TimeZoneEntry[] = [];
  const formerNames = new Map<string, string[]>();
  const canonicalOf = new Map<string, string>();
  const utcFormer = [...utcAliases];
  for (const name of [utcTimeZone, ...utcFormer]) canonicalOf.set(name.toLowerCase(), utcTimeZone);
  formerNames.set(utcTimeZone, utcFormer);
  entries.push({
    zone: utcTimeZone,
    city: '',
    country: '',
    clockName: 'Coordinated Universal Time',
    otherCities: [],
    formerNames: utcFormer,
  });

  for (const group of rawTimeZones) {
    const candidates = group.group.filter((name) => canonicalNames.has(name));
    if (candidates.length === 0) continue;
    for (const zone of candidates) {
      canonicalOf.set(zone.toLowerCase(), zone);
      formerNames.set(zone, []);
      const city = cityOf(zone);
      entries.push({
        zone,
        city,
        country: group.countryName,
        clockName: group.alternativeName,
        otherCities: zone === group.name ? group.mainCities.filter((other) => other !== '' && other !== city) : [],
        formerNames: formerNames.get(zone) ?? [],
      });
    }
    for (const legacy of group.group) {
      if (canonicalNames.has(legacy) || canonicalOf.has(legacy.toLowerCase())) continue;
      const current = currentNameOfLegacy(legacy, group, candidates);
      canonicalOf.set(legacy.toLowerCase(), current);
      formerNames.get(current)?.push(legacy);
    }
  }
  return { entries, byZone: new Map(entries.map((entry) => [entry.zone, entry])), canonicalOf };
}

function catalogue(): Catalogue {
  built ??= buildCatalogue();
  return built;
}

/** Every zone the clinic may choose, UTC first, then the IANA zones this runtime can print. */
export function timeZoneEntries(): readonly TimeZoneEntry[] {
  return catalogue().entries;
}

export function timeZoneEntry(zone: string): TimeZoneEntry | undefined {
  return catalogue().byZone.get(zone);
}

/** True for a current canonical name this runtime knows (and for "UTC"). */
export function isCanonicalTimeZone(zone: string): boolean {
  return catalogue().byZone.has(zone);
}

/**
 * The current canonical name for any known IANA name, current or former, in any letter case:
 * "Asia/Calcutta" → "Asia/Kolkata", "Europe/Kiev" → "Europe/Kyiv", "Etc/UTC" → "UTC".
 * Undefined for a name that is not a time zone.
 */
export function canonicalTimeZone(name: string): string | undefined {
  return catalogue().canonicalOf.get(name.trim().toLowerCase());
}

/** "Kolkata, India", "UTC": how a zone is named to people. */
export function placeOfTimeZone(entry: TimeZoneEntry): string {
  if (entry.zone === utcTimeZone) return 'UTC';
  return entry.country === '' ? entry.city : `${entry.city}, ${entry.country}`;
}

/**
 * Why a time-zone name cannot be the clinic's, in words, or null when it can. A former name is
 * refused with its current one, so that staff in Kolkata or Kyiv read the name of their city.
 */
export function timeZoneProblem(name: string): string | null {
  if (name.trim() === '') return "Choose the clinic's time zone";
  if (isCanonicalTimeZone(name)) return null;
  const current = canonicalTimeZone(name);
  if (current === undefined) return 'Choose a time zone from the list, e.g. America/New_York';
  if (current.toLowerCase() === name.trim().toLowerCase()) return `Write the time zone as the list does: ${current}`;
  const entry = timeZoneEntry(current);
  const place = entry === undefined || current === utcTimeZone ? '' : ` (${placeOfTimeZone(entry)})`;
  return `${name} is an old name: choose its current name, ${current}${place}`;
}

/** A zone name as read from a stored clinic or from a computer's settings. */
export type TimeZoneReading =
  | { kind: 'current'; zone: string }
  | { kind: 'former'; zone: string; given: string }
  | { kind: 'unknown'; given: string };

export function readTimeZoneName(name: string): TimeZoneReading {
  if (isCanonicalTimeZone(name)) return { kind: 'current', zone: name };
  const zone = canonicalTimeZone(name);
  return zone === undefined ? { kind: 'unknown', given: name } : { kind: 'former', zone, given: name };
}

/**
 * What the set-up wizard proposes from the zone the computer reports: that zone under its
 * current name, or no zone at all. A computer on UTC (a common factory setting) or on a zone the
 * app does not know proposes nothing, so that the clinic's zone is always a choice someone made.
 */
export type ComputerTimeZoneProposal =
  Exclude<TimeZoneReading, { kind: 'unknown' }> | { kind: 'none'; reason: 'utc' | 'unknown'; given: string };

export function computerTimeZoneProposal(reported: string | undefined): ComputerTimeZoneProposal {
  const given = reported ?? '';
  const reading = readTimeZoneName(given);
  if (reading.kind === 'unknown') return { kind: 'none', reason: 'unknown', given };
  if (reading.zone === utcTimeZone) return { kind: 'none', reason: 'utc', given };
  return reading;
}
