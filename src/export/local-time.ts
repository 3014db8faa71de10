import { formatDateTime } from '../domain/time';

/**
 * formatDateTime for the export's many columns of printed times, remembered per UTC minute:
 * the printed form ("23-Nov-2026 14:05 UTC−05:00") shows minutes, truncated, and a zone's
 * offset changes only on a whole minute, so every instant of one UTC minute prints the same.
 * Building a zoned date for each of a decade's millions of cells was most of the CSV files'
 * time (a month's export: about 3 of its 10 seconds), while entries cluster in few minutes.
 */
const remembered = new Map<string, string>();
/** Bounds the memory: cleared when full, so a decade's minutes never all stay. */
const maxRemembered = 100_000;
const utcMinute = /^(\d{4}-\d\d-\d\dT\d\d:\d\d)(?::\d\d(?:\.\d+)?)?Z$/;

export function exportDateTime(instantIso: string, zone: string): string {
  const minute = utcMinute.exec(instantIso)?.[1];
  if (minute === undefined) return formatDateTime(instantIso, zone);
  const key = `${zone}|${minute}`;
  const known = remembered.get(key);
  if (known !== undefined) return known;
  const text = formatDateTime(instantIso, zone);
  if (remembered.size >= maxRemembered) remembered.clear();
  remembered.set(key, text);
  return text;
}
