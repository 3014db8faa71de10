import { randomBytes } from 'node:crypto';
import type { SignIn } from '../services/sign-in';
import { createSignIn } from '../services/sign-in';
import { tokenSha256 } from './clinic-guards';

/** Sessions one device may hold at once (a browser shares one cookie between its tabs). */
const maxPerDevice = 8;
/** Sessions in all: beyond this the longest unused one is dropped. */
const maxSessions = 1024;
/**
 * How long a token replaced at sign-in still reaches its session: calls the page sent just
 * before the sign-in answered (a sign-in poll) carry it. Without this grace such a call would
 * find no session, be given a new signed-out one, and its cookie would sign the user out.
 * Sessions are bound to the device's own HttpOnly token, so an old session token alone is
 * worth nothing to anyone else.
 */
export const rotationGraceMs = 10_000;

export interface ClinicSession {
  readonly deviceId: number;
  /** Tokens replaced at sign-in, by key, with when each stops reaching this session. */
  readonly retired: Map<string, number>;
  /** The server-side sign-in; its own id is what the audit trail names, never the token. */
  readonly signIn: SignIn;
  lastSeenMs: number;
}

export interface IssuedSession {
  /** The bearer token, for the cookie only: 256 random bits, never stored or logged. */
  token: string;
  session: ClinicSession;
}

export interface ClinicSessions {
  /**
   * The session a cookie's token names, if it was issued to this very device (also for a
   * token replaced at sign-in within the last few seconds).
   */
  find(token: string | undefined, deviceId: number, nowMs: number): ClinicSession | undefined;
  /** A new, signed-out session for the device. */
  issue(deviceId: number, nowMs: number): IssuedSession;
  /** Same session under a new token (at sign-in, so a token known before it is worthless after). */
  rotate(oldToken: string, session: ClinicSession, nowMs: number): string;
  end(token: string): void;
  /** Ends every session of a device (revocation); returns how many there were. */
  endDevice(deviceId: number): number;
}

/**
 * Sessions issued by the clinic host, never chosen by the client. Tokens are kept hashed, so
 * neither a memory dump's map keys nor a timing difference in lookup gives one away.
 */
export function createClinicSessions(): ClinicSessions {
  const sessions = new Map<string, ClinicSession>();
  /** Replaced tokens' keys → their session, while their grace lasts. */
  const retired = new Map<string, ClinicSession>();

  const forget = (session: ClinicSession): void => {
    for (const key of session.retired.keys()) retired.delete(key);
    session.retired.clear();
  };

  const dropOldest = (predicate: (session: ClinicSession) => boolean): void => {
    let oldestKey: string | undefined;
    let oldestMs = Infinity;
    for (const [key, session] of sessions) {
      if (predicate(session) && session.lastSeenMs < oldestMs) {
        oldestKey = key;
        oldestMs = session.lastSeenMs;
      }
    }
    if (oldestKey === undefined) return;
    const dropped = sessions.get(oldestKey);
    sessions.delete(oldestKey);
    if (dropped !== undefined) forget(dropped);
  };

  return {
    find: (token, deviceId, nowMs) => {
      if (token === undefined) return undefined;
      const key = tokenSha256(token);
      const session = sessions.get(key);
      if (session !== undefined) {
        if (session.deviceId !== deviceId) return undefined;
        session.lastSeenMs = nowMs;
        return session;
      }
      const previous = retired.get(key);
      const untilMs = previous?.retired.get(key);
      if (previous === undefined || untilMs === undefined || untilMs < nowMs) {
        retired.delete(key);
        previous?.retired.delete(key);
        return undefined;
      }
      return previous.deviceId === deviceId ? previous : undefined;
    },
    issue: (deviceId, nowMs) => {
      let ofDevice = 0;
      for (const session of sessions.values()) if (session.deviceId === deviceId) ofDevice += 1;
      if (ofDevice >= maxPerDevice) dropOldest((session) => session.deviceId === deviceId);
      if (sessions.size >= maxSessions) dropOldest(() => true);
      const token = randomBytes(32).toString('base64url');
      const session: ClinicSession = { deviceId, signIn: createSignIn(), lastSeenMs: nowMs, retired: new Map() };
      sessions.set(tokenSha256(token), session);
      return { token, session };
    },
    rotate: (oldToken, session, nowMs) => {
      const oldKey = tokenSha256(oldToken);
      sessions.delete(oldKey);
      for (const [key, untilMs] of session.retired) {
        if (untilMs < nowMs) {
          session.retired.delete(key);
          retired.delete(key);
        }
      }
      session.retired.set(oldKey, nowMs + rotationGraceMs);
      retired.set(oldKey, session);
      const token = randomBytes(32).toString('base64url');
      sessions.set(tokenSha256(token), session);
      return token;
    },
    end: (token) => {
      const key = tokenSha256(token);
      const session = sessions.get(key) ?? retired.get(key);
      sessions.delete(key);
      if (session !== undefined) forget(session);
    },
    endDevice: (deviceId) => {
      let ended = 0;
      for (const [key, session] of sessions) {
        if (session.deviceId === deviceId) {
          sessions.delete(key);
          forget(session);
          ended += 1;
        }
      }
      return ended;
    },
  };
}
