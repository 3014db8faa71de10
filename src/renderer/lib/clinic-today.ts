import { localDate } from '../../domain/time';
import { serverNow } from './server-clock';

/** Today's date in the clinic's zone, by the server's clock (weight ages, exam dates). */
export function clinicToday(clinicTimeZone: string): string {
  return localDate(serverNow(), clinicTimeZone);
}
