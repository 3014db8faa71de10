import { DateTime } from 'luxon';
import { formatUtcOffset } from './time';
import type { TimeZoneEntry } from './time-zones';
import { placeOfTimeZone, timeZoneEntries, timeZoneEntry } from './time-zones';

/** A zone as the picker shows it on a given day: its offset then, and why it matched a search. */
export interface TimeZoneChoice {
  entry: TimeZoneEntry;
  /** The zone's UTC offset at the instant asked about (it changes with daylight saving time). */
  offsetMin: number;
  /** "UTC+05:30", "UTC−04:00". */
  offsetLabel: string;
  /** The former name the search matched, e.g. "Europe/Kiev" for "kiev"; shown so the match makes sense. */
  matchedFormerName?: string | undefined;
}

/** The zone's offset from UTC at `at`, from the runtime's own tz data through luxon. */
export function utcOffsetMinutesAt(zone: string, at: Date): number {
  return DateTime.fromJSDate(at, { zone }).offset;
}

export function timeZoneChoice(entry: TimeZoneEntry, at: Date): TimeZoneChoice {
  const offsetMin = utcOffsetMinutesAt(entry.zone, at);
  return { entry, offsetMin, offsetLabel: formatUtcOffset(offsetMin) };
}

/** The choice for a stored or proposed zone name, if it is one the clinic may choose. */
export function timeZoneChoiceOf(zone: string, at: Date): TimeZoneChoice | undefined {
  const entry = timeZoneEntry(zone);
  return entry === undefined ? undefined : timeZoneChoice(entry, at);
}

/** "Kolkata, India (Asia/Kolkata), UTC+05:30": one line that names a zone fully. */
export function describeTimeZoneChoice(choice: TimeZoneChoice): string {
  const { entry } = choice;
  if (entry.zone === 'UTC') return `UTC (Coordinated Universal Time), ${choice.offsetLabel}`;
  return `${placeOfTimeZone(entry)} (${entry.zone}), ${choice.offsetLabel}`;
}

/** Lower case, accents and punctuation folded: "Asia/Ho_Chi_Minh" → "asia ho chi minh". */
export function foldZoneText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface OffsetQuery {
  minutes: number;
  /** Typed without a sign ("5:30"): either side of Greenwich. */
  eitherSign: boolean;
}

/**
 * Reads an offset typed into the search: "UTC+05:30", "+5:30", "gmt-3", "−04:00", "+0545",
 * "5:30". Null when the text is not an offset.
 */
export function parseOffsetQuery(text: string): OffsetQuery | null {
  const match = /^(utc|gmt)?([+\-\u2212])?(\d{1,2})(?::?(\d{2}))?$/i.exec(text.trim());
  if (match === null) return null;
  const [, prefix, sign, hoursText, minutesText] = match;
  const hours = Number(hoursText);
  const minutes = Number(minutesText ?? '0');
  if (hours > 14 || minutes >= 60) return null;
  const total = hours * 60 + minutes;
  if (sign === undefined) return { minutes: total, eitherSign: prefix === undefined };
  return { minutes: sign === '+' ? total : -total, eitherSign: false };
}

function offsetMatches(query: OffsetQuery, offsetMin: number): boolean {
  return query.eitherSign ? Math.abs(offsetMin) === query.minutes : offsetMin === query.minutes;
}

/** One zone ready to be searched on a given day; build once per day with `timeZoneIndex`. */
export interface IndexedTimeZone {
  choice: TimeZoneChoice;
  /** The zone's searchable texts but its former names, folded and joined. */
  text: string;
  /** Words a search may start with for the best rank: the city, the country, the other cities. */
  leading: readonly string[];
  formerNames: readonly { folded: string; name: string }[];
}

function indexChoice(choice: TimeZoneChoice): IndexedTimeZone {
  const { entry } = choice;
  const leading = [entry.city, entry.country, ...entry.otherCities, entry.zone === 'UTC' ? 'UTC' : ''].map(
    foldZoneText,
  );
  const formerNames = entry.formerNames.map((name) => ({ folded: foldZoneText(name), name }));
  const text = [foldZoneText(entry.zone), foldZoneText(entry.clockName), ...leading]
    .filter((part) => part !== '')
    .join(' | ');
  return { choice, text, leading: leading.filter((word) => word !== ''), formerNames };
}

function byOffsetThenPlace(a: TimeZoneChoice, b: TimeZoneChoice): number {
  return (
    a.offsetMin - b.offsetMin ||
    placeOfTimeZone(a.entry).localeCompare(placeOfTimeZone(b.entry), 'en') ||
    a.entry.zone.localeCompare(b.entry.zone, 'en')
  );
}

/** Every zone with its offset at `at`, west to east, ready for `findTimeZones`. */
export function timeZoneIndex(at: Date): IndexedTimeZone[] {
  return timeZoneEntries()
    .map((entry) => timeZoneChoice(entry, at))
    .sort(byOffsetThenPlace)
    .map(indexChoice);
}

/**
 * The zones a search finds, by city, country, other cities, zone name (current or former),
 * clock name or offset on the day the index was built for. Every word must match; zones whose
 * city or country starts with the first word come first, then by offset (west to east) and place.
 */
export function findTimeZones(index: readonly IndexedTimeZone[], query: string): TimeZoneChoice[] {
  const tokens = query
    .trim()
    .replace(/\b(utc|gmt)\s+(?=[+\-\u2212\d])/gi, '$1')
    .split(/\s+/)
    .filter((token) => token !== '');
  if (tokens.length === 0) return index.map((indexed) => indexed.choice);
  const offsets = tokens.map(parseOffsetQuery).filter((offset): offset is OffsetQuery => offset !== null);
  const words = tokens
    .filter((token) => parseOffsetQuery(token) === null)
    .flatMap((token) => foldZoneText(token).split(' '))
    .filter((word) => word !== '');
  const first = words[0];
  const leaders: TimeZoneChoice[] = [];
  const others: TimeZoneChoice[] = [];
  for (const indexed of index) {
    const { choice } = indexed;
    if (!offsets.every((offset) => offsetMatches(offset, choice.offsetMin))) continue;
    const unmatched = words.filter((word) => !indexed.text.includes(word));
    // Words the current names do not explain must all come from one former name ("kiev").
    const former =
      unmatched.length === 0
        ? undefined
        : indexed.formerNames.find(({ folded }) => unmatched.every((word) => folded.includes(word)));
    if (unmatched.length > 0 && former === undefined) continue;
    const leads =
      first === undefined || indexed.leading.some((text) => text.split(' ').some((part) => part.startsWith(first)));
    (leads ? leaders : others).push(former === undefined ? choice : { ...choice, matchedFormerName: former.name });
  }
  return [...leaders, ...others];
}

/** `findTimeZones` over a fresh index for `at`. */
export function searchTimeZones(query: string, at: Date): TimeZoneChoice[] {
  return findTimeZones(timeZoneIndex(at), query);
}
