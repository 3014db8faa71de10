import type { User } from '../../../domain/user';
import { formatDateTime } from '../../../domain/time';

/** "Active", "Deactivated" or "Locked until 23-Nov-2026 14:05 UTC−05:00", in the clinic's zone. */
export function userStatus(user: User, now: Date, clinicTimeZone: string): string {
  if (!user.active) return 'Deactivated';
  if (user.lockedUntil !== null && Date.parse(user.lockedUntil) > now.getTime()) {
    return `Locked until ${formatDateTime(user.lockedUntil, clinicTimeZone)}`;
  }
  return 'Active';
}
