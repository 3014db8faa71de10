import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../src/contract/security-headers';
import {
  denyPermissionCheck,
  denyPermissionRequest,
  hardenSession,
  hardenWebContents,
  hardenWindow,
  isAllowedNavigation,
  isAllowedRequest,
  windowOpenHandler,
  windowOptions,
  withSecurityHeaders,
} from '../../electron/window';

// Electron's own types, reached through the functions (only electron/ may import 'electron').
type WebContents = Parameters<typeof hardenWebContents>[0];
type Session = Parameters<typeof hardenSession>[0];
type BrowserWindow = Parameters<typeof hardenWindow>[0];

describe('windowOptions', () => {
  const packaged = windowOptions({ preloadPath: '/app/dist/electron/preload.cjs', packaged: true });
  const prefs = packaged.webPreferences ?? {};

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['spellcheck', false],
    ['navigateOnDragDrop', false],
    ['safeDialogs', true],
    ['experimentalFeatures', false],
    ['enableWebSQL', false],
    ['plugins', false],
    ['devTools', false],
  ] as const)('sets webPreferences.%s to %s', (name, value) => {
    expect(prefs[name]).toBe(value);
  });

  it('uses the given preload and nothing else that loads code', () => {
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('opens hidden until ready-to-show, with a background colour and sensible sizes', () => {
    expect(packaged.show).toBe(false);
    expect(packaged.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(packaged.width).toBeGreaterThanOrEqual(packaged.minWidth ?? Infinity);
    expect(packaged.height).toBeGreaterThanOrEqual(packaged.minHeight ?? Infinity);
    expect(packaged.minWidth).toBeGreaterThanOrEqual(800);
    expect(packaged.minHeight).toBeGreaterThanOrEqual(600);
    expect(packaged.title).toBe('Dosing Ledger');
  });

  it('enables DevTools only in development, and defaults to packaged (no DevTools)', () => {
    expect(windowOptions({ preloadPath: '/p', packaged: false }).webPreferences?.devTools).toBe(true);
    expect(windowOptions({ preloadPath: '/p' }).webPreferences?.devTools).toBe(false);
  });

  it('keeps every other hardened option the same in development', () => {
    const dev = windowOptions({ preloadPath: '/app/dist/electron/preload.cjs', packaged: false }).webPreferences;
    expect({ ...dev, devTools: false }).toEqual(prefs);
  });
});

describe('isAllowedNavigation', () => {
  it.each([
    ['app://dosing-ledger/index.html', true],
    ['app://dosing-ledger/', true],
    ['app://dosing-ledger/patients/12?tab=exam#top', true],
    ['app://dosing-ledger.evil/index.html', false],
    ['app://dosing-ledgerx/index.html', false],
    ['app://evil.dosing-ledger/index.html', false],
    ['app://dosing-ledger:8080/index.html', false],
    ['app://user@dosing-ledger/index.html', false],
    ['app://user:pw@dosing-ledger/index.html', false],
    ['apps://dosing-ledger/index.html', false],
    ['file:///etc/passwd', false],
    ['file://dosing-ledger/index.html', false],
    ['http://dosing-ledger/index.html', false],
    ['https://dosing-ledger/index.html', false],
    ['http://127.0.0.1:5173/', false],
    ['https://example.com/', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['blob:app://dosing-ledger/0b2c', false],
    ['about:blank', false],
    ['devtools://devtools/bundled/inspector.html', false],
    ['chrome://settings', false],
    ['mailto:someone@example.com', false],
    ['', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedNavigation(url)).toBe(allowed);
  });
});

describe('isAllowedRequest', () => {
  it.each([
    ['app://dosing-ledger/assets/index-abc.js', false, true],
    ['data:image/png;base64,iVBORw0KGgo=', false, true],
    ['devtools://devtools/bundled/inspector.html', false, false],
    ['devtools://devtools/bundled/inspector.html', true, true],
    ['https://clients2.google.com/', true, false],
    ['http://127.0.0.1:8080/', true, false],
    ['ws://127.0.0.1:8080/', true, false],
    ['file:///etc/passwd', true, false],
    ['app://dosing-ledger.evil/x.js', true, false],
    ['chrome-extension://abc/x.js', true, false],
  ])('%s (devtools %s) → %s', (url, allowDevtools, allowed) => {
    expect(isAllowedRequest(url, { allowDevtools })).toBe(allowed);
  });
});

describe('permission and window policies', () => {
  it('denies every permission request', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'] as const) {
      const callback = vi.fn();
      denyPermissionRequest({} as WebContents, permission, callback, {} as never);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    }
  });

  it('answers every permission check with false', () => {
    expect(denyPermissionCheck(null, 'clipboard-read', 'app://dosing-ledger', {} as never)).toBe(false);
    expect(denyPermissionCheck(null, 'media', 'app://dosing-ledger', {} as never)).toBe(false);
  });

  it('denies window.open', () => {
    expect(windowOpenHandler()).toEqual({ action: 'deny' });
  });
});

describe('withSecurityHeaders', () => {
  it('adds the CSP and replaces same-named headers whatever their case', () => {
    const headers = withSecurityHeaders({
      'content-security-policy': ['default-src *'],
      'x-content-type-options': ['sniff'],
      'Content-Type': ['text/html'],
    });
    expect(headers['Content-Security-Policy']).toEqual([contentSecurityPolicy]);
    expect(headers['X-Content-Type-Options']).toEqual(['nosniff']);
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(Object.keys(headers).filter((name) => name.toLowerCase() === 'content-security-policy')).toHaveLength(1);
    expect(Object.keys(headers).some((name) => name === 'x-content-type-options')).toBe(false);
  });

  it('works without response headers', () => {
    expect(withSecurityHeaders(undefined)['Content-Security-Policy']).toEqual([contentSecurityPolicy]);
  });
});

/** Just enough of a WebContents: real events, a recorded window-open handler. */
function fakeContents() {
  const emitter = new EventEmitter();
  const contents = Object.assign(emitter, {
    windowOpen: null as (() => unknown) | null,
    setWindowOpenHandler(handler: () => unknown) {
      contents.windowOpen = handler;
    },
  });
  return contents;
}

function preventable(url: string) {
  return { url, preventDefault: vi.fn() };
}

describe('hardenWebContents', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s is prevented off the app origin', (name) => {
    const contents = fakeContents();
    hardenWebContents(contents as unknown as WebContents);
    const outside = preventable('https://example.com/');
    const lookalike = preventable('app://dosing-ledger.evil/');
    const inside = preventable('app://dosing-ledger/index.html');
    contents.emit(name, outside);
    contents.emit(name, lookalike);
    contents.emit(name, inside);
    expect(outside.preventDefault).toHaveBeenCalled();
    expect(lookalike.preventDefault).toHaveBeenCalled();
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  it('prevents <webview> and denies new windows', () => {
    const contents = fakeContents();
    hardenWebContents(contents as unknown as WebContents);
    const attach = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.preventDefault).toHaveBeenCalled();
    expect(contents.windowOpen?.()).toEqual({ action: 'deny' });
  });

  it('registers its listeners once however often it is applied', () => {
    const contents = fakeContents();
    hardenWebContents(contents as unknown as WebContents);
    hardenWebContents(contents as unknown as WebContents);
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });
});

/** A Session that records what was installed on it. */
function fakeSession() {
  const installed: Record<string, unknown> = {};
  const record =
    (name: string) =>
    (handler: unknown): void => {
      installed[name] = handler;
    };
  const session = {
    setPermissionRequestHandler: record('permissionRequest'),
    setPermissionCheckHandler: record('permissionCheck'),
    setDevicePermissionHandler: record('devicePermission'),
    webRequest: { onBeforeRequest: record('beforeRequest'), onHeadersReceived: record('headersReceived') },
  };
  return { session: session as unknown as Session, installed };
}

type Listener<D, R> = (details: D, callback: (response: R) => void) => void;

describe('hardenSession', () => {
  it('installs the deny-all permission handlers', () => {
    const { session, installed } = fakeSession();
    hardenSession(session, { allowDevtools: false });
    expect(installed.permissionRequest).toBe(denyPermissionRequest);
    expect(installed.permissionCheck).toBe(denyPermissionCheck);
    expect((installed.devicePermission as () => boolean)()).toBe(false);
  });

  it('cancels every request off the app origin', () => {
    const { session, installed } = fakeSession();
    hardenSession(session, { allowDevtools: false });
    const listener = installed.beforeRequest as Listener<{ url: string }, { cancel?: boolean }>;
    const answer = (url: string) => {
      const callback = vi.fn();
      listener({ url }, callback);
      return callback.mock.calls[0]?.[0] as { cancel?: boolean };
    };
    expect(answer('app://dosing-ledger/index.html')).toEqual({ cancel: false });
    expect(answer('https://update.example.com/')).toEqual({ cancel: true });
    expect(answer('devtools://devtools/bundled/inspector.html')).toEqual({ cancel: true });
  });

  it('puts the CSP on every app response, and leaves DevTools pages alone', () => {
    const { session, installed } = fakeSession();
    hardenSession(session, { allowDevtools: true });
    const listener = installed.headersReceived as Listener<
      { url: string; responseHeaders?: Record<string, string[]> },
      { responseHeaders?: Record<string, string[]> }
    >;
    const answer = (url: string) => {
      const callback = vi.fn();
      listener({ url, responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
      return callback.mock.calls[0]?.[0] as { responseHeaders?: Record<string, string[]> };
    };
    const app = answer('app://dosing-ledger/index.html');
    expect(app.responseHeaders?.['Content-Security-Policy']).toEqual([contentSecurityPolicy]);
    expect(app.responseHeaders?.['Content-Type']).toEqual(['text/html']);
    expect(answer('devtools://devtools/bundled/inspector.html')).toEqual({});
  });
});

describe('hardenWindow', () => {
  it('hardens the window’s webContents and its session', () => {
    const contents = fakeContents();
    const { session, installed } = fakeSession();
    Object.assign(contents, { session });
    hardenWindow({ webContents: contents } as unknown as BrowserWindow, { allowDevtools: false });
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.windowOpen?.()).toEqual({ action: 'deny' });
    expect(installed.permissionRequest).toBe(denyPermissionRequest);
    expect(installed.beforeRequest).toBeTypeOf('function');
  });
});
