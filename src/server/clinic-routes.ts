import { randomBytes } from 'node:crypto';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { failure } from '../contract/errors';
import type { Ledger } from '../services/ledger';
import { deviceByToken, requestDeviceEnrolment } from '../services/devices';
import type { DeviceState } from '../services/devices';
import { dispatchAsync } from '../services/dispatch-async';
import { parseJson } from './build-server';
import type { ClinicSessions } from './clinic-sessions';
import { crossSiteRefusal, deviceRefusalMessage, deviceToken, header, tokenSha256 } from './clinic-guards';
import {
  clinicApiPath,
  deviceCookie,
  devicePath,
  eventsPath,
  rootCertificatePath,
  sessionCookie,
} from './clinic-paths';
import { sendFailure } from './failure-replies';
import type { LedgerEvents } from './ledger-events';
import type { SignInThrottle } from './sign-in-throttle';

export interface ClinicRouteContext {
  ledger: Ledger;
  clock?: () => Date;
  rootCertificatePem: string;
  rootFingerprint: string;
  sessions: ClinicSessions;
  throttle: SignInThrottle;
  events: LedgerEvents;
}

const cookieOptions: CookieSerializeOptions = { path: '/', secure: true, httpOnly: true, sameSite: 'strict' };
/** Browsers keep a cookie at most 400 days; a device that is used renews it. */
const deviceCookieMaxAgeS = 400 * 24 * 60 * 60;

function sendJson(reply: FastifyReply, status: number, value: unknown): FastifyReply {
  return reply.code(status).type('application/json').send(JSON.stringify(value));
}

function objectField(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * The clinic host's API: a device enrols, then its sessions call the one contract through
 * `dispatchAsync` (password hashing off the event loop). The device is looked up on every call,
 * so a revocation takes effect at the next request from anywhere, at once.
 */
export function registerClinicRoutes(app: FastifyInstance, context: ClinicRouteContext): void {
  const now = () => (context.clock ?? (() => new Date()))();
  const currentDevice = (request: FastifyRequest): { token: string; device: DeviceState } | null => {
    const token = deviceToken(request);
    if (token === undefined) return null;
    const device = deviceByToken(context.ledger, tokenSha256(token), context.clock);
    return device === null ? null : { token, device };
  };

  // A waiting device asks every 2 s, and several may share one address (NAT): generous per
  // address; enrolment requests themselves are capped by the ledger (20 waiting at once).
  app.post(devicePath, { config: { rateLimit: { max: 600, timeWindow: 60_000 } } }, async (request, reply) => {
    if (crossSiteRefusal(request, reply) !== null) return reply;
    const enrol = objectField(parseJson(request.body).value, 'enrol') === true;
    const found = currentDevice(request);
    let device = found?.device ?? null;
    if (enrol && (device === null || device.status === 'expired' || device.status === 'revoked')) {
      const token = randomBytes(32).toString('base64url');
      const result = requestDeviceEnrolment(
        context.ledger,
        { tokenSha256: tokenSha256(token), requestedFrom: request.ip, userAgent: header(request, 'user-agent') ?? '' },
        context.clock,
      );
      if (!result.ok) return sendFailure(reply, 429, 'FORBIDDEN', result.message);
      void reply.setCookie(deviceCookie, token, { ...cookieOptions, maxAge: deviceCookieMaxAgeS });
      device = deviceByToken(context.ledger, tokenSha256(token), context.clock);
    } else if (found !== null && found.device.status === 'active') {
      void reply.setCookie(deviceCookie, found.token, { ...cookieOptions, maxAge: deviceCookieMaxAgeS });
    }
    return sendJson(reply, 200, {
      ok: true,
      value: {
        status: device?.status ?? 'unknown',
        pairingCode: device?.status === 'pending' ? device.pairingCode : null,
        name: device?.status === 'active' ? device.name : null,
        rootFingerprint: context.rootFingerprint,
      },
    });
  });

  app.post(
    clinicApiPath,
    {
      config: {
        rateLimit: {
          max: 3000,
          timeWindow: 60_000,
          keyGenerator: (request: FastifyRequest) => deviceToken(request) ?? request.ip,
        },
      },
    },
    async (request, reply) => {
      if (crossSiteRefusal(request, reply) !== null) return reply;
      if (!(header(request, 'content-type') ?? '').startsWith('application/json'))
        return sendFailure(reply, 415, 'INVALID_INPUT', 'Send JSON.');
      const found = currentDevice(request);
      if (found?.device.status !== 'active')
        return sendFailure(reply, 403, 'FORBIDDEN', deviceRefusalMessage(found?.device ?? null));
      const { device } = found;
      const nowMs = now().getTime();
      let token = request.cookies[sessionCookie];
      let session = context.sessions.find(token, device.id, nowMs);
      if (session === undefined || token === undefined) {
        const issued = context.sessions.issue(device.id, nowMs);
        ({ token, session } = issued);
        void reply.setCookie(sessionCookie, token, cookieOptions);
      }
      session.signIn.device = { id: device.id, name: device.name ?? `device ${device.id}` };

      const call = parseJson(request.body);
      if (!call.parsed) return sendFailure(reply, 400, 'INVALID_INPUT', 'The request is not valid JSON.');
      const method = objectField(call.value, 'method');
      const input = objectField(call.value, 'input');
      const username = objectField(input, 'username');
      const signingIn = method === 'auth.signIn' && typeof username === 'string';
      if (signingIn) {
        const waitMinutes = context.throttle.blockedMinutes(device.id, username, nowMs);
        if (waitMinutes !== null) {
          return sendJson(
            reply,
            429,
            failure(
              'ACCOUNT_LOCKED',
              `Too many wrong passwords on this device. Try again in ${waitMinutes} minute${waitMinutes === 1 ? '' : 's'}.`,
            ),
          );
        }
      }
      const result = await dispatchAsync(
        {
          ledger: context.ledger,
          signIn: session.signIn,
          clock: context.clock,
          onInternalError: (error, name) => console.error(`[dosing-ledger] ${name} failed:`, error),
        },
        typeof method === 'string' ? method : '',
        input,
      );
      if (signingIn && !result.ok && ['INVALID_CREDENTIALS', 'ACCOUNT_LOCKED'].includes(result.error.code))
        context.throttle.recordFailure(device.id, username, nowMs);
      if (result.ok && method === 'auth.signIn') {
        // A token anyone could have seen before the sign-in is worthless after it (but for the
        // few seconds' grace that lets calls already on their way arrive: clinic-sessions.ts).
        void reply.setCookie(sessionCookie, context.sessions.rotate(token, session, nowMs), cookieOptions);
      } else if (result.ok && method === 'auth.signOut') {
        context.sessions.end(token);
        void reply.clearCookie(sessionCookie, cookieOptions);
      } else if (result.ok && method === 'devices.revoke') {
        const revoked = objectField(input, 'deviceId');
        if (typeof revoked === 'number') {
          context.sessions.endDevice(revoked);
          context.events.revoke(revoked);
        }
      }
      return sendJson(reply, 200, result);
    },
  );

  app.get(eventsPath, async (request, reply) => {
    const fetchSite = header(request, 'sec-fetch-site');
    if (fetchSite !== undefined && fetchSite !== 'same-origin')
      return sendFailure(reply, 403, 'FORBIDDEN', 'Cross-site calls are refused.');
    const found = currentDevice(request);
    if (found?.device.status !== 'active')
      return sendFailure(reply, 403, 'FORBIDDEN', deviceRefusalMessage(found?.device ?? null));
    reply.hijack();
    const subscribed = context.events.subscribe({
      deviceId: found.device.id,
      tokenSha256: tokenSha256(found.token),
      response: reply.raw,
    });
    if (!subscribed) {
      reply.raw.writeHead(429, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      reply.raw.end('Too many open event streams on this device.');
    }
  });

  app.get(rootCertificatePath, async (_request, reply) =>
    reply
      .code(200)
      .type('application/x-pem-file')
      .header('content-disposition', 'attachment; filename="clinic-root.pem"')
      .send(context.rootCertificatePem),
  );
}
