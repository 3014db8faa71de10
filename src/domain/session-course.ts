import { z } from 'zod';
import { sessionListItemSchema } from './session-list-item';

const scaleTotalSchema = z.number().int().min(0).nullable();
const painSchema = z.number().int().min(0).max(10).nullable();

/**
 * One session as the course of infusions shows it: the list row (status, dates, nurse, drug
 * given) and the figures the course follows, from the standing entries (a corrected entry
 * counts as its correction). No entries: a regular patient has 100+ sessions of ~40 each.
 */
export const sessionCourseItemSchema = sessionListItemSchema.extend({
  /** Totals of the checklist's questionnaires; null when not recorded or left incomplete. */
  phq9: scaleTotalSchema,
  gad7: scaleTotalSchema,
  pcl5: scaleTotalSchema,
  /** Pain on the checklist, before the infusion. */
  painBefore: painSchema,
  /** Pain at the last check (in the order charted) that recorded it. */
  painLastCheck: painSchema,
});
export type SessionCourseItem = z.infer<typeof sessionCourseItemSchema>;

export const sessionCourseSchema = z.object({
  /** Every session of the patient, oldest first (by when it was created, then by ID). */
  sessions: z.array(sessionCourseItemSchema),
});
export type SessionCourse = z.infer<typeof sessionCourseSchema>;
