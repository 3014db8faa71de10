import { formatDate, isCalendarDate, monthAbbreviations as months, parseDateQuery } from './time';

/**
 * A lot expiry as printed on vials: a month ("Jun-2027", "2027-06") or a day ("30-Jun-2027",
 * "2027-06-30"). Returns "yyyy-mm" or "yyyy-mm-dd" as stored, or null when it does not read.
 */
export function parseLotExpiry(text: string): string | null {
  const trimmed = text.trim();
  const day = parseDateQuery(trimmed);
  if (day !== null) return day;
  const numeric = /^(\d{4})-(\d{2})$/.exec(trimmed);
  if (numeric !== null) return isCalendarDate(`${numeric[1]}-${numeric[2]}-01`) ? trimmed : null;
  const named = /^([A-Za-z]{3})-(\d{4})$/.exec(trimmed);
  if (named === null) return null;
  const month = months.findIndex((name) => name.toLowerCase() === named[1]?.toLowerCase()) + 1;
  return month === 0 ? null : `${named[2]}-${String(month).padStart(2, '0')}`;
}

/** "Jun-2027" or "30-Jun-2027". */
export function formatLotExpiry(stored: string): string {
  if (isCalendarDate(stored)) return formatDate(stored);
  const [year = '', month = ''] = stored.split('-');
  return `${months[Number(month) - 1] ?? month}-${year}`;
}

/** The last day the lot may be used, as yyyy-mm-dd (a month expiry runs to its end). */
export function lastUseDay(stored: string): string {
  if (isCalendarDate(stored)) return stored;
  const [year, month] = stored.split('-').map(Number);
  const end = new Date(Date.UTC(year ?? 0, month ?? 0, 0));
  return end.toISOString().slice(0, 10);
}
