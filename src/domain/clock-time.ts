import { formatDateTime } from './time';

/**
 * "14:05" or "14:05 UTC−05:00": the time part of the domain's one date-time format, so
 * the clock reads the same everywhere. With `today` given, another day's instant keeps its
 * date: "22-Nov-2026 14:05 UTC−05:00".
 */
export function formatClockTime(
  instantIso: string,
  zone: string,
  options: { offset?: boolean; today?: string } = {},
): string {
  const full = formatDateTime(instantIso, zone, { offset: options.offset ?? false });
  const [date = '', ...rest] = full.split(' ');
  if (rest.length === 0) return full;
  if (options.today !== undefined && formatDateTime(`${options.today}T12:00:00Z`, 'UTC').split(' ')[0] !== date) {
    return full;
  }
  return rest.join(' ');
}
