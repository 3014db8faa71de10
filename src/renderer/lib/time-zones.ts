import { DateTime } from 'luxon';
import { isValidTimeZone } from '../../domain/time';
import { formatUtcOffset } from '../../domain/time';

export interface TimeZoneOption {
  zone: string;
  label: string;
}

/** The zone this computer is set to, used as the default choice. */
export function browserTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return isValidTimeZone(zone) ? zone : 'UTC';
}

/** Every IANA zone the runtime knows, each with its offset today, e.g. "America/New_York (UTC−05:00)". */
export function timeZoneOptions(include: string): TimeZoneOption[] {
  const zones = Intl.supportedValuesOf('timeZone');
  const all = zones.includes(include) || !isValidTimeZone(include) ? zones : [include, ...zones];
  const now = DateTime.now();
  return all.map((zone) => ({
    zone,
    label: `${zone.replaceAll('_', ' ')} (${formatUtcOffset(now.setZone(zone).offset)})`,
  }));
}
