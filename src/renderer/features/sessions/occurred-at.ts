import { DateTime } from 'luxon';
import type { FieldIssue } from '../../../contract/errors';
import { formatDate } from '../../../domain/time';
import { parseDate } from '../../lib/parse-fields';

/** When something happened, as typed: the clinic's wall-clock date and 24-hour time. */
export interface OccurredAtValues {
  date: string;
  time: string;
}

/** The server accepts times up to five minutes ahead of its clock (devices drift); so do we. */
const futureToleranceMs = 5 * 60_000;

const timePattern = /^([01]?\d|2[0-3])[:.h]?([0-5]\d)$/;

/** An instant as the clinic's wall clock shows it, ready to be edited. */
export function occurredAtValues(instant: Date | string, zone: string): OccurredAtValues {
  const local =
    typeof instant === 'string'
      ? DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone)
      : DateTime.fromJSDate(instant, { zone });
  return { date: formatDate(local.toISODate() ?? ''), time: local.toFormat('HH:mm') };
}

/**
 * The UTC instant of a typed clinic date and time, or null with the problems noted under
 * `path.date` and `path.time`. A time the clocks skipped (daylight saving) is refused rather
 * than silently moved.
 */
export function parseOccurredAt(
  values: OccurredAtValues,
  zone: string,
  path: string,
  issues: FieldIssue[],
  nowMs: number,
): string | null {
  const date = parseDate(values.date, `${path}.date`, issues, 'Enter the date it happened');
  const time = timePattern.exec(values.time.trim());
  if (values.time.trim() === '') issues.push({ path: `${path}.time`, message: 'Enter the time it happened' });
  else if (time === null)
    issues.push({ path: `${path}.time`, message: 'Enter the time as HH:mm on the 24-hour clock, e.g. 14:05' });
  if (date === null || time === null) return null;
  const [year, month, day] = date.split('-').map(Number);
  const hour = Number(time[1]);
  const minute = Number(time[2]);
  const local = DateTime.fromObject({ year, month, day, hour, minute }, { zone });
  if (!local.isValid || local.hour !== hour || local.minute !== minute) {
    issues.push({ path: `${path}.time`, message: 'This time did not exist here: the clocks changed. Check the time' });
    return null;
  }
  if (local.toMillis() > nowMs + futureToleranceMs) {
    issues.push({ path: `${path}.time`, message: 'This time is in the future. Check the date and time' });
    return null;
  }
  return local.toUTC().toISO({ suppressMilliseconds: true });
}
