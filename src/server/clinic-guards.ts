import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DeviceState } from '../services/devices';
import { sendFailure } from './failure-replies';
import { deviceCookie, requestHeader } from './clinic-paths';

export function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

export const tokenSha256 = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The device cookie's token, when it has the shape the host issues (43 base64url characters). */
export function deviceToken(request: FastifyRequest): string | undefined {
  const token = request.cookies[deviceCookie];
  return token !== undefined && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : undefined;
}

/**
 * Cross-site request protection for everything under /api: the cookies are SameSite=Strict,
 * and on top of that a call must come from this very origin (Origin and Sec-Fetch-Site, when
 * the browser sends them) and carry the app's own header, which no other site can add.
 */
export function crossSiteRefusal(request: FastifyRequest, reply: FastifyReply): FastifyReply | null {
  // The Host header was checked against the host's own names on arrival (build-server.ts);
  // a device may use any of them, but the page must come from the same one.
  const origin = `https://${header(request, 'host') ?? ''}`;
  const sentOrigin = header(request, 'origin');
  const fetchSite = header(request, 'sec-fetch-site');
  if (
    (request.headers.origin !== undefined && sentOrigin !== origin) ||
    (request.headers['sec-fetch-site'] !== undefined && fetchSite !== 'same-origin') ||
    header(request, requestHeader) !== '1'
  ) {
    return sendFailure(reply, 403, 'FORBIDDEN', 'Cross-site calls are refused.');
  }
  return null;
}

/** What a device that may not call the contract is told, by its state. */
export function deviceRefusalMessage(device: DeviceState | null): string {
  switch (device?.status) {
    case 'pending':
      return 'This device is waiting for an administrator to approve it.';
    case 'revoked':
      return 'This device was revoked by an administrator. Ask an administrator to enrol it again.';
    case 'expired':
      return 'This device’s enrolment request expired. Ask to enrol it again.';
    default:
      return 'This device is not enrolled. Ask an administrator to enrol it.';
  }
}
