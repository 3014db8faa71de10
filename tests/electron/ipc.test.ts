import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ledgerChannel, refuseBeforeSending, transportFailure } from '../../electron/channel';
import type { LedgerIpc, RefusalReason, SenderShape } from '../../electron/ipc';
import { checkSender, createLedgerIpc, forbiddenResult, registerLedgerIpc } from '../../electron/ipc';
import { callResultSchema } from '../../src/contract/errors';
import { adminPassword } from '../support/test-app';
import type { TempLedger } from '../support/temp-ledger';
import { tempLedger } from '../support/temp-ledger';

const appPage = 'app://dosing-ledger/index.html';

function event(
  id: number,
  frame: { url: string; parent: unknown } | null = { url: appPage, parent: null },
): SenderShape {
  return { sender: { id }, senderFrame: frame };
}

describe('checkSender', () => {
  const ours = (id: number) => id === 1;

  it('allows the main frame of our window on the app origin', () => {
    expect(checkSender(event(1), ours)).toEqual({ allowed: true });
    expect(checkSender(event(1, { url: 'app://dosing-ledger/patients/3#x', parent: null }), ours)).toEqual({
      allowed: true,
    });
  });

  it.each<[string, SenderShape, RefusalReason]>([
    ['a window we did not create', event(2), 'unknown-window'],
    ['a destroyed or navigated-away frame', event(1, null), 'no-frame'],
    ['an iframe', event(1, { url: appPage, parent: { url: appPage, parent: null } }), 'subframe'],
    ['a file:// page', event(1, { url: 'file:///tmp/evil.html', parent: null }), 'foreign-origin'],
    ['an https page', event(1, { url: 'https://example.com/', parent: null }), 'foreign-origin'],
    ['a loopback page', event(1, { url: 'http://127.0.0.1:5173/', parent: null }), 'foreign-origin'],
    ['a lookalike host', event(1, { url: 'app://dosing-ledger.evil/index.html', parent: null }), 'foreign-origin'],
    ['a longer host', event(1, { url: 'app://dosing-ledgerx/index.html', parent: null }), 'foreign-origin'],
    ['about:blank', event(1, { url: 'about:blank', parent: null }), 'foreign-origin'],
    ['a data: page', event(1, { url: 'data:text/html,hi', parent: null }), 'foreign-origin'],
    ['an empty URL', event(1, { url: '', parent: null }), 'foreign-origin'],
  ])('refuses %s', (_name, sender, reason) => {
    expect(checkSender(sender, ours)).toEqual({ allowed: false, reason });
  });
});

describe('refuseBeforeSending (preload)', () => {
  it('lets a method name through', () => {
    expect(refuseBeforeSending('signIn.get')).toBeNull();
  });

  it.each([[undefined], [null], [42], [{}], [['signIn.get']], [''], ['x'.repeat(101)]])(
    'refuses %j without sending, as an error value',
    (method) => {
      const refused = refuseBeforeSending(method);
      expect(refused).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      expect(callResultSchema.safeParse(refused).success).toBe(true);
    },
  );

  it('has a well-formed transport failure', () => {
    expect(callResultSchema.safeParse(transportFailure).success).toBe(true);
  });
});

/** A WebContents as far as trackWindow cares: an id and a 'destroyed' event. */
function window(id: number) {
  return Object.assign(new EventEmitter(), { id });
}

describe('createLedgerIpc', () => {
  let temp: TempLedger;
  let ipc: LedgerIpc;
  let refusals: [RefusalReason, number][];

  beforeEach(() => {
    temp = tempLedger();
    refusals = [];
    ipc = createLedgerIpc({ ledger: temp.ledger, onRefused: (reason, id) => refusals.push([reason, id]) });
  });
  afterEach(() => temp.cleanup());

  it('answers a tracked window through dispatch', () => {
    ipc.trackWindow(window(7));
    expect(ipc.handle(event(7), 'signIn.get', {})).toEqual({ ok: true, value: { state: 'not-initialized' } });
  });

  it('refuses an untracked window with FORBIDDEN and never reaches dispatch', () => {
    const result = ipc.handle(event(8), 'setup.initialize', {});
    expect(result).toEqual(forbiddenResult);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(refusals).toEqual([['unknown-window', 8]]);
  });

  it('refuses subframes and foreign pages of a tracked window', () => {
    ipc.trackWindow(window(7));
    expect(ipc.handle(event(7, { url: appPage, parent: {} }), 'signIn.get', {})).toEqual(forbiddenResult);
    expect(ipc.handle(event(7, { url: 'https://example.com/', parent: null }), 'signIn.get', {})).toEqual(
      forbiddenResult,
    );
    expect(refusals).toEqual([
      ['subframe', 7],
      ['foreign-origin', 7],
    ]);
  });

  it('turns an unreadable (disposed) frame into FORBIDDEN instead of throwing', () => {
    ipc.trackWindow(window(7));
    const disposed = {
      sender: { id: 7 },
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(ipc.handle(disposed, 'signIn.get', {})).toEqual(forbiddenResult);
    expect(refusals).toEqual([['unreadable-frame', 7]]);
  });

  it('keeps one session per window and drops it when the window is destroyed', () => {
    const first = window(1);
    const second = window(2);
    ipc.trackWindow(first);
    ipc.trackWindow(second);
    const initialized = ipc.handle(event(1), 'setup.initialize', {
      clinic: { name: 'Harbor Infusion Clinic', address: '1 Harbor Way', timeZone: 'Europe/Paris' },
      admin: { username: 'admin', displayName: 'Alex Admin', credentials: '', password: adminPassword },
    });
    expect(initialized).toMatchObject({ ok: true, value: { state: 'active' } });
    expect(ipc.handle(event(1), 'signIn.get', {})).toMatchObject({ ok: true, value: { state: 'active' } });
    // The other window shares the database but not the sign-in.
    expect(ipc.handle(event(2), 'signIn.get', {})).toMatchObject({ ok: true, value: { state: 'signed-out' } });
    expect(ipc.signIns.get(1)).not.toBe(ipc.signIns.get(2));

    first.emit('destroyed');
    expect(ipc.signIns.has(1)).toBe(false);
    expect(ipc.signIns.has(2)).toBe(true);
    expect(ipc.handle(event(1), 'signIn.get', {})).toEqual(forbiddenResult);
  });

  it('returns error values for junk, never throwing', () => {
    ipc.trackWindow(window(7));
    for (const method of [undefined, 42, {}, '', 'no.such.method', '__proto__', 'constructor']) {
      const result = ipc.handle(event(7), method, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
    expect(ipc.handle(event(7), 'signIn.get', { extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(ipc.handle(event(7), 'patients.search', { query: 'x', limit: 1 })).toMatchObject({ ok: false });
  });

  it('reports an unexpected failure without letting it escape', () => {
    const onInternalError = vi.fn();
    const guarded = createLedgerIpc({ ledger: temp.ledger, onInternalError });
    guarded.trackWindow(window(7));
    // IPC arguments are structured clones, so a throwing getter cannot arrive from a
    // renderer; it stands in for any bug that makes dispatch throw. A public method: the
    // input of one that needs a sign-in is not read for a signed-out window.
    const hostile = {
      get username(): string {
        throw new Error('boom');
      },
      password: 'x',
    };
    const result = guarded.handle(event(7), 'auth.signIn', hostile);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('boom');
    expect(onInternalError).toHaveBeenCalledWith(expect.any(Error), 'auth.signIn');
  });
});

describe('registerLedgerIpc', () => {
  it('registers exactly one channel and removes it again', async () => {
    const temp = tempLedger();
    try {
      const handlers = new Map<string, (...args: unknown[]) => unknown>();
      const ipcMain = {
        handle: (channel: string, listener: (...args: unknown[]) => unknown) => handlers.set(channel, listener),
        removeHandler: (channel: string) => handlers.delete(channel),
      } as unknown as Parameters<typeof registerLedgerIpc>[0];
      const ipc = createLedgerIpc({ ledger: temp.ledger });
      ipc.trackWindow(window(3));
      const unregister = registerLedgerIpc(ipcMain, ipc);
      expect([...handlers.keys()]).toEqual([ledgerChannel]);
      expect(ledgerChannel).toBe('ledger:invoke');
      const listener = handlers.get(ledgerChannel);
      expect(await listener?.(event(3), 'signIn.get', {})).toEqual({ ok: true, value: { state: 'not-initialized' } });
      expect(await listener?.(event(4), 'signIn.get', {})).toEqual(forbiddenResult);
      unregister();
      expect(handlers.size).toBe(0);
    } finally {
      temp.cleanup();
    }
  });
});
