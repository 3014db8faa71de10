import { DateTime } from 'luxon';

/** A backup still running this long after its daily time is not yet late. */
export const dailyGraceMs = 60 * 60_000;
/** Without a daily time (backups on quit or by hand), a week without one is overdue. */
export const unscheduledMaxAgeMs = 7 * 24 * 60 * 60_000;

function atDailyTime(day: DateTime, dailyAt: string): DateTime {
  const [hour = 0, minute = 0] = dailyAt.split(':').map(Number);
  return day.set({ hour, minute, second: 0, millisecond: 0 });
}

/** The latest instant at or before `now` when the clinic-local time read `dailyAt`. */
export function latestDailySlot(now: Date, dailyAt: string, timeZone: string): Date {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  const today = atDailyTime(local, dailyAt);
  return (today.toMillis() <= now.getTime() ? today : atDailyTime(local.minus({ days: 1 }), dailyAt)).toJSDate();
}

/** The next instant after `now` when the clinic-local time reads `dailyAt` (DST days included). */
export function nextDailySlot(now: Date, dailyAt: string, timeZone: string): Date {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  const today = atDailyTime(local, dailyAt);
  return (today.toMillis() > now.getTime() ? today : atDailyTime(local.plus({ days: 1 }), dailyAt)).toJSDate();
}

/**
 * Whether the last good backup is older than the schedule allows: with a daily time, none since
 * the latest daily time that is more than an hour past; otherwise none in the last week.
 */
export function backupOverdue(
  now: Date,
  lastGoodAt: Date | null,
  schedule: { dailyAt: string | null; timeZone: string },
): boolean {
  if (schedule.dailyAt === null) {
    return lastGoodAt === null || now.getTime() - lastGoodAt.getTime() > unscheduledMaxAgeMs;
  }
  let due = latestDailySlot(now, schedule.dailyAt, schedule.timeZone);
  if (now.getTime() - due.getTime() < dailyGraceMs) {
    due = latestDailySlot(new Date(due.getTime() - 1), schedule.dailyAt, schedule.timeZone);
  }
  return lastGoodAt === null || lastGoodAt.getTime() < due.getTime();
}
