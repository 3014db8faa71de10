import type { AdministrationEvent } from '../../../domain/infusion-session';
import { effectiveEntries, pumpState } from '../../../domain/session-state';
import type { SessionEntryView } from '../../../domain/session-view';

export type PumpState = ReturnType<typeof pumpState>;

export interface PumpNow {
  state: PumpState;
  /** The rate last set (start, rate change, resume), with why when it was given. */
  rateMlPerH: string | null;
  rateReason: string;
  /** When the pump reached its present state. */
  since: string | null;
  /** The volume infused as charted at the stop or the end. */
  volumeInfusedMl: string | null;
}

/** What the pump is doing after the standing events, in the order they happened. */
export function pumpNow(entries: readonly SessionEntryView[]): PumpNow {
  const events = effectiveEntries(entries)
    .filter((entry): entry is Extract<SessionEntryView, { kind: 'event' }> => entry.kind === 'event')
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id - b.id);
  const setsRate = (event: AdministrationEvent) => event.rateMlPerH !== null;
  const lastRate = events.filter((entry) => setsRate(entry.content)).at(-1);
  return {
    state: pumpState(entries),
    rateMlPerH: lastRate?.content.rateMlPerH ?? null,
    rateReason: lastRate?.content.reason ?? '',
    since: events.at(-1)?.occurredAt ?? null,
    volumeInfusedMl:
      events.findLast((entry) => entry.content.volumeInfusedMl !== null)?.content.volumeInfusedMl ?? null,
  };
}
