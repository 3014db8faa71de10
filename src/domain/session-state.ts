import type { AdministrationEventType } from './infusion-session';
import type { SessionStatus } from './session-view';

interface EntryLike {
  id: number;
  kind: string;
  occurredAt: string;
  correctedByEntryId: number | null;
  content: unknown;
}

/** Entries that stand: a corrected entry is replaced by its correction. */
export function effectiveEntries<T extends EntryLike>(entries: readonly T[]): T[] {
  return entries.filter((entry) => entry.correctedByEntryId === null);
}

type PumpState = 'not-started' | 'running' | 'paused' | 'stopped' | 'ended';

function eventType(entry: EntryLike): AdministrationEventType | null {
  return entry.kind === 'event' ? (entry.content as { type: AdministrationEventType }).type : null;
}

/** The pump's state after the standing events, in the order they happened. */
export function pumpState(entries: readonly EntryLike[]): PumpState {
  let state: PumpState = 'not-started';
  const events = effectiveEntries(entries)
    .filter((entry) => entry.kind === 'event')
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id - b.id);
  for (const entry of events) {
    const type = eventType(entry);
    if (type === 'start' || type === 'resume' || type === 'rate-change') state = 'running';
    if (type === 'pause') state = 'paused';
    if (type === 'stop') state = 'stopped';
    if (type === 'end') state = 'ended';
  }
  return state;
}

const allowedFrom: Record<AdministrationEventType, readonly PumpState[]> = {
  start: ['not-started'],
  'rate-change': ['running'],
  pause: ['running'],
  resume: ['paused'],
  stop: ['running', 'paused'],
  end: ['running', 'paused', 'stopped'],
};

/** Null when the event may be charted now; otherwise why not, in words. */
export function eventRefusal(state: PumpState, type: AdministrationEventType): string | null {
  if (allowedFrom[type].includes(state)) return null;
  const now: Record<PumpState, string> = {
    'not-started': 'the infusion has not started',
    running: 'the infusion is running',
    paused: 'the infusion is paused',
    stopped: 'the infusion was stopped',
    ended: 'the infusion has ended',
  };
  return `This cannot be charted now: ${now[state]}.`;
}

export function sessionStatus(
  entries: readonly EntryLike[],
  signatures: readonly { meaning: string; lastEntryId: number }[],
): SessionStatus {
  const lastEntryId = Math.max(0, ...entries.map((entry) => entry.id));
  const performed = signatures.filter((signature) => signature.meaning === 'performed');
  if (performed.length > 0) {
    return performed.some((signature) => signature.lastEntryId >= lastEntryId) ? 'Signed' : 'Amended after signing';
  }
  if (effectiveEntries(entries).some((entry) => entry.kind === 'discharge')) return 'Discharged';
  const labels: Record<PumpState, SessionStatus> = {
    'not-started': 'Not started',
    running: 'Running',
    paused: 'Paused',
    stopped: 'Stopped',
    ended: 'Ended',
  };
  return labels[pumpState(entries)];
}
