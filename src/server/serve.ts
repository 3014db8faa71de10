import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { fastify } from 'fastify';
import { securityHeaders } from '../contract/security-headers';
import type { Ledger } from '../services/ledger';
import { startBackupScheduler } from '../services/backup-scheduler';
import { registerApiRoutes } from './api-routes';
import { handleClientError, handleFrameworkError, handleRequestError, sendFailure } from './failure-replies';
import type { ServerLimits } from './server-limits';
import { defaultServerLimits } from './server-limits';
import { createLaunchTokens, createSignInRegistry } from './sign-in-registry';
import { registerStaticFiles } from './static-files';

export { apiPath, launchPath, secretHeader, signInHeader } from './paths';
export type { ServerLimits } from './server-limits';

export const defaultStaticDir = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

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
  /** Tighter limits for tests; the defaults otherwise (server-limits.ts). */
  limits?: Partial<ServerLimits>;
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

/**
 * Browser mode: the renderer and the contract on 127.0.0.1 only. Every API call needs the
 * per-launch secret; Host and Origin must name this very server, which defeats DNS
 * rebinding and cross-site requests; no CORS headers are ever sent.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const limits = { ...defaultServerLimits, ...options.limits };
  const secret = options.secret ?? randomBytes(32).toString('base64url');
  const launchTokens = createLaunchTokens();
  let origin = '';
  let host = '';

  const app = fastify({
    logger: false,
    bodyLimit: limits.bodyBytes,
    connectionTimeout: limits.idleTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    forceCloseConnections: true,
    http: {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      maxHeaderSize: limits.headerBytes,
      connectionsCheckingInterval: limits.timeoutCheckIntervalMs,
    },
    frameworkErrors: handleFrameworkError,
    clientErrorHandler: handleClientError,
  });
  app.server.maxConnections = limits.maxConnections;
  app.setErrorHandler(handleRequestError);
  // Bodies stay text until a route has checked its headers; each route parses its own JSON.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.addHook('onRequest', async (request, reply) => {
    if (request.headers.host !== host) return sendFailure(reply, 421, 'FORBIDDEN', 'Unexpected Host header.');
  });
  // The one set of security headers (security-headers.ts), no-store included, on every reply.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(securityHeaders);
    return payload;
  });

  registerApiRoutes(app, {
    ledger: options.ledger,
    clock: options.clock,
    secret,
    origin: () => origin,
    signInFor: createSignInRegistry(),
    launchTokens,
  });
  await registerStaticFiles(app, options.staticDir ?? defaultStaticDir);

  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const backups = startBackupScheduler(options.ledger, {
    clock: options.clock,
    quitTimeoutMs: options.quitBackupTimeoutMs,
  });
  const { port } = app.server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  origin = `http://${host}`;
  return {
    url: `${origin}/#secret=${secret}`,
    origin,
    secret,
    launchUrl: () => `${origin}/#launch=${launchTokens.issue()}`,
    close: async () => {
      const outcome = await backups.quit();
      if (outcome === 'failed' || outcome === 'timed out') console.error(`[dosing-ledger] backup on quit: ${outcome}`);
      await app.close();
    },
  };
}
