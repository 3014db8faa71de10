import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { failure } from '../contract/errors';
import { securityHeaders } from '../contract/security-headers';
import type { Ledger } from '../services/ledger';
import { startBackupScheduler } from '../services/backup-scheduler';
import { dispatch } from '../services/dispatch';
import type { SignIn } from '../services/sign-in';
import { createSignIn } from '../services/sign-in';

export const defaultStaticDir = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export const apiPath = '/api/invoke';
/** Exchanges a one-time launch token for the secret, so the secret never sits on a command line. */
export const launchPath = '/api/launch';
const launchTokenTtlMs = 2 * 60_000;
export const secretHeader = 'x-ledger-secret';
export const signInHeader = 'x-ledger-sign-in';
const maxBodyBytes = 1024 * 1024;
const maxSignIns = 256;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export interface ServerOptions {
  ledger: Ledger;
  staticDir?: string;
  /** 0 picks a free port. */
  port?: number;
  clock?: () => Date;
  /** Fixed secret for tests; a fresh 256-bit one per launch otherwise. */
  secret?: string;
  /** How long closing waits for the on-quit backup (see backup-scheduler.ts). */
  quitBackupTimeoutMs?: number;
}

export interface RunningServer {
  /** The address to open, with the secret in the fragment (never sent over the wire). */
  url: string;
  origin: string;
  secret: string;
  /**
   * An address carrying a one-time token instead of the secret (`#launch=…`), valid for two
   * minutes: for handing to a browser's command line, which other local users can read.
   */
  launchUrl(): string;
  /** Takes the on-quit backup when the settings ask for one (bounded), then stops serving. */
  close(): Promise<void>;
}

function send(response: ServerResponse, status: number, body: string, contentType = 'application/json'): void {
  response.writeHead(status, { ...securityHeaders, 'Content-Type': contentType });
  response.end(body);
}

function sameSecret(given: string | undefined, secret: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        resolve(null);
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * Browser mode: the renderer and the contract on 127.0.0.1 only. Every API call needs the
 * per-launch secret; Host and Origin must name this very server, which defeats DNS
 * rebinding and cross-site requests; no CORS headers are ever sent.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const staticDir = options.staticDir ?? defaultStaticDir;
  const secret = options.secret ?? randomBytes(32).toString('base64url');
  const signIns = new Map<string, SignIn>();
  const launchTokens = new Map<string, number>();
  let origin = '';
  let host = '';

  const signInFor = (id: string): SignIn => {
    let signIn = signIns.get(id);
    if (signIn === undefined) {
      if (signIns.size >= maxSignIns) {
        const oldest = signIns.keys().next().value;
        if (oldest !== undefined) signIns.delete(oldest);
      }
      signIn = createSignIn(id);
      signIns.set(id, signIn);
    }
    return signIn;
  };

  const handleApi = async (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'POST') return send(response, 405, JSON.stringify(failure('INVALID_INPUT', 'Use POST.')));
    const originHeader = request.headers.origin;
    const fetchSite = request.headers['sec-fetch-site'];
    if (
      (originHeader !== undefined && originHeader !== origin) ||
      (fetchSite !== undefined && fetchSite !== 'same-origin')
    ) {
      return send(response, 403, JSON.stringify(failure('FORBIDDEN', 'Cross-origin calls are refused.')));
    }
    const given = request.headers[secretHeader];
    if (!sameSecret(typeof given === 'string' ? given : undefined, secret)) {
      return send(
        response,
        403,
        JSON.stringify(
          failure('FORBIDDEN', 'This page is not the one that started the app. Open the address printed at launch.'),
        ),
      );
    }
    const signInId = request.headers[signInHeader];
    if (typeof signInId !== 'string' || !/^[A-Za-z0-9-]{16,64}$/.test(signInId)) {
      return send(response, 400, JSON.stringify(failure('INVALID_INPUT', 'Missing sign-in identifier.')));
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(response, 415, JSON.stringify(failure('INVALID_INPUT', 'Send JSON.')));
    }
    const body = await readBody(request);
    if (body === null)
      return send(response, 413, JSON.stringify(failure('INVALID_INPUT', 'The request is too large.')));
    let call: unknown;
    try {
      call = JSON.parse(body);
    } catch {
      return send(response, 400, JSON.stringify(failure('INVALID_INPUT', 'The request is not valid JSON.')));
    }
    const { method, input } = (typeof call === 'object' && call !== null ? call : {}) as {
      method?: unknown;
      input?: unknown;
    };
    const result = dispatch(
      {
        ledger: options.ledger,
        signIn: signInFor(signInId),
        clock: options.clock,
        onInternalError: (error, name) => console.error(`[dosing-ledger] ${name} failed:`, error),
      },
      typeof method === 'string' ? method : '',
      input,
    );
    send(response, 200, JSON.stringify(result));
  };

  const handleLaunch = async (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'POST' || (request.headers.origin !== undefined && request.headers.origin !== origin)) {
      return send(response, 403, JSON.stringify(failure('FORBIDDEN', 'Refused.')));
    }
    const body = await readBody(request);
    const token = (() => {
      try {
        return (JSON.parse(body ?? '') as { token?: unknown }).token;
      } catch {
        return undefined;
      }
    })();
    const expiresAt = typeof token === 'string' ? launchTokens.get(token) : undefined;
    if (typeof token !== 'string' || expiresAt === undefined || expiresAt < Date.now()) {
      return send(
        response,
        403,
        JSON.stringify(failure('FORBIDDEN', 'This launch link was already used or has expired. Start the app again.')),
      );
    }
    launchTokens.delete(token);
    send(response, 200, JSON.stringify({ ok: true, value: { secret } }));
  };

  const handleStatic = (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response, 405, 'Method not allowed', 'text/plain');
    const pathname = decodeURIComponent(new URL(request.url ?? '/', origin).pathname);
    const relative = pathname === '/' ? 'index.html' : normalize(pathname).replace(/^[/\\]+/, '');
    const file = join(staticDir, relative);
    if (!file.startsWith(staticDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      return send(response, 404, 'Not found', 'text/plain');
    }
    response.writeHead(200, {
      ...securityHeaders,
      'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
    });
    if (request.method === 'HEAD') return response.end();
    createReadStream(file).pipe(response);
  };

  const server = createServer((request, response) => {
    if (request.headers.host !== host) {
      send(response, 421, JSON.stringify(failure('FORBIDDEN', 'Unexpected Host header.')));
      return;
    }
    const pathname = (request.url ?? '/').split('?')[0];
    const handling =
      pathname === apiPath
        ? handleApi(request, response)
        : pathname === launchPath
          ? handleLaunch(request, response)
          : Promise.resolve(handleStatic(request, response));
    handling.catch((error: unknown) => {
      console.error('[dosing-ledger] request failed:', error);
      if (!response.headersSent) send(response, 500, JSON.stringify(failure('INTERNAL', 'The request failed.')));
      else response.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const backups = startBackupScheduler(options.ledger, {
    clock: options.clock,
    quitTimeoutMs: options.quitBackupTimeoutMs,
  });
  const { port } = server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  origin = `http://${host}`;
  return {
    url: `${origin}/#secret=${secret}`,
    origin,
    secret,
    launchUrl: () => {
      const token = randomBytes(32).toString('base64url');
      launchTokens.set(token, Date.now() + launchTokenTtlMs);
      return `${origin}/#launch=${token}`;
    },
    close: async () => {
      const outcome = await backups.quit();
      if (outcome === 'failed' || outcome === 'timed out') console.error(`[dosing-ledger] backup on quit: ${outcome}`);
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
