import { formatClockTime } from './clock-time';
import type { AdministrationEventType, SessionEntryKind } from './infusion-session';
import { effectiveEntries } from './session-state';
import { localDate } from './time';

/**
 * The order a session's entries must keep in time. An entry timed before the one it follows
 * would rewrite what happened — an end before its start makes the pump run again — so it is
 * refused with both times, and the nurse checks the time (or corrects the earlier entry).
 *
 * - The checklist comes first; everything else follows it.
 * - Each administration event follows the event before it (the pump's sequence).
 * - The discharge follows the last event (the end, or the early stop).
 * - A correction keeps its place: it may not move past the entry that follows it.
 *
 * Times are compared to the minute, as they are typed and printed.
 */

interface EntryLike {
  id: number;
  kind: string;
  occurredAt: string;
  correctedByEntryId: number | null;
  content: unknown;
}

export interface SequenceCandidate {
  kind: SessionEntryKind;
  /** The event's type, for an administration event. */
  eventType: AdministrationEventType | null;
  occurredAt: string;
}

const eventNames: Record<AdministrationEventType, string> = {
  start: 'the start of the infusion',
  'rate-change': 'the rate change',
  pause: 'the pause',
  resume: 'the resume',
  stop: 'the early stop',
  end: 'the end of the infusion',
};

const kindNames: Record<Exclude<SessionEntryKind, 'event'>, string> = {
  checklist: 'the pre-infusion checklist',
  observation: 'the check',
  'adverse-event': 'the adverse event',
  discharge: 'the discharge',
  supervision: 'the handover of supervision',
};

function nameOf(kind: string, eventType: AdministrationEventType | null): string {
  if (kind === 'event' && eventType !== null) return eventNames[eventType];
  return kindNames[kind as keyof typeof kindNames] ?? 'the entry';
}

function eventTypeOf(entry: EntryLike): AdministrationEventType | null {
  return entry.kind === 'event' ? (entry.content as { type: AdministrationEventType }).type : null;
}

const minuteOf = (instantIso: string) => Math.floor(Date.parse(instantIso) / 60_000);
const ordered = (a: EntryLike, b: EntryLike) => a.occurredAt.localeCompare(b.occurredAt) || a.id - b.id;
const capitalised = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

/** The entries the candidate must follow and, for a correction, must stay before. */
function neighbours(
  entries: readonly EntryLike[],
  candidate: SequenceCandidate,
  correcting: EntryLike | null,
): { before: EntryLike | null; after: EntryLike | null } {
  const others = effectiveEntries(entries)
    .filter((entry) => entry.id !== correcting?.id)
    .sort(ordered);
  const checklist = others.find((entry) => entry.kind === 'checklist') ?? null;
  const events = others.filter((entry) => entry.kind === 'event');
  switch (candidate.kind) {
    case 'checklist':
      return {
        before: null,
        after: correcting === null ? null : (others.find((entry) => entry !== checklist) ?? null),
      };
    case 'event': {
      if (correcting === null) return { before: events.at(-1) ?? checklist, after: null };
      const earlier = events.filter((entry) => ordered(entry, correcting) < 0);
      const later = events.find((entry) => ordered(entry, correcting) > 0);
      const discharge = others.find((entry) => entry.kind === 'discharge') ?? null;
      return { before: earlier.at(-1) ?? checklist, after: later ?? discharge };
    }
    case 'discharge':
      return { before: events.at(-1) ?? checklist, after: null };
    default:
      return { before: checklist, after: null };
  }
}

/** Null when the candidate keeps the session's order in time; otherwise why not, with both times. */
export function sequenceProblem(
  entries: readonly EntryLike[],
  candidate: SequenceCandidate,
  correctingId: number | null,
  zone: string,
): string | null {
  const correcting = correctingId === null ? null : (entries.find((entry) => entry.id === correctingId) ?? null);
  const { before, after } = neighbours(entries, candidate, correcting);
  const today = localDate(new Date(candidate.occurredAt), zone);
  const time = (instantIso: string) => formatClockTime(instantIso, zone, { offset: true, today });
  const what = nameOf(candidate.kind, candidate.eventType);
  if (before !== null && minuteOf(candidate.occurredAt) < minuteOf(before.occurredAt)) {
    const verb = correcting === null ? 'is' : 'would be';
    return `${capitalised(what)} ${verb} timed ${time(candidate.occurredAt)}, before ${nameOf(before.kind, eventTypeOf(before))} it follows (${time(before.occurredAt)}). Check the time, or correct the earlier entry if its time is wrong.`;
  }
  if (after !== null && minuteOf(candidate.occurredAt) > minuteOf(after.occurredAt)) {
    return `${capitalised(what)} would be timed ${time(candidate.occurredAt)}, after ${nameOf(after.kind, eventTypeOf(after))} that follows it (${time(after.occurredAt)}). Check the time.`;
  }
  return null;
}
