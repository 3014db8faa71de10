import { z } from 'zod';
import { timingAcknowledgementSchema } from './session-timing';

/**
 * Who supervised an infusion: the physician on site or immediately available, named when the
 * session starts, and every handover after it with its time. The printed name is stored as it
 * was when charted (set by the service from the user, never as typed), so a later change of
 * name or credentials does not rewrite who supervised.
 */

export const supervisionAvailabilities = ['on-site', 'immediately-available'] as const;
export type SupervisionAvailability = (typeof supervisionAvailabilities)[number];

export const supervisionAvailabilityLabels: Record<SupervisionAvailability, string> = {
  'on-site': 'On site',
  'immediately-available': 'Immediately available',
};

const availabilitySchema = z.enum(supervisionAvailabilities, { error: 'Choose on site or immediately available' });

/** What the nurse chooses: the physician (a user) and how they are available. */
export const supervisionChoiceSchema = z
  .object({ physicianUserId: z.number().int().positive(), availability: availabilitySchema })
  .strict();
export type SupervisionChoice = z.infer<typeof supervisionChoiceSchema>;

/** Stored in the pre-infusion checklist (optional: sessions started before it existed). */
export const supervisionSchema = z.object({
  physicianUserId: z.number().int().positive(),
  printedName: z.string().max(300),
  availability: availabilitySchema,
});
export type Supervision = z.infer<typeof supervisionSchema>;

/** A handover, charted as its own entry with the time the other physician took over. */
export const supervisionHandoverSchema = supervisionSchema.extend({
  note: z
    .string()
    .max(1000, 'Use at most 1000 characters')
    .transform((value) => value.normalize('NFC')),
  /** As on every kind of entry: set by the service, never as sent. */
  timing: timingAcknowledgementSchema.optional(),
});
export type SupervisionHandover = z.infer<typeof supervisionHandoverSchema>;

interface EntryLike {
  id: number;
  kind: string;
  occurredAt: string;
  correctedByEntryId: number | null;
  content: unknown;
}

export interface SupervisionPeriod {
  physicianUserId: number;
  printedName: string;
  availability: SupervisionAvailability;
  fromAt: string;
  /** When the next physician took over; null for the one supervising to the end. */
  untilAt: string | null;
  note: string;
}

/**
 * "Supervised by": who from when, from the checklist's physician and the standing handovers in
 * the order they happened. Empty for a session started before supervision was recorded.
 */
export function supervisionTimeline(entries: readonly EntryLike[]): SupervisionPeriod[] {
  const standing = entries
    .filter((entry) => entry.correctedByEntryId === null)
    .slice()
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id - b.id);
  const periods: SupervisionPeriod[] = [];
  for (const entry of standing) {
    let found: { supervision: Supervision; note: string } | null = null;
    if (entry.kind === 'checklist') {
      const supervision = (entry.content as { supervision?: Supervision }).supervision;
      if (supervision !== undefined) found = { supervision, note: '' };
    } else if (entry.kind === 'supervision') {
      const handover = entry.content as SupervisionHandover;
      found = { supervision: handover, note: handover.note };
    }
    if (found === null) continue;
    const previous = periods.at(-1);
    if (previous !== undefined) previous.untilAt = entry.occurredAt;
    periods.push({
      physicianUserId: found.supervision.physicianUserId,
      printedName: found.supervision.printedName,
      availability: found.supervision.availability,
      fromAt: entry.occurredAt,
      untilAt: null,
      note: found.note,
    });
  }
  return periods;
}
