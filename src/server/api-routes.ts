import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Ledger } from '../services/ledger';
import { dispatchAsync } from '../services/dispatch-async';
import type { SignIn } from '../services/sign-in';
import { parseJson } from './build-server';
import { sendFailure } from './failure-replies';
import { apiPath, launchPath, secretHeader, signInHeader } from './paths';
import type { LaunchTokens } from './sign-in-registry';

export interface ApiContext {
  ledger: Ledger;
  clock?: () => Date;
  secret: string;
  /** Known only once the server listens (the port may be picked by the system). */
  origin(): string;
  signInFor(id: string): SignIn;
  launchTokens: LaunchTokens;
}

function sameSecret(given: string | undefined, secret: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The contract over HTTP. Every check that needs only the headers runs before the body is
 * read, so a caller without the secret never gets a megabyte into memory.
 */
export function registerApiRoutes(app: FastifyInstance, context: ApiContext): void {
  const guardApi = async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'POST') return sendFailure(reply, 405, 'INVALID_INPUT', 'Use POST.');
    const origin = headerValue(request, 'origin');
    const fetchSite = headerValue(request, 'sec-fetch-site');
    if (
      (request.headers.origin !== undefined && origin !== context.origin()) ||
      (request.headers['sec-fetch-site'] !== undefined && fetchSite !== 'same-origin')
    ) {
      return sendFailure(reply, 403, 'FORBIDDEN', 'Cross-origin calls are refused.');
    }
    if (!sameSecret(headerValue(request, secretHeader), context.secret)) {
      return sendFailure(
        reply,
        403,
        'FORBIDDEN',
        'This page is not the one that started the app. Open the address printed at launch.',
      );
    }
    const signInId = headerValue(request, signInHeader);
    if (signInId === undefined || !/^[A-Za-z0-9-]{16,64}$/.test(signInId)) {
      return sendFailure(reply, 400, 'INVALID_INPUT', 'Missing sign-in identifier.');
    }
    if (!(headerValue(request, 'content-type') ?? '').startsWith('application/json')) {
      return sendFailure(reply, 415, 'INVALID_INPUT', 'Send JSON.');
    }
  };

  app.all(apiPath, { onRequest: guardApi }, async (request, reply) => {
    const call = parseJson(request.body);
    if (!call.parsed) return sendFailure(reply, 400, 'INVALID_INPUT', 'The request is not valid JSON.');
    const { method, input } = (typeof call.value === 'object' && call.value !== null ? call.value : {}) as {
      method?: unknown;
      input?: unknown;
    };
    // Password hashing runs on the thread pool: one sign-in never stalls other requests.
    const result = await dispatchAsync(
      {
        ledger: context.ledger,
        // The guard has checked the header's shape.
        signIn: context.signInFor(headerValue(request, signInHeader) ?? ''),
        clock: context.clock,
        onInternalError: (error, name) => console.error(`[dosing-ledger] ${name} failed:`, error),
      },
      typeof method === 'string' ? method : '',
      input,
    );
    return reply.code(200).type('application/json').send(JSON.stringify(result));
  });

  const guardLaunch = async (request: FastifyRequest, reply: FastifyReply) => {
    if (
      request.method !== 'POST' ||
      (request.headers.origin !== undefined && request.headers.origin !== context.origin())
    ) {
      return sendFailure(reply, 403, 'FORBIDDEN', 'Refused.');
    }
  };

  app.all(launchPath, { onRequest: guardLaunch }, async (request, reply) => {
    const { value } = parseJson(request.body);
    const token = typeof value === 'object' && value !== null ? (value as { token?: unknown }).token : undefined;
    if (typeof token !== 'string' || !context.launchTokens.redeem(token)) {
      return sendFailure(
        reply,
        403,
        'FORBIDDEN',
        'This launch link was already used or has expired. Start the app again.',
      );
    }
    return reply
      .code(200)
      .type('application/json')
      .send(JSON.stringify({ ok: true, value: { secret: context.secret } }));
  });
}
