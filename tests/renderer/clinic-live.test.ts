import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HostBanner } from '../../src/renderer/components/HostUnreachableBanner';
import { createHostReachability, reachabilityRetryMs } from '../../src/renderer/lib/host-reachability';
import type { EventStream } from '../../src/renderer/lib/ledger-changes';
import { createLedgerChanges, openLedgerEvents } from '../../src/renderer/lib/ledger-changes';

/** An EventSource the test drives: what the clinic host would send on /api/events. */
class FakeStream implements EventStream {
  readyState = 1;
  closed = false;
  onerror: ((event: Event) => void) | null = null;
  private readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  constructor(readonly path: string) {}
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  emit(type: string, data: string): void {
    for (const listener of this.listeners.get(type) ?? []) listener({ data } as MessageEvent<string>);
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the ledger-change store', () => {
  it('remembers the head sent when the stream opens, then counts each new head once', () => {
    const changes = createLedgerChanges();
    const heard = vi.fn();
    changes.subscribe(heard);
    changes.noteHead(41);
    expect(changes.count()).toBe(0);
    changes.noteHead(42);
    changes.noteHead(42);
    changes.noteHead(45);
    expect(changes.count()).toBe(2);
    expect(heard).toHaveBeenCalledTimes(2);
  });

  it('opens /api/events, counts `ledger` events, and reports a revocation and a refused stream', () => {
    const changes = createLedgerChanges();
    const handlers = { onRevoked: vi.fn(), onRefused: vi.fn() };
    let stream: FakeStream | undefined;
    const close = openLedgerEvents(handlers, changes, (path) => (stream = new FakeStream(path)));
    if (stream === undefined) throw new Error('no stream opened');
    expect(stream.path).toBe('/api/events');
    stream.emit('ledger', '{"head":7}');
    stream.emit('ledger', '{"head":8}');
    stream.emit('ledger', 'not json');
    expect(changes.count()).toBe(1);

    // A network error while connecting again is the browser's to retry; a closed stream is a refusal.
    stream.readyState = 0;
    stream.onerror?.(new Event('error'));
    expect(handlers.onRefused).not.toHaveBeenCalled();
    stream.readyState = 2;
    stream.onerror?.(new Event('error'));
    expect(handlers.onRefused).toHaveBeenCalledOnce();

    stream.readyState = 1;
    stream.emit('revoked', '{}');
    expect(handlers.onRevoked).toHaveBeenCalledOnce();
    expect(stream.closed).toBe(true);
    close();
  });
});

describe('the host-unreachable banner', () => {
  it('says in one line that the host cannot be reached, politely, and is an empty live region otherwise', () => {
    const shown = renderToStaticMarkup(createElement(HostBanner, { unreachable: true }));
    expect(shown).toContain('role="status"');
    expect(shown).toContain('aria-live="polite"');
    expect(shown).toContain(
      'The clinic host cannot be reached. Retrying… Nothing you typed is lost; nothing is saved until it is back.',
    );
    const hidden = renderToStaticMarkup(createElement(HostBanner, { unreachable: false }));
    expect(hidden).toBe('<div class="host-banner" role="status" aria-live="polite"></div>');
  });

  it('retries with the light request every 2 s while the host is away, and goes when it answers', async () => {
    vi.useFakeTimers();
    let answers = false;
    const probe = vi.fn(() => Promise.resolve(answers));
    const reachability = createHostReachability(probe);
    expect(reachability.isUnreachable()).toBe(false);
    reachability.reportUnreachable();
    reachability.reportUnreachable();
    expect(reachability.isUnreachable()).toBe(true);
    expect(probe).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(reachabilityRetryMs);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(reachability.isUnreachable()).toBe(true);
    answers = true;
    await vi.advanceTimersByTimeAsync(reachabilityRetryMs);
    expect(probe).toHaveBeenCalledTimes(2);
    expect(reachability.isUnreachable()).toBe(false);
    await vi.advanceTimersByTimeAsync(reachabilityRetryMs * 3);
    expect(probe).toHaveBeenCalledTimes(2);
  });
});
