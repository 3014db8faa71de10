import type { ServerResponse } from 'node:http';
import type { Ledger } from '../services/ledger';
import { auditHead } from '../services/ledger';

/** How often the audit head is looked at: a change shows on every device within this. */
const pollMs = 250;
/** A comment line this often keeps idle connections (and proxies' timers) open. */
const keepAliveMs = 20_000;
/** Open event streams one device may hold (one per tab). */
const maxPerDevice = 6;

export interface EventSubscriber {
  deviceId: number;
  /** SHA-256 of the device's token, to look its state up again when the ledger changes. */
  tokenSha256: string;
  response: ServerResponse;
}

export interface LedgerEvents {
  /** Starts a stream on a hijacked response; false when the device holds too many already. */
  subscribe(subscriber: EventSubscriber): boolean;
  /** Tells a device's streams it was revoked, then closes them. */
  revoke(deviceId: number): void;
  /** Devices with an open stream (id → token digest), so the host can re-check them when the ledger changes. */
  devices(): ReadonlyMap<number, string>;
  close(): void;
}

/**
 * Server-sent events: every open stream gets `ledger` with the audit head's sequence whenever
 * anything is committed, by this host or any other process writing the file (so a nurse's
 * chairside view refreshes when a physician signs). The head is polled, not hooked into
 * dispatch, so no write path can forget to announce itself.
 */
export function createLedgerEvents(
  ledger: Ledger,
  onChange: (head: number, events: LedgerEvents) => void = () => undefined,
): LedgerEvents {
  const subscribers = new Set<EventSubscriber>();
  let lastHead = auditHead(ledger.raw).seq;

  const send = (subscriber: EventSubscriber, text: string): void => {
    if (!subscriber.response.writableEnded) subscriber.response.write(text);
  };

  const events: LedgerEvents = {
    subscribe: (subscriber) => {
      let count = 0;
      for (const other of subscribers) if (other.deviceId === subscriber.deviceId) count += 1;
      if (count >= maxPerDevice) return false;
      subscribers.add(subscriber);
      subscriber.response.on('close', () => subscribers.delete(subscriber));
      subscriber.response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        connection: 'keep-alive',
      });
      send(subscriber, `retry: 2000\nevent: ledger\ndata: ${JSON.stringify({ head: lastHead })}\n\n`);
      return true;
    },
    revoke: (deviceId) => {
      for (const subscriber of subscribers) {
        if (subscriber.deviceId !== deviceId) continue;
        send(subscriber, 'event: revoked\ndata: {}\n\n');
        subscriber.response.end();
        subscribers.delete(subscriber);
      }
    },
    devices: () => new Map([...subscribers].map((subscriber) => [subscriber.deviceId, subscriber.tokenSha256])),
    close: () => {
      clearInterval(poll);
      clearInterval(keepAlive);
      for (const subscriber of subscribers) subscriber.response.end();
      subscribers.clear();
    },
  };

  const poll = setInterval(() => {
    let head: number;
    try {
      head = auditHead(ledger.raw).seq;
    } catch (error) {
      // A busy or closing file: the next tick tries again.
      console.error('[dosing-ledger] reading the audit head failed:', error);
      return;
    }
    if (head === lastHead) return;
    lastHead = head;
    const line = `event: ledger\ndata: ${JSON.stringify({ head })}\n\n`;
    for (const subscriber of subscribers) send(subscriber, line);
    onChange(head, events);
  }, pollMs);
  const keepAlive = setInterval(() => {
    for (const subscriber of subscribers) send(subscriber, ': keep-alive\n\n');
  }, keepAliveMs);
  poll.unref();
  keepAlive.unref();
  return events;
}
