import { DateTime } from 'luxon';
import { formatDate, formatDateTime, formatUtcOffset } from '../../../domain/time';

/**
 * "14:05", or "22-Nov-2026 14:05" when the instant is not on `day` (the session's own date,
 * yyyy-mm-dd in the clinic's zone): a session can run past midnight.
 */
export function entryTime(instantIso: string, zone: string, day: string): string {
  const local = DateTime.fromISO(instantIso, { zone: 'utc' }).setZone(zone);
  if (!local.isValid) return 'Not known';
  return local.toISODate() === day ? local.toFormat('HH:mm') : formatDateTime(instantIso, zone, { offset: false });
}

/** The clinic's date (yyyy-mm-dd) of an instant. */
export function clinicDay(instantIso: string, zone: string): string {
  return DateTime.fromISO(instantIso, { zone: 'utc' }).setZone(zone).toISODate() ?? '';
}

/** "23-Nov-2026", the session's date as printed. */
export function dayText(instantIso: string, zone: string): string {
  return formatDate(clinicDay(instantIso, zone));
}

/** "UTC−05:00" on that instant, said once above a list of bare HH:mm times. */
export function zoneOffsetText(instantIso: string, zone: string): string {
  return formatUtcOffset(DateTime.fromISO(instantIso, { zone: 'utc' }).setZone(zone).offset);
}
