import { formatAge, formatDate, localDate } from '../../domain/time';
import { serverNow } from './server-clock';

/** "14-Jul-1945 (81y)": date of birth with the age today in the clinic's zone. */
export function formatBorn(dateOfBirth: string, clinicTimeZone: string): string {
  return `${formatDate(dateOfBirth)} (${formatAge(dateOfBirth, localDate(serverNow(), clinicTimeZone))})`;
}
