import type { RequestListener, Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Server as NetServer, Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { fastify } from 'fastify';
import { securityHeaders } from '../contract/security-headers';
import { handleClientError, handleFrameworkError, handleRequestError, sendFailure } from './failure-replies';
import type { ServerLimits } from './server-limits';
import { defaultServerLimits } from './server-limits';
import { registerStaticFiles } from './static-files';

export interface BuildOptions {
  limits?: Partial<ServerLimits>;
  /** TLS key and certificate (PEM): the clinic host. Absent: plain HTTP on loopback (browser mode). */
  tls?: { keyPem: string; certificatePem: string };
  /** Headers every reply carries besides the common set (the clinic host adds HSTS). */
  extraHeaders?: Readonly<Record<string, string>>;
  /** The Host header values this server answers to; known only once it listens. */
  allowedHosts(): ReadonlySet<string>;
}

/**
 * What browser mode and the clinic host share: the limits that keep one client from stalling
 * the server, errors answered in the contract's shape, the Host check (DNS rebinding), the
 * security headers on every reply, and bodies kept as text until a route has checked who asks.
 * The caller registers its routes, then the static files (registerRenderer), then listens.
 */
export function buildServer(options: BuildOptions): { app: FastifyInstance; limits: ServerLimits } {
  const limits = { ...defaultServerLimits, ...options.limits };
  const nodeOptions = {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    maxHeaderSize: limits.headerBytes,
    connectionsCheckingInterval: limits.timeoutCheckIntervalMs,
  };
  const { tls } = options;
  const app = fastify({
    logger: false,
    bodyLimit: limits.bodyBytes,
    connectionTimeout: limits.idleTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    forceCloseConnections: true,
    http: nodeOptions,
    frameworkErrors: handleFrameworkError,
    clientErrorHandler: handleClientError,
    ...(tls === undefined
      ? {}
      : {
          // Fastify's types bind an instance to one server class; an https.Server hands the
          // handler the same IncomingMessage and ServerResponse as an http.Server, so the one
          // app type serves both modes.
          serverFactory: (handler: RequestListener) =>
            createHttpsServer(
              {
                ...nodeOptions,
                key: tls.keyPem,
                cert: tls.certificatePem,
                // TLS 1.2 and 1.3 only; Node's defaults pick forward-secret AEAD suites.
                minVersion: 'TLSv1.2',
              },
              handler,
            ) as unknown as HttpServer,
        }),
  });
  app.server.maxConnections = limits.maxConnections;
  capConnectionsPerAddress(app.server, limits.connectionsPerAddress);
  app.setErrorHandler(handleRequestError);
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.addHook('onRequest', async (request, reply) => {
    // Node keeps the first of several Host headers and drops the rest silently, so a request
    // naming another host second would pass; RFC 9112 §3.2 says answer such a request 400.
    if (hostHeaderCount(request.raw.rawHeaders) > 1)
      return sendFailure(reply, 400, 'INVALID_INPUT', 'The request names more than one host.');
    const host = request.headers.host;
    if (host === undefined || !options.allowedHosts().has(host.toLowerCase()))
      return sendFailure(reply, 421, 'FORBIDDEN', 'Unexpected Host header.');
  });
  const headers = { ...securityHeaders, ...options.extraHeaders };
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(headers);
    return payload;
  });
  return { app, limits };
}

/** Closes a connection on arrival when its address already holds `cap` open ones. */
function capConnectionsPerAddress(server: NetServer, cap: number): void {
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const count = (open.get(address) ?? 0) + 1;
    if (count > cap) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}

/** Host headers in a request's raw header list (name, value, name, value, …). */
function hostHeaderCount(rawHeaders: readonly string[]): number {
  let count = 0;
  for (let index = 0; index < rawHeaders.length; index += 2)
    if (rawHeaders[index]?.toLowerCase() === 'host') count += 1;
  return count;
}

export async function registerRenderer(app: FastifyInstance, staticDir: string): Promise<void> {
  await registerStaticFiles(app, staticDir);
}

/** Parses a JSON body without throwing; anything else is `undefined`. */
export function parseJson(body: unknown): { parsed: boolean; value: unknown } {
  if (typeof body !== 'string') return { parsed: false, value: undefined };
  try {
    return { parsed: true, value: JSON.parse(body) as unknown };
  } catch {
    return { parsed: false, value: undefined };
  }
}
