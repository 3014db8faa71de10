import { DateTime, IANAZone } from 'luxon';

/** True when `zone` is an IANA time-zone name this runtime knows, e.g. "America/New_York". */
export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** Calendar date "yyyy-MM-dd" that exists (rejects 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
}

/** Today's calendar date in the clinic's zone. */
export function localDate(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate() ?? '';
}

/** "07-Mar-2026": the only date layout we print (never 07/03/2026, which reads two ways). */
export function formatDate(isoDate: string): string {
  const date = DateTime.fromISO(isoDate, { zone: 'utc', locale: 'en-GB' });
  return date.isValid ? date.toFormat('dd-LLL-yyyy') : 'Not known';
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
  const text = local.toFormat('dd-LLL-yyyy HH:mm');
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
  const parsed = DateTime.fromFormat(trimmed, 'dd-LLL-yyyy', { zone: 'utc', locale: 'en-GB' });
  return parsed.isValid ? parsed.toISODate() : null;
}
