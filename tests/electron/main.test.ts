import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { windowOptions } from '../../electron/window';
import { openLedger } from '../../src/services/ledger';

type BrowserWindowConstructorOptions = ReturnType<typeof windowOptions>;

/*
 * electron/main.ts run under Node against a recording stand-in for the 'electron' module (the
 * real binary is not installed here): checks the start-up order and the wiring, not Chromium.
 */

interface Recorded {
  calls: string[];
  windows: FakeWindow[];
  handlers: Map<string, (...args: unknown[]) => unknown>;
  protocolHandlers: Map<string, (request: Request) => Promise<Response>>;
  errorBoxes: [string, string][];
  exitCode: number | null;
  appEvents: EventEmitter;
  userData: string;
}

class FakeContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeContents.nextId++;
  readonly session = fakeSession('window');
  windowOpenHandler: (() => unknown) | null = null;
  setWindowOpenHandler(handler: () => unknown): void {
    this.windowOpenHandler = handler;
  }
}

class FakeWindow extends EventEmitter {
  readonly webContents = new FakeContents();
  loadedUrl = '';
  title = '';
  shown = false;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    state().windows.push(this);
    state().appEvents.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  setTitle(title: string): void {
    this.title = title;
  }
  show(): void {
    this.shown = true;
  }
  isMinimized(): boolean {
    return false;
  }
  focus(): void {}
  restore(): void {}
}

function fakeSession(name: string) {
  const record = (what: string) => (): void => {
    state().calls.push(`${name}.${what}`);
  };
  return {
    setPermissionRequestHandler: record('setPermissionRequestHandler'),
    setPermissionCheckHandler: record('setPermissionCheckHandler'),
    setDevicePermissionHandler: record('setDevicePermissionHandler'),
    webRequest: { onBeforeRequest: record('onBeforeRequest'), onHeadersReceived: record('onHeadersReceived') },
  };
}

let recorded: Recorded | null = null;
function state(): Recorded {
  if (recorded === null) throw new Error('no test state');
  return recorded;
}

vi.mock('electron', () => {
  const appEvents = () => state().appEvents;
  const app = {
    isPackaged: false,
    getPath: (name: string) => (name === 'appData' ? join(state().userData, 'appData') : state().userData),
    setName: (name: string) => state().calls.push(`app.setName:${name}`),
    setPath: (name: string, value: string) => state().calls.push(`app.setPath:${name}=${value}`),
    enableSandbox: () => state().calls.push('app.enableSandbox'),
    requestSingleInstanceLock: () => {
      state().calls.push('app.requestSingleInstanceLock');
      return true;
    },
    on: (event: string, listener: (...args: unknown[]) => void) => {
      appEvents().on(event, listener);
      return app;
    },
    whenReady: () => {
      state().calls.push('app.whenReady');
      return Promise.resolve();
    },
    quit: () => state().calls.push('app.quit'),
    exit: (code: number) => {
      state().exitCode = code;
    },
  };
  return {
    app,
    BrowserWindow: FakeWindow,
    dialog: { showErrorBox: (title: string, content: string) => state().errorBoxes.push([title, content]) },
    ipcMain: {
      handle: (channel: string, listener: (...args: unknown[]) => unknown) => state().handlers.set(channel, listener),
      removeHandler: (channel: string) => state().handlers.delete(channel),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: { scheme: string }[]) =>
        state().calls.push(`protocol.registerSchemesAsPrivileged:${schemes.map((s) => s.scheme).join()}`),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        state().calls.push(`protocol.handle:${scheme}`);
        state().protocolHandlers.set(scheme, handler);
      },
    },
    get session() {
      return { defaultSession: fakeSession('defaultSession') };
    },
  };
});

let dir: string;
let argv: string[];
const signalListeners = { SIGINT: 0, SIGTERM: 0 };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dosing-ledger-main-'));
  recorded = {
    calls: [],
    windows: [],
    handlers: new Map(),
    protocolHandlers: new Map(),
    errorBoxes: [],
    exitCode: null,
    appEvents: new EventEmitter(),
    userData: dir,
  };
  argv = process.argv;
  signalListeners.SIGINT = process.listenerCount('SIGINT');
  signalListeners.SIGTERM = process.listenerCount('SIGTERM');
  vi.resetModules();
});

afterEach(() => {
  state().appEvents.emit('will-quit');
  process.argv = argv;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    const listeners = process.listeners(signal);
    for (const listener of listeners.slice(signalListeners[signal])) process.off(signal, listener);
  }
  recorded = null;
  rmSync(dir, { recursive: true, force: true });
});

async function startMain(args: string[]): Promise<void> {
  process.argv = ['/usr/bin/electron', '/repo/dist/electron/main.mjs', ...args];
  await import('../../electron/main');
  // whenReady() resolved immediately; let its .then run.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('electron/main.ts', () => {
  it('settles scheme, sandbox and profile before ready, then opens the ledger and one hardened window', async () => {
    const dbPath = join(dir, 'ledger.sqlite');
    openLedger(dbPath).close();
    await startMain([`--db=${dbPath}`]);
    const { calls } = state();

    const beforeReady = calls.slice(0, calls.indexOf('app.whenReady'));
    expect(beforeReady).toEqual([
      'protocol.registerSchemesAsPrivileged:app',
      'app.enableSandbox',
      'app.setName:Dosing Ledger',
      `app.setPath:userData=${join(dir, 'appData', 'Dosing Ledger')}`,
      'app.requestSingleInstanceLock',
    ]);
    expect(calls).toContain('protocol.handle:app');
    expect(calls).toContain('defaultSession.onBeforeRequest');
    expect(calls).toContain('defaultSession.setPermissionRequestHandler');
    expect(state().exitCode).toBeNull();

    const [win] = state().windows;
    expect(state().windows).toHaveLength(1);
    expect(win?.loadedUrl).toBe('app://dosing-ledger/index.html');
    expect(win?.options.show).toBe(false);
    expect(win?.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(win?.options.webPreferences?.preload).toMatch(/dist[/\\]electron[/\\]preload\.cjs$/);
    expect(win?.webContents.windowOpenHandler?.()).toEqual({ action: 'deny' });
    expect(win?.webContents.listenerCount('will-navigate')).toBe(1);
    win?.emit('ready-to-show');
    expect(win?.shown).toBe(true);

    // The one channel answers this window's main frame through dispatch…
    const invoke = state().handlers.get('ledger:invoke');
    expect([...state().handlers.keys()]).toEqual(['ledger:invoke']);
    const fromWindow = { sender: { id: win?.webContents.id }, senderFrame: { url: win?.loadedUrl, parent: null } };
    expect(await invoke?.(fromWindow, 'signIn.get', {})).toEqual({ ok: true, value: { state: 'not-initialized' } });
    // …and refuses anything else.
    const stranger = { sender: { id: 999 }, senderFrame: { url: 'app://dosing-ledger/index.html', parent: null } };
    expect(await invoke?.(stranger, 'signIn.get', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // Closing the window drops its session.
    win?.webContents.emit('destroyed');
    expect(await invoke?.(fromWindow, 'signIn.get', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('keeps "(demo)" in the title and uses a separate profile for the demo', async () => {
    await startMain([`--db=${join(dir, 'demo.sqlite')}`, '--demo']);
    expect(state().calls).toContain(`app.setPath:userData=${join(dir, 'appData', 'Dosing Ledger (demo)')}`);
    const [win] = state().windows;
    expect(win?.options.title).toBe('Dosing Ledger (demo)');
    const event = { preventDefault: vi.fn() };
    win?.emit('page-title-updated', event, 'Patients', true);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(win?.title).toBe('Patients (demo)');
  });

  it('refuses a --db that does not exist with a dialog, creating nothing', async () => {
    const dbPath = join(dir, 'mistyped.sqlite');
    await startMain([`--db=${dbPath}`]);
    expect(state().errorBoxes).toEqual([
      [expect.stringContaining('cannot find this ledger'), expect.stringContaining(dbPath)],
    ]);
    expect(state().exitCode).toBe(1);
    expect(state().windows).toHaveLength(0);
    expect(existsSync(dbPath)).toBe(false);
  });

  it('refuses a database from a newer version with a dialog and exits without a window', async () => {
    const dbPath = join(dir, 'newer.sqlite');
    const ledger = openLedger(dbPath);
    ledger.raw.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', 99999999999999)").run();
    ledger.close();

    await startMain([`--db=${dbPath}`]);
    expect(state().errorBoxes).toHaveLength(1);
    expect(state().errorBoxes[0]?.[1]).toContain('newer version of Dosing Ledger');
    expect(state().exitCode).toBe(1);
    expect(state().windows).toHaveLength(0);
    expect(state().handlers.size).toBe(0);
  });
});
