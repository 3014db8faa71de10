import type { AdministrationEventType } from '../domain/infusion-session';
import { effectiveEntries } from '../domain/session-state';
import type { SessionEntryView, SessionView } from '../domain/session-view';

export type EntryOfKind<Kind extends SessionEntryView['kind']> = Extract<SessionEntryView, { kind: Kind }>;
export type EventEntry = EntryOfKind<'event'>;

/**
 * A standing entry with the entries it replaced. A correction is a new entry naming the one
 * it corrects, so the entries form chains; the export names every version of a chain after
 * its first entry (a FHIR resource keeps its id across corrections, as an amended exam does).
 */
export interface EntryChain<Entry extends SessionEntryView = SessionEntryView> {
  /** The standing (latest) version. */
  entry: Entry;
  /** The entry the chain began with. */
  rootId: number;
  /** 1 for an entry never corrected, 2 after one correction, and so on. */
  version: number;
  /** Every version, oldest first, the standing one last. */
  versions: Entry[];
}

/** The chain of every standing entry of one kind, in charted order. */
export function entryChains<Kind extends SessionEntryView['kind']>(
  session: SessionView,
  kind: Kind,
): EntryChain<EntryOfKind<Kind>>[] {
  const byId = new Map(session.entries.map((entry) => [entry.id, entry]));
  const isKind = (entry: SessionEntryView | undefined): entry is EntryOfKind<Kind> => entry?.kind === kind;
  return effectiveEntries(session.entries)
    .filter(isKind)
    .map((entry) => {
      const versions: EntryOfKind<Kind>[] = [entry];
      // The service refuses a correction of another kind; the kind check also ends the walk.
      for (let earlier = byId.get(entry.correctsEntryId ?? 0); isKind(earlier);) {
        versions.unshift(earlier);
        earlier = byId.get(earlier.correctsEntryId ?? 0);
      }
      return { entry, rootId: versions[0]?.id ?? entry.id, version: versions.length, versions };
    });
}

const opens: readonly AdministrationEventType[] = ['start', 'resume', 'rate-change'];

/**
 * A stretch of time the pump ran at one rate: from a start, resume or rate change to the next
 * event (rate change, pause, stop or end), or still running when `closer` is null.
 */
export interface RateSegment {
  opener: EntryChain<EventEntry>;
  closer: EventEntry | null;
}

/** The standing events in the order they happened (the pump's own order, as pumpState reads it). */
export function standingEvents(session: SessionView): EntryChain<EventEntry>[] {
  return entryChains(session, 'event').sort(
    (left, right) => left.entry.occurredAt.localeCompare(right.entry.occurredAt) || left.entry.id - right.entry.id,
  );
}

export function rateSegments(session: SessionView): RateSegment[] {
  const segments: RateSegment[] = [];
  let open: EntryChain<EventEntry> | null = null;
  for (const chain of standingEvents(session)) {
    if (open !== null) segments.push({ opener: open, closer: chain.entry });
    open = opens.includes(chain.entry.content.type) ? chain : null;
  }
  if (open !== null) segments.push({ opener: open, closer: null });
  return segments;
}

/** The first standing event of a type, e.g. the start. */
export function firstEvent(session: SessionView, type: AdministrationEventType): EventEntry | undefined {
  return standingEvents(session).find((chain) => chain.entry.content.type === type)?.entry;
}
