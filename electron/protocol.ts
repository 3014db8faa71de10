import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { CustomScheme } from 'electron';
import { securityHeaders } from '../src/contract/security-headers';

/**
 * The renderer is served from `app://dosing-ledger/…` rather than file://: Vite emits module
 * scripts, which Chromium refuses to load from file://, and a file:// page could read any
 * file on the disk. A custom standard+secure scheme gives the page a real, unique origin
 * ("self" in the CSP) that nothing else on the machine can serve.
 */
export const appScheme = 'app';
export const appHost = 'dosing-ledger';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/**
 * Privileges for `protocol.registerSchemesAsPrivileged` (before app ready). `standard` gives
 * relative URLs and a real origin, `secure` makes it a secure context like https.
 * `corsEnabled` stays off on purpose: it would make these files readable cross-origin.
 * `bypassCSP` stays off: the CSP must apply to this scheme.
 */
export const appSchemePrivileges: CustomScheme = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/**
 * True only for URLs on exactly the app's origin: same scheme, same host, no port, no
 * credentials. `app://dosing-ledger.evil/` and `app://dosing-ledgerx/` are other hosts.
 * Compared by parts because Node's URL gives non-special schemes an opaque origin ("null").
 */
export function isAppUrl(url: string, origin: string = appOrigin): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // The host part carries any port, so app://dosing-ledger:1/ is another origin; a clinic
  // host's origin (https://host:8443) carries its port the same way.
  return `${parsed.protocol}//${parsed.host}` === origin && parsed.username === '' && parsed.password === '';
}

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/** Module scripts are refused unless served with a JavaScript MIME type, hence the table. */
export function contentTypeFor(path: string): string {
  return contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps an app:// URL to a file under `rootDir`, or null when it must not be served: another
 * origin, a `..` segment (plain or percent-encoded, with / or \), a NUL byte, or anything
 * that would resolve outside the root. The root itself maps to index.html.
 */
export function resolveAppFile(rootDir: string, url: string, origin: string = appOrigin): string | null {
  if (!isAppUrl(url, origin)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (pathname.includes('\0')) return null;
  const segments = pathname.split(/[/\\]+/).filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment === '..' || /^[a-zA-Z]:$/.test(segment))) return null;
  if (segments.length === 0) segments.push('index.html');
  const root = resolve(rootDir);
  const file = resolve(root, ...segments);
  return file.startsWith(root + sep) ? file : null;
}

function textResponse(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/**
 * The `protocol.handle(appScheme, …)` handler: GET/HEAD of files under `rootDir`, each with
 * the CSP and the other security headers (the meta tag alone would not cover every
 * response). Nothing is ever fetched from anywhere else.
 */
export function createAppProtocolHandler(rootDir: string, origin: string = appOrigin) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const file = resolveAppFile(rootDir, request.url, origin);
    if (file === null) return textResponse(404, 'Not found');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return textResponse(404, 'Not found'); // missing, or a directory
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...securityHeaders, 'Content-Type': contentTypeFor(file) },
    });
  };
}
