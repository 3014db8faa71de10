import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Session,
  WebContents,
  WindowOpenHandlerResponse,
} from 'electron';
import { securityHeaders } from '../src/contract/security-headers';
import { appOrigin, isAppUrl } from './protocol';

/*
 * Everything here imports only Electron's types, so it runs (and is tested) under plain
 * Node; the functions at the bottom are handed the live objects by main.ts.
 */

export interface WindowOptionsInput {
  /**
   * Absolute path of dist/electron/preload.cjs; absent when the window shows a clinic host's
   * pages, which reach the ledger over HTTPS and must not see the local bridge.
   */
  preloadPath?: string;
  /** `app.isPackaged`. DevTools exist only in development; unknown means packaged (safe). */
  packaged?: boolean;
  title?: string;
}

/**
 * The hardened window. The renderer is an untrusted web page that talks to the back end only
 * through the preload's `ledger.invoke`: no Node, an isolated preload world, the OS sandbox.
 */
export function windowOptions({
  preloadPath,
  packaged = true,
  title = 'Dosing Ledger',
}: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title,
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    // Shown on 'ready-to-show', so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      ...(preloadPath === undefined ? {} : { preload: preloadPath }),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Chromium's spellchecker downloads dictionaries from Google: a network request.
      spellcheck: false,
      // Dropping a file on the window would navigate to it (file://), outside the app.
      navigateOnDragDrop: false,
      // A page looping alert() could otherwise make the window unusable.
      safeDialogs: true,
      devTools: !packaged,
      experimentalFeatures: false,
      enableWebSQL: false,
      plugins: false,
    },
  };
}

/** Navigation stays on the app's own origin; file:, http(s):, javascript:, data: and lookalikes are refused. */
export function isAllowedNavigation(url: string, origin: string = appOrigin): boolean {
  return isAppUrl(url, origin);
}

export interface RequestPolicy {
  origin?: string;
  /** DevTools load their own UI from devtools://; only development builds have DevTools. */
  allowDevtools: boolean;
}

/**
 * The app never uses the network: every request that is not for its own files is cancelled.
 * data: URLs are let through because the CSP allows `img-src data:` and they never leave the
 * machine.
 */
export function isAllowedRequest(url: string, { origin = appOrigin, allowDevtools }: RequestPolicy): boolean {
  if (isAppUrl(url, origin)) return true;
  if (url.startsWith('data:')) return true;
  return allowDevtools && url.startsWith('devtools://');
}

type PermissionRequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
type PermissionCheckHandler = NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>;

/** Camera, microphone, notifications, clipboard reads, geolocation…: the app needs none. */
export const denyPermissionRequest: PermissionRequestHandler = (_contents, _permission, callback) => {
  callback(false);
};

/** Synchronous permission queries (e.g. `navigator.permissions`) answer "denied" too. */
export const denyPermissionCheck: PermissionCheckHandler = () => false;

/** `window.open`, `target=_blank` and friends never create a window. */
export function windowOpenHandler(): WindowOpenHandlerResponse {
  return { action: 'deny' };
}

/**
 * Adds the CSP and the other security headers to a response, replacing any same-named header
 * whatever its case (HTTP header names are case-insensitive).
 */
export function withSecurityHeaders(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const ours = new Set(Object.keys(securityHeaders).map((name) => name.toLowerCase()));
  const result: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(headers ?? {})) {
    if (!ours.has(name.toLowerCase())) result[name] = values;
  }
  for (const [name, value] of Object.entries(securityHeaders)) result[name] = [value];
  return result;
}

interface PreventableEvent {
  url: string;
  preventDefault(): void;
}

const hardenedContents = new WeakSet<object>();

/**
 * Navigation, redirects, new windows and <webview> for one webContents. Applied to every
 * webContents the app creates (main.ts hooks 'web-contents-created'); idempotent.
 */
export function hardenWebContents(contents: WebContents, origin: string = appOrigin): void {
  if (hardenedContents.has(contents)) return;
  hardenedContents.add(contents);
  const guard = (event: PreventableEvent): void => {
    if (!isAllowedNavigation(event.url, origin)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  // 'will-navigate' covers the main frame only; this covers every frame.
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(windowOpenHandler);
}

/**
 * Session-wide rules: permissions denied, every non-app request cancelled, security headers
 * on every app response (defence in depth besides the protocol handler's headers and the
 * meta tag). Each setter replaces the previous handler, so calling this again is harmless.
 */
export function hardenSession(session: Session, policy: RequestPolicy): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, policy) });
  });
  // The app's own responses only: DevTools pages (development) bring their own policy.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback(
      isAppUrl(details.url, policy.origin) ? { responseHeaders: withSecurityHeaders(details.responseHeaders) } : {},
    );
  });
}

/** Everything above, for one window and its session. */
export function hardenWindow(win: BrowserWindow, policy: RequestPolicy): void {
  hardenWebContents(win.webContents, policy.origin);
  hardenSession(win.webContents.session, policy);
}
