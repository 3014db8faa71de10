import { useSyncExternalStore } from 'react';
import { eventsPath } from './clinic-invoke';

export interface LedgerChanges {
  /** The host's `ledger` event: the audit head is now `head`. */
  noteHead: (head: number) => void;
  /** How many changes this page has been told of; 0 in browser mode and Electron, which have no events. */
  count: () => number;
  subscribe: (listener: () => void) => () => void;
}

/**
 * Counts ledger changes announced by the clinic host. The host sends the current head when a
 * stream opens (also after a reconnection), so the first head is only remembered, and a
 * reconnection counts as a change only when something was committed in between.
 */
export function createLedgerChanges(): LedgerChanges {
  let count = 0;
  let lastHead: number | null = null;
  const listeners = new Set<() => void>();
  return {
    noteHead: (head) => {
      const changed = lastHead !== null && head !== lastHead;
      lastHead = head;
      if (!changed) return;
      count += 1;
      for (const listener of listeners) listener();
    },
    count: () => count,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The page's one counter (one event stream per page). */
export const ledgerChanges = createLedgerChanges();

/**
 * The number of ledger changes seen so far: a read-only view puts it among its effect's
 * dependencies to read again when anything is committed, on this device or another.
 */
export function useLedgerChanges(): number {
  return useSyncExternalStore(ledgerChanges.subscribe, ledgerChanges.count, () => 0);
}

/** The part of EventSource used here, so tests can drive it. */
export interface EventStream {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  onerror: ((event: Event) => void) | null;
  close(): void;
}

/** EventSource.CLOSED: the browser gave up (the host refused the stream) and will not retry. */
const closedState = 2;

export interface LedgerEventHandlers {
  /** This device was revoked: back to the device screen, signed out. */
  onRevoked: () => void;
  /** The host refused the stream (the device is no longer enrolled, say): ask the host what the device is. */
  onRefused: () => void;
}

/**
 * Opens the page's stream of ledger events from the clinic host (clinic mode only) and returns
 * the function that closes it. The browser reconnects by itself after a network error.
 */
export function openLedgerEvents(
  handlers: LedgerEventHandlers,
  changes: LedgerChanges = ledgerChanges,
  open: (path: string) => EventStream = (path) => new EventSource(path),
): () => void {
  const source = open(eventsPath);
  source.addEventListener('ledger', (event) => {
    try {
      const head = (JSON.parse(event.data) as { head?: unknown }).head;
      if (typeof head === 'number') changes.noteHead(head);
    } catch {
      // Not a ledger event this page understands: the next one will do.
    }
  });
  source.addEventListener('revoked', () => {
    source.close();
    handlers.onRevoked();
  });
  source.onerror = () => {
    if (source.readyState === closedState) handlers.onRefused();
  };
  return () => source.close();
}
