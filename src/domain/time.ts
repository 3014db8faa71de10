import { DateTime, IANAZone } from 'luxon';

/** True when `zone` is an IANA time-zone name this runtime knows, e.g. "America/New_York". */
export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** Calendar date "yyyy-MM-dd" that exists (rejects 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Plain arithmetic: this runs on every date field of every call, and luxon is slow here.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, keeps years 1–99 as written
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Today's calendar date in the clinic's zone. */
export function localDate(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate() ?? '';
}

/**
 * Month abbreviations written out rather than taken from the ICU locale data: en-GB prints
 * "Sept" with current CLDR, which breaks the dd-Mmm-yyyy layout and made "14-Sep-1945"
 * unsearchable. Printed and parsed dates must not change with the runtime's ICU version.
 */
export const monthAbbreviations = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function dayMonthYear(date: DateTime): string {
  return `${date.toFormat('dd')}-${monthAbbreviations[date.month - 1] ?? ''}-${date.toFormat('yyyy')}`;
}

/** "07-Mar-2026": the only date layout we print (never 07/03/2026, which reads two ways). */
export function formatDate(isoDate: string): string {
  const date = DateTime.fromISO(isoDate, { zone: 'utc', locale: 'en-GB' });
  return date.isValid ? dayMonthYear(date) : 'Not known';
}

/** "2 h 30 min", "40 min". */
export function formatDurationMin(totalMin: number): string {
  const hours = Math.floor(totalMin / 60);
  const minutes = totalMin % 60;
  if (hours === 0) return `${minutes} min`;
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}

/** "UTC−05:00" with a true minus sign, as printed next to every time on paper. */
export function formatUtcOffset(offsetMin: number): string {
  const sign = offsetMin < 0 ? '\u2212' : '+';
  const abs = Math.abs(offsetMin);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `UTC${sign}${hh}:${mm}`;
}

/**
 * "23-Nov-2026 14:05 UTC−05:00": a UTC instant shown in the clinic's zone, 24-hour clock,
 * with its offset so a printed time can never be read in the wrong zone.
 */
export function formatDateTime(instantIso: string, zone: string, options: { offset?: boolean } = {}): string {
  const local = DateTime.fromISO(instantIso, { zone: 'utc' }).setZone(zone).setLocale('en-GB');
  if (!local.isValid) return 'Not known';
  const text = `${dayMonthYear(local)} ${local.toFormat('HH:mm')}`;
  return options.offset === false ? text : `${text} ${formatUtcOffset(local.offset)}`;
}

/** Age for the patient banner: years, or months under 2 years, or days under 1 month. */
export function formatAge(dateOfBirth: string, today: string): string {
  const born = DateTime.fromISO(dateOfBirth, { zone: 'utc' });
  const now = DateTime.fromISO(today, { zone: 'utc' });
  if (!born.isValid || !now.isValid || born > now) return 'age not known';
  const { years, months, days } = now.diff(born, ['years', 'months', 'days']).toObject();
  const wholeYears = Math.floor(years ?? 0);
  if (wholeYears >= 2) return `${wholeYears}y`;
  const wholeMonths = wholeYears * 12 + Math.floor(months ?? 0);
  if (wholeMonths >= 1) return `${wholeMonths}m`;
  return `${Math.floor(days ?? 0)}d`;
}

/**
 * Reads a date typed into a search box: "1945-07-14" or "14-Jul-1945" (any case).
 * Returns "yyyy-MM-dd", or null when the text is not one unambiguous date.
 */
export function parseDateQuery(text: string): string | null {
  const trimmed = text.trim();
  if (isCalendarDate(trimmed)) return trimmed;
  const match = /^(\d{2})-([A-Za-z]{3})-(\d{4})$/.exec(trimmed);
  if (match === null) return null;
  const month = monthAbbreviations.findIndex((name) => name.toLowerCase() === match[2]?.toLowerCase()) + 1;
  if (month === 0) return null;
  const iso = `${match[3]}-${String(month).padStart(2, '0')}-${match[1]}`;
  return isCalendarDate(iso) ? iso : null;
}

/**
 * UTC instants bounding whole local days in a zone: from the start of `from` to the start of
 * the day after `to` (exclusive). Either bound may be open.
 */
export function localDaysToUtc(
  from: string | null,
  to: string | null,
  zone: string,
): { fromIso: string | null; toIso: string | null } {
  const start = (date: string) => DateTime.fromISO(date, { zone }).startOf('day');
  return {
    fromIso: from === null ? null : (start(from).toUTC().toISO() ?? null),
    toIso: to === null ? null : (start(to).plus({ days: 1 }).toUTC().toISO() ?? null),
  };
}
