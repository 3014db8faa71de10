import { z } from 'zod';
import { isValidTimeZone } from './time';
import { timeZoneProblem } from './time-zones';

/**
 * The zone a clinic is set up with or changed to: a current canonical IANA name (or UTC, chosen
 * on purpose). A legacy name is refused with its current name, so that the one clock everybody
 * reads carries the name of their own city.
 */
export const clinicTimeZoneSchema = z.string().superRefine((zone, context) => {
  const problem = timeZoneProblem(zone);
  if (problem !== null) context.addIssue({ code: 'custom', message: problem });
});

/**
 * The zone a clinic already holds. A clinic set up before legacy names were refused keeps its
 * zone (it prints the same times as its current name) and loads as before; its settings screen
 * shows the current name and says so, and saving the settings stores that.
 */
export const storedTimeZoneSchema = z
  .string()
  .refine(isValidTimeZone, 'Choose a time zone from the list, e.g. America/New_York');
